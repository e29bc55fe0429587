#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <set>
#include <vector>

#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "core/metrics/attention.h"
#include "core/metrics/query_sampling.h"

namespace vq::metrics {
namespace {

std::vector<float> randomVec(size_t n, uint32_t seed, float scale = 1.0f) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> g(0.0f, scale);
  std::vector<float> v(n);
  for (float& x : v) x = g(rng);
  return v;
}

std::vector<int64_t> allPositions(int64_t T) {
  std::vector<int64_t> p(static_cast<size_t>(T));
  std::iota(p.begin(), p.end(), int64_t(0));
  return p;
}

struct HeadData {
  int d = 0;
  int64_t T = 0;
  int G = 1;
  std::vector<float> q, k, v;
  std::vector<int64_t> pos;
  AttentionHeadInput input() const {
    AttentionHeadInput in;
    in.headDim = d;
    in.tokens = T;
    in.groupSize = G;
    in.q = q;
    in.k = k;
    in.v = v;
    in.positions = pos;
    return in;
  }
};

HeadData randomHead(int d, int64_t T, int G, uint32_t seed) {
  HeadData h;
  h.d = d;
  h.T = T;
  h.G = G;
  h.q = randomVec(size_t(G * T * d), seed, 1.5f);
  h.k = randomVec(size_t(T * d), seed + 1, 1.5f);
  h.v = randomVec(size_t(T * d), seed + 2);
  h.pos = allPositions(T);
  return h;
}

// Straightforward double-precision evaluation of the documented definitions.
AttentionMetrics naive(const HeadData& h, const std::vector<float>& kh,
                       const std::vector<float>& vh) {
  const int d = h.d;
  const double sc = 1.0 / std::sqrt(double(d));
  double err2 = 0, dev2 = 0, ratio = 0, cross = 0, sq = 0, klSum = 0, klMax = 0, top = 0;
  int64_t ratioN = 0, queries = 0;
  OutputErrorSums ko, vo, bo;
  auto add = [](OutputErrorSums& s, double e, double r) {
    s.err2 += e;
    s.ref2 += r;
    if (r > 0) {
      s.ratioSum += e / r;
      ++s.ratioCount;
    }
  };
  for (int64_t t : h.pos) {
    for (int g = 0; g < h.G; ++g) {
      ++queries;
      const float* q = &h.q[size_t((g * h.T + t) * d)];
      const int64_t n = t + 1;
      std::vector<double> l(static_cast<size_t>(n)), lh(static_cast<size_t>(n));
      for (int64_t j = 0; j < n; ++j) {
        double a = 0, b = 0;
        for (int i = 0; i < d; ++i) {
          a += double(q[i]) * h.k[size_t(j * d + i)];
          b += double(q[i]) * kh[size_t(j * d + i)];
        }
        l[size_t(j)] = a * sc;
        lh[size_t(j)] = b * sc;
      }
      auto softmax = [](const std::vector<double>& x) {
        const double m = *std::max_element(x.begin(), x.end());
        std::vector<double> p(x.size());
        double s = 0;
        for (size_t j = 0; j < x.size(); ++j) s += p[j] = std::exp(x[j] - m);
        for (double& v : p) v /= s;
        return p;
      };
      const auto p = softmax(l), ph = softmax(lh);
      const double mean = std::accumulate(l.begin(), l.end(), 0.0) / double(n);
      double e = 0, dv = 0, kl = 0;
      for (int64_t j = 0; j < n; ++j) {
        const size_t u = size_t(j);
        e += (lh[u] - l[u]) * (lh[u] - l[u]);
        dv += (l[u] - mean) * (l[u] - mean);
        cross += l[u] * lh[u];
        sq += l[u] * l[u];
        kl += p[u] * std::log(p[u] / ph[u]);
      }
      if (dv > 0) {
        err2 += e;
        dev2 += dv;
        ratio += std::sqrt(e / dv);
        ++ratioN;
      }
      klSum += kl;
      klMax = std::max(klMax, kl);
      const int k = int(std::min<int64_t>(8, n));
      auto topIdx = [&](const std::vector<double>& x) {
        std::vector<int64_t> idx(x.size());
        std::iota(idx.begin(), idx.end(), int64_t(0));
        std::stable_sort(idx.begin(), idx.end(),
                         [&](int64_t a, int64_t b) { return x[size_t(a)] > x[size_t(b)]; });
        return std::set<int64_t>(idx.begin(), idx.begin() + k);
      };
      const auto ta = topIdx(l), tb = topIdx(lh);
      int common = 0;
      for (auto i : ta) common += int(tb.count(i));
      top += double(common) / k;
      const size_t du = static_cast<size_t>(d);
      std::vector<double> o(du, 0.0), ok(du, 0.0), ov(du, 0.0), okv(du, 0.0);
      for (int64_t j = 0; j < n; ++j) {
        for (int i = 0; i < d; ++i) {
          const size_t x = size_t(j * d + i);
          o[size_t(i)] += p[size_t(j)] * h.v[x];
          ok[size_t(i)] += ph[size_t(j)] * h.v[x];
          ov[size_t(i)] += p[size_t(j)] * vh[x];
          okv[size_t(i)] += ph[size_t(j)] * vh[x];
        }
      }
      double r = 0, a = 0, b = 0, c = 0;
      for (int i = 0; i < d; ++i) {
        const size_t u = size_t(i);
        r += o[u] * o[u];
        a += (ok[u] - o[u]) * (ok[u] - o[u]);
        b += (ov[u] - o[u]) * (ov[u] - o[u]);
        c += (okv[u] - o[u]) * (okv[u] - o[u]);
      }
      add(ko, a, r);
      add(vo, b, r);
      add(bo, c, r);
    }
  }
  AttentionMetrics m;
  m.queries = queries;
  KeyAttentionMetrics k;
  k.logitErrorRel = std::sqrt(err2 / dev2);
  k.logitErrorRelMean = ratio / double(ratioN);
  k.shrink = cross / sq;
  k.klMean = klSum / double(queries);
  k.klMax = klMax;
  k.topkOverlap = top / double(queries);
  m.keys = k;
  m.kOnly = ko.finish();
  m.vOnly = vo.finish();
  m.both = bo.finish();
  return m;
}

TEST(Attention, IdentityReconstructionGivesExactlyZero) {
  const HeadData h = randomHead(16, 70, 2, 11);
  const std::vector<float> kCopy = h.k, vCopy = h.v;  // different memory, same values
  const AttentionMetrics m = evaluateAttentionHead(h.input(), kCopy, vCopy).finish();
  EXPECT_EQ(m.queries, 140);
  ASSERT_TRUE(m.keys && m.kOnly && m.vOnly && m.both);
  EXPECT_EQ(m.keys->logitErrorRel, 0.0);
  EXPECT_EQ(m.keys->logitErrorRelMean, 0.0);
  EXPECT_EQ(m.keys->shrink, 1.0);
  EXPECT_EQ(m.keys->klMean, 0.0);
  EXPECT_EQ(m.keys->klMax, 0.0);
  EXPECT_EQ(m.keys->topkOverlap, 1.0);
  EXPECT_EQ(m.kOnly->aggregate, 0.0);
  EXPECT_EQ(m.kOnly->meanRatio, 0.0);
  EXPECT_EQ(m.vOnly->aggregate, 0.0);
  EXPECT_EQ(m.both->aggregate, 0.0);
  EXPECT_EQ(m.both->meanRatio, 0.0);
}

TEST(Attention, MatchesTheDefinitionsOnRandomData) {
  HeadData h = randomHead(8, 50, 3, 5);
  h.pos = {0, 1, 7, 20, 33, 49};
  std::vector<float> kh = h.k, vh = h.v;
  const auto nk = randomVec(kh.size(), 99, 0.3f), nv = randomVec(vh.size(), 98, 0.2f);
  for (size_t i = 0; i < kh.size(); ++i) {
    kh[i] = 0.9f * kh[i] + nk[i];
    vh[i] += nv[i];
  }
  const AttentionMetrics got = evaluateAttentionHead(h.input(), kh, vh).finish();
  const AttentionMetrics want = naive(h, kh, vh);
  EXPECT_EQ(got.queries, 18);
  ASSERT_TRUE(got.keys && got.kOnly && got.vOnly && got.both);
  auto near = [](double a, double b) {
    return std::abs(a - b) <= 1e-4 * std::max(1.0, std::abs(b));
  };
  EXPECT_PRED2(near, got.keys->logitErrorRel, want.keys->logitErrorRel);
  EXPECT_PRED2(near, got.keys->logitErrorRelMean, want.keys->logitErrorRelMean);
  EXPECT_PRED2(near, got.keys->shrink, want.keys->shrink);
  EXPECT_NEAR(got.keys->klMean, want.keys->klMean, 1e-5 * want.keys->klMean + 1e-9);
  EXPECT_NEAR(got.keys->klMax, want.keys->klMax, 1e-5 * want.keys->klMax + 1e-9);
  EXPECT_DOUBLE_EQ(got.keys->topkOverlap, want.keys->topkOverlap);
  EXPECT_NEAR(got.kOnly->aggregate, want.kOnly->aggregate, 1e-4 * want.kOnly->aggregate);
  EXPECT_NEAR(got.kOnly->meanRatio, want.kOnly->meanRatio, 1e-4 * want.kOnly->meanRatio);
  EXPECT_NEAR(got.vOnly->aggregate, want.vOnly->aggregate, 1e-4 * want.vOnly->aggregate);
  EXPECT_NEAR(got.vOnly->meanRatio, want.vOnly->meanRatio, 1e-4 * want.vOnly->meanRatio);
  EXPECT_NEAR(got.both->aggregate, want.both->aggregate, 1e-4 * want.both->aggregate);
  EXPECT_NEAR(got.both->meanRatio, want.both->meanRatio, 1e-4 * want.both->meanRatio);
  EXPECT_GT(want.keys->klMean, 1e-4);
  EXPECT_LT(want.keys->topkOverlap, 1.0);
}

TEST(Attention, HandComputedCausalExample) {
  // d = 2, T = 3, one query head. Keys and values chosen so the softmax is easy to write down.
  HeadData h;
  h.d = 2;
  h.T = 3;
  h.G = 1;
  const double s2 = std::sqrt(2.0);
  // q_t = (√2·a_t, 0) so ℓ_j = a_t·k_j[0].
  h.q = {float(s2 * 1.0), 0, float(s2 * 1.0), 0, float(s2 * 2.0), 0};
  h.k = {0, 1, 1, 0, std::log(2.0f), 5};
  h.v = {1, 0, 0, 1, 2, 2};
  h.pos = {0, 1, 2};
  AttentionReference ref(h.input());
  const MatrixRMf& o = ref.outputs();
  // t = 0: only key 0 -> o = v0.
  EXPECT_FLOAT_EQ(o(0, 0), 1.0f);
  EXPECT_FLOAT_EQ(o(0, 1), 0.0f);
  // t = 1: ℓ = (0, 1): p = (1, e)/(1+e).
  const double e = std::exp(1.0);
  EXPECT_NEAR(o(1, 0), 1.0 / (1 + e), 1e-6);
  EXPECT_NEAR(o(1, 1), e / (1 + e), 1e-6);
  // t = 2: ℓ = 2·(0, 1, ln 2) = (0, 2, 2 ln 2): weights (1, e², 4).
  const double z = 1 + e * e + 4;
  EXPECT_NEAR(o(2, 0), (1 + 2 * 4) / z, 1e-6);
  EXPECT_NEAR(o(2, 1), (e * e + 2 * 4) / z, 1e-6);

  // Whatever K̂ is, the query at position 0 sees only key 0: its output and p are unchanged.
  const std::vector<float> wildK = {7, -3, 100, 4, -9, 0.5f};
  HeadData first = h;
  first.pos = {0};
  const AttentionMetrics m0 = evaluateAttentionHead(first.input(), wildK, {}).finish();
  ASSERT_TRUE(m0.kOnly && m0.keys);
  EXPECT_EQ(m0.kOnly->aggregate, 0.0);
  EXPECT_EQ(m0.keys->klMax, 0.0);
  EXPECT_EQ(m0.keys->topkOverlap, 1.0);
  EXPECT_TRUE(std::isnan(m0.keys->logitErrorRel));  // one key: no logit spread, undefined
  // Changing only the last key does not affect positions 0 and 1 (the mask hides it).
  std::vector<float> lastK = h.k;
  lastK[4] = -50;
  HeadData early = h;
  early.pos = {0, 1};
  const AttentionMetrics m1 = evaluateAttentionHead(early.input(), lastK, {}).finish();
  EXPECT_EQ(m1.kOnly->aggregate, 0.0);
  EXPECT_EQ(m1.keys->klMax, 0.0);
  const AttentionMetrics m2 = evaluateAttentionHead(h.input(), lastK, {}).finish();
  EXPECT_GT(m2.kOnly->aggregate, 0.0);
  EXPECT_GT(m2.keys->klMax, 0.0);
}

TEST(Attention, HalfScaledKeysShrinkByHalf) {
  const HeadData h = randomHead(16, 64, 2, 21);
  std::vector<float> kh = h.k;
  for (float& x : kh) x *= 0.5f;
  const AttentionMetrics m = evaluateAttentionHead(h.input(), kh, {}).finish();
  ASSERT_TRUE(m.keys);
  EXPECT_NEAR(m.keys->shrink, 0.5, 1e-6);
  EXPECT_GT(m.keys->klMean, 1e-3);
  EXPECT_GT(m.keys->klMax, m.keys->klMean);
  // ℓ̂ − ℓ = −ℓ/2, measured against the spread around each query's mean logit: a bit above ½.
  EXPECT_GT(m.keys->logitErrorRel, 0.5);
  EXPECT_NEAR(m.keys->logitErrorRel, naive(h, kh, h.v).keys->logitErrorRel, 1e-5);
  EXPECT_GT(m.kOnly->aggregate, 0.0);
  EXPECT_FALSE(m.vOnly.has_value());
  EXPECT_FALSE(m.both.has_value());
}

TEST(Attention, ValueOffsetGivesTheAnalyticError) {
  // V̂ = V + δ for every token: since Σp = 1, ô − o = δ exactly for every query.
  const HeadData h = randomHead(8, 40, 2, 31);
  const std::vector<float> delta = {0.1f, -0.2f, 0.0f, 0.3f, 0.05f, 0.0f, -0.1f, 0.25f};
  double delta2 = 0;
  for (float x : delta) delta2 += double(x) * x;
  std::vector<float> vh = h.v;
  for (int64_t t = 0; t < h.T; ++t)
    for (int i = 0; i < h.d; ++i) vh[size_t(t * h.d + i)] += delta[size_t(i)];
  AttentionReference ref(h.input());
  const AttentionMetrics m = ref.evaluate({}, vh).finish();
  ASSERT_TRUE(m.vOnly);
  EXPECT_FALSE(m.keys.has_value());
  EXPECT_FALSE(m.kOnly.has_value());
  double sumO2 = 0, meanRatio = 0;
  for (int64_t r = 0; r < ref.rows(); ++r) {
    const double o2 = ref.outputs().row(r).cast<double>().squaredNorm();
    sumO2 += o2;
    meanRatio += delta2 / o2;
  }
  meanRatio /= double(ref.rows());
  EXPECT_NEAR(m.vOnly->aggregate, double(ref.rows()) * delta2 / sumO2, 1e-5 * m.vOnly->aggregate);
  EXPECT_NEAR(m.vOnly->meanRatio, meanRatio, 1e-5 * meanRatio);
}

TEST(Attention, BothCaseCombinesErrors) {
  const HeadData h = randomHead(8, 30, 1, 41);
  std::vector<float> kh = h.k, vh = h.v;
  for (float& x : kh) x *= 0.8f;
  for (float& x : vh) x += 0.05f;
  AttentionReference ref(h.input());
  const AttentionMetrics both = ref.evaluate(kh, vh).finish();
  const AttentionMetrics konly = ref.evaluate(kh, {}).finish();
  const AttentionMetrics vonly = ref.evaluate({}, vh).finish();
  EXPECT_DOUBLE_EQ(both.kOnly->aggregate, konly.kOnly->aggregate);
  EXPECT_DOUBLE_EQ(both.vOnly->aggregate, vonly.vOnly->aggregate);
  EXPECT_EQ(both.keys->klMean, konly.keys->klMean);
  EXPECT_GT(both.both->aggregate, 0.0);
}

TEST(Attention, SumsMergeAcrossPositionChunks) {
  HeadData h = randomHead(8, 60, 2, 51);
  std::vector<float> kh = h.k;
  for (float& x : kh) x = x * 0.9f + 0.05f;
  const AttentionSums whole = evaluateAttentionHead(h.input(), kh, h.v);
  HeadData a = h, b = h;
  a.pos.assign(h.pos.begin(), h.pos.begin() + 25);
  b.pos.assign(h.pos.begin() + 25, h.pos.end());
  AttentionSums merged = evaluateAttentionHead(a.input(), kh, h.v);
  merged.merge(evaluateAttentionHead(b.input(), kh, h.v));
  const AttentionMetrics x = whole.finish(), y = merged.finish();
  EXPECT_EQ(x.queries, y.queries);
  // Different blocks give float products summed in another order: equal to float rounding. KL is a
  // small difference of float log-probabilities, so its rounding is relative 1e-7..1e-6 (the
  // -O1 sanitizer build differs from -O2 by 1.5e-8 relative); a wrong merge is off by percents.
  EXPECT_NEAR(x.keys->logitErrorRel, y.keys->logitErrorRel, 1e-8 * x.keys->logitErrorRel);
  EXPECT_NEAR(x.keys->shrink, y.keys->shrink, 1e-8);
  EXPECT_NEAR(x.keys->klMean, y.keys->klMean, 1e-6 * x.keys->klMean);
  EXPECT_NEAR(x.keys->klMax, y.keys->klMax, 1e-6 * x.keys->klMax);
  EXPECT_NEAR(x.kOnly->aggregate, y.kOnly->aggregate, 1e-6 * x.kOnly->aggregate);
  // Merging with sums that lack V̂ drops the V metrics instead of reporting zeros.
  AttentionSums kOnly = evaluateAttentionHead(a.input(), kh, {});
  kOnly.merge(evaluateAttentionHead(b.input(), kh, h.v));
  EXPECT_FALSE(kOnly.finish().vOnly.has_value());
  EXPECT_TRUE(kOnly.finish().kOnly.has_value());
}

TEST(Attention, PoolGivesTheSameSums) {
  // 300 positions x 2 heads = 600 rows: several blocks of queries.
  const HeadData h = randomHead(16, 300, 2, 81);
  std::vector<float> kh = h.k, vh = h.v;
  for (size_t i = 0; i < kh.size(); ++i) {
    kh[i] *= 0.95f;
    vh[i] += 0.01f * float(i % 5);
  }
  ThreadPool pool(3);
  const AttentionReference serial(h.input());
  const AttentionReference parallel(h.input(), &pool);
  const AttentionMetrics a = serial.evaluate(kh, vh).finish();
  const AttentionMetrics b = parallel.evaluate(kh, vh, &pool).finish();
  EXPECT_EQ(a.queries, 600);
  EXPECT_EQ(a.keys->klMean, b.keys->klMean);
  EXPECT_EQ(a.keys->klMax, b.keys->klMax);
  EXPECT_EQ(a.keys->logitErrorRel, b.keys->logitErrorRel);
  EXPECT_EQ(a.keys->topkOverlap, b.keys->topkOverlap);
  EXPECT_EQ(a.both->aggregate, b.both->aggregate);
  EXPECT_EQ(a.vOnly->meanRatio, b.vOnly->meanRatio);
  EXPECT_EQ(serial.outputs(), parallel.outputs());
}

TEST(Attention, NoQueriesMeansNoMetrics) {
  HeadData h = randomHead(4, 10, 1, 61);
  h.pos.clear();
  const AttentionMetrics m = evaluateAttentionHead(h.input(), h.k, h.v).finish();
  EXPECT_EQ(m.queries, 0);
  EXPECT_FALSE(m.keys || m.kOnly || m.vOnly || m.both);
}

TEST(Attention, RejectsBadInput) {
  HeadData h = randomHead(4, 10, 1, 71);
  h.pos = {3, 3};
  EXPECT_THROW(AttentionReference{h.input()}, Error);
  h.pos = {10};
  EXPECT_THROW(AttentionReference{h.input()}, Error);
  h.pos = {1, 2};
  AttentionReference ref(h.input());
  const std::vector<float> shortK(5);
  EXPECT_THROW((void)ref.evaluate(shortK, {}), Error);
  h.q.pop_back();
  EXPECT_THROW(AttentionReference{h.input()}, Error);
}

TEST(Attention, GqaHeadMapping) {
  EXPECT_EQ(kvHeadOfQueryHead(0, 8, 4), 0);
  EXPECT_EQ(kvHeadOfQueryHead(1, 8, 4), 0);
  EXPECT_EQ(kvHeadOfQueryHead(2, 8, 4), 1);
  EXPECT_EQ(kvHeadOfQueryHead(7, 8, 4), 3);
  EXPECT_EQ(kvHeadOfQueryHead(5, 8, 8), 5);
  EXPECT_EQ(kvHeadOfQueryHead(31, 32, 1), 0);
}

TEST(QuerySampling, DeterministicSortedUniqueAndIncludesLast) {
  for (int64_t T : {2, 17, 100, 4096, 32768}) {
    for (int64_t n : {1, 2, 16, 256}) {
      const auto a = sampleQueryPositions(T, n, 1234);
      const auto b = sampleQueryPositions(T, n, 1234);
      EXPECT_EQ(a, b);
      const int64_t expect = n >= T ? T : n;
      ASSERT_EQ(int64_t(a.size()), expect) << T << " " << n;
      EXPECT_EQ(a.back(), T - 1);
      EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
      EXPECT_EQ(std::adjacent_find(a.begin(), a.end()), a.end());
      EXPECT_GE(a.front(), 0);
    }
  }
  // Spread: one position per stratum, so the first one lies in the first T/n tokens.
  const auto s = sampleQueryPositions(4096, 256, 7);
  EXPECT_LT(s.front(), 16);
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    EXPECT_GE(s[i], int64_t(i) * 16);
    EXPECT_LT(s[i], int64_t(i + 1) * 16);
  }
  EXPECT_NE(sampleQueryPositions(4096, 256, 8), s);  // the seed matters
  EXPECT_EQ(sampleQueryPositions(5, 0, 1), (std::vector<int64_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(sampleQueryPositions(5, 9, 1), (std::vector<int64_t>{0, 1, 2, 3, 4}));
  EXPECT_TRUE(sampleQueryPositions(0, 4, 1).empty());
}

}  // namespace
}  // namespace vq::metrics
