#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "core/metrics/attention_layer.h"
#include "core/metrics/query_sampling.h"

namespace vq::metrics {
namespace {

// An in-memory layer: q [Hq,T,d], k/v [Hkv,T,d].
struct FakeLayer {
  int Hq = 4, Hkv = 2, d = 8;
  int64_t T = 24;
  std::vector<float> q, k, v;
  FakeLayer() {
    std::mt19937 rng(17);
    std::normal_distribution<float> g;
    q.resize(size_t(Hq) * size_t(T) * size_t(d));
    k.resize(size_t(Hkv) * size_t(T) * size_t(d));
    v.resize(k.size());
    for (auto* t : {&q, &k, &v})
      for (float& x : *t) x = g(rng);
  }
  size_t per() const { return size_t(T) * size_t(d); }
  std::span<const float> head(const std::vector<float>& t, int h) const {
    return std::span(t).subspan(size_t(h) * per(), per());
  }
  LayerAttentionInput input() const {
    LayerAttentionInput in;
    in.qHeads = Hq;
    in.kvHeads = Hkv;
    in.tokens = T;
    in.headDim = d;
    in.read = [this](Role role, int h, std::span<float> out) {
      const auto& t = role == Role::Q ? q : role == Role::K ? k : v;
      const auto src = head(t, h);
      std::copy(src.begin(), src.end(), out.begin());
    };
    return in;
  }
};

TEST(LayerAttention, GqaGroupsQueryHeadsOntoTheirKvHead) {
  const FakeLayer L;
  LayerAttentionInput in = L.input();
  // KV head 0 keys are halved, KV head 1 keys are exact.
  in.readKHat = [&](int kv, std::span<float> out) {
    const auto src = L.head(L.k, kv);
    for (size_t i = 0; i < out.size(); ++i) out[i] = kv == 0 ? 0.5f * src[i] : src[i];
  };
  AttentionOptions opt;
  opt.sampleQueries = 10;
  opt.seed = 3;
  ThreadPool pool(2);
  const auto res = evaluateLayerAttention(in, opt, pool);
  ASSERT_TRUE(res.has_value());
  EXPECT_EQ(res->positions, sampleQueryPositions(L.T, 10, 3));
  ASSERT_EQ(res->perKvHead.size(), 2u);
  const AttentionMetrics h0 = res->perKvHead[0].finish(), h1 = res->perKvHead[1].finish();
  EXPECT_EQ(h0.queries, 20);  // 2 query heads x 10 positions
  EXPECT_NEAR(h0.keys->shrink, 0.5, 1e-6);
  EXPECT_GT(h0.keys->klMean, 0.0);
  EXPECT_EQ(h1.keys->shrink, 1.0);
  EXPECT_EQ(h1.keys->klMax, 0.0);
  EXPECT_FALSE(h0.vOnly.has_value());
  EXPECT_EQ(res->total.queries, 40);
  EXPECT_FALSE(res->total.finish().vOnly.has_value());

  // KV head 0 is read by query heads 0 and 1 (Hq/Hkv = 2): same sums as a direct evaluation.
  auto direct = [&](int qa, int qb, int kv) {
    std::vector<float> qg;
    for (int h : {qa, qb}) {
      const auto s = L.head(L.q, h);
      qg.insert(qg.end(), s.begin(), s.end());
    }
    std::vector<float> kh(L.head(L.k, kv).begin(), L.head(L.k, kv).end());
    for (float& x : kh) x *= kv == 0 ? 0.5f : 1.0f;
    AttentionHeadInput hi;
    hi.headDim = L.d;
    hi.tokens = L.T;
    hi.groupSize = 2;
    hi.q = qg;
    hi.k = L.head(L.k, kv);
    hi.v = L.head(L.v, kv);
    hi.positions = res->positions;
    return evaluateAttentionHead(hi, kh, {}).finish();
  };
  const AttentionMetrics want0 = direct(0, 1, 0);
  EXPECT_EQ(h0.keys->klMean, want0.keys->klMean);
  EXPECT_EQ(h0.kOnly->aggregate, want0.kOnly->aggregate);
  const AttentionMetrics wrong = direct(2, 3, 0);  // query heads of the other group
  EXPECT_NE(h0.keys->klMean, wrong.keys->klMean);
  const AttentionMetrics want1 = direct(2, 3, 1);
  EXPECT_EQ(h1.kOnly->aggregate, want1.kOnly->aggregate);
}

TEST(LayerAttention, ResultDoesNotDependOnThreads) {
  const FakeLayer L;
  LayerAttentionInput in = L.input();
  in.readKHat = [&](int kv, std::span<float> out) {
    const auto src = L.head(L.k, kv);
    for (size_t i = 0; i < out.size(); ++i) out[i] = src[i] + 0.05f * float(i % 7);
  };
  in.readVHat = [&](int kv, std::span<float> out) {
    const auto src = L.head(L.v, kv);
    for (size_t i = 0; i < out.size(); ++i) out[i] = src[i] * 0.9f;
  };
  ThreadPool one(1), three(3);
  const auto a = evaluateLayerAttention(in, {}, one);
  const auto b = evaluateLayerAttention(in, {}, three);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->positions.size(), size_t(L.T));  // 256 > T: every position
  const AttentionMetrics ma = a->total.finish(), mb = b->total.finish();
  ASSERT_TRUE(ma.both && mb.both);
  EXPECT_EQ(ma.both->aggregate, mb.both->aggregate);
  EXPECT_EQ(ma.keys->klMean, mb.keys->klMean);
  EXPECT_EQ(ma.vOnly->meanRatio, mb.vOnly->meanRatio);
}

TEST(LayerAttention, NoQueriesMeansUnavailable) {
  const FakeLayer L;
  LayerAttentionInput in = L.input();
  in.qHeads = 0;
  ThreadPool pool(2);
  EXPECT_FALSE(evaluateLayerAttention(in, {}, pool).has_value());
}

TEST(LayerAttention, ErrorsAndCancellation) {
  const FakeLayer L;
  ThreadPool pool(2);
  LayerAttentionInput bad = L.input();
  bad.qHeads = 3;  // not a multiple of 2
  EXPECT_THROW(evaluateLayerAttention(bad, {}, pool), Error);

  LayerAttentionInput failing = L.input();
  failing.readKHat = [](int, std::span<float>) { throw std::runtime_error("cannot quantize"); };
  EXPECT_THROW(evaluateLayerAttention(failing, {}, pool), std::runtime_error);

  std::stop_source stop;
  stop.request_stop();
  try {
    evaluateLayerAttention(L.input(), {}, pool, stop.get_token());
    FAIL() << "not cancelled";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Cancelled);
  }
}

}  // namespace
}  // namespace vq::metrics
