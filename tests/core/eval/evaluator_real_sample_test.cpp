// Every registered method on the real TinyStories sample: runs on every layer (or is rejected
// up front with its reason), storage is exact, and the metrics behave as the theory says.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/common/thread_pool.h"
#include "core/eval/evaluator.h"
#include "core/quant/registry.h"

namespace vq {
namespace {

const Dump& sample() {
  static const Dump d = Dump::open(VQ_SAMPLES_DIR "/s01_story_kite.npz");
  return d;
}

quant::MethodConfig config(const std::string& method, int bits) {
  quant::MethodConfig c;
  c.method = method;
  c.bits = bits;
  return c;
}

TEST(EvaluatorRealSample, EveryMethodRunsOnEveryLayerOrSaysWhyNot) {
  auto backend = makeCpuBackend(defaultThreadPool());
  EvalOptions opt;
  opt.attention.sampleQueries = 32;
  for (const auto& m : quant::methodRegistry()) {
    std::vector<int> bits = m.bits.empty() ? std::vector<int>{0} : m.bits;
    for (int b : bits) {
      if (b > 4) continue;
      SCOPED_TRACE(m.name + " " + std::to_string(b));
      const auto cfg = config(m.name, b);
      if (auto why = inapplicableReason(sample(), cfg)) {
        // Only the 128-value turbo blocks cannot fit the sample's 4 heads x 16 dims = 64 per row.
        EXPECT_EQ(m.name.rfind("turbo", 0), 0u) << *why;
        EXPECT_EQ(m.scope, quant::RowScope::LayerRow);
        EXPECT_NE(why->find("128"), std::string::npos) << *why;
        continue;
      }
      const auto s = evaluateSweep(sample(), {cfg}, opt, *backend).front();
      EXPECT_EQ(s.layers, 2);
      EXPECT_GT(s.bpv, 0.0);
      EXPECT_TRUE(std::isfinite(s.reconK.relMse));
      EXPECT_GE(s.reconK.cosineMean, 0.5);
      ASSERT_TRUE(s.attention.has_value());
      ASSERT_TRUE(s.attention->both.has_value());
      EXPECT_TRUE(std::isfinite(s.attention->both->aggregate));
    }
  }
}

TEST(EvaluatorRealSample, MoreBitsMeanBetterKeysAndAttention) {
  auto backend = makeCpuBackend(defaultThreadPool());
  EvalOptions opt;
  opt.attention.sampleQueries = 0;  // every query position
  for (const char* method : {"turboquant_mse", "kivi", "polar"}) {
    SCOPED_TRACE(method);
    const auto s = evaluateSweep(sample(), {config(method, 1), config(method, 2),
                                            config(method, 3), config(method, 4)},
                                 opt, *backend);
    for (size_t i = 1; i < s.size(); ++i) {
      EXPECT_GT(s[i].reconK.cosineMean, s[i - 1].reconK.cosineMean);
      EXPECT_LT(s[i].reconV.relMse, s[i - 1].reconV.relMse);
      EXPECT_GT(s[i].bpv, s[i - 1].bpv);
    }
    // K-only attention output error at 4 bits is below 2-bit's.
    EXPECT_LT(s[3].attention->kOnly->aggregate, s[1].attention->kOnly->aggregate);
  }
}

TEST(EvaluatorRealSample, StorageIsExactAndMatchesTheRegistry) {
  auto backend = makeCpuBackend(defaultThreadPool());
  const auto s = evaluateSweep(sample(), {config("turboquant_mse", 3), config("q4_0", 0), config("fp16", 0)}, {},
                               *backend);
  // turboquant_mse: ceil(16*3/8) + 2 = 8 bytes per 16-value vector = 4 bits per value.
  EXPECT_DOUBLE_EQ(s[0].bpvK, 4.0);
  EXPECT_DOUBLE_EQ(s[1].bpvK, 4.5);  // 18 bytes per 32 values
  EXPECT_DOUBLE_EQ(s[2].bpvV, 16.0);
  EXPECT_EQ(s[0].bytesK, uint64_t(2 * 4 * 97) * 8);  // layers x heads x tokens x 8 bytes
  // fp16 of f32 data is nearly exact.
  EXPECT_LT(s[2].reconK.relMse, 1e-6);
}

TEST(EvaluatorRealSample, ProtectionCountsItsBytesAndHelps) {
  auto backend = makeCpuBackend(defaultThreadPool());
  EvalOptions plain, prot;
  prot.protection.sinkTokens = 4;
  const auto a = evaluateSweep(sample(), {config("turboquant_mse", 2)}, plain, *backend).front();
  const auto b = evaluateSweep(sample(), {config("turboquant_mse", 2)}, prot, *backend).front();
  EXPECT_GT(b.bpvK, a.bpvK);                          // 4 sink tokens in fp16 cost bits
  EXPECT_LT(b.reconK.relMse, a.reconK.relMse);        // and remove their error
}

TEST(EvaluatorRealSample, CancelStopsBetweenLayers) {
  auto backend = makeCpuBackend(defaultThreadPool());
  std::stop_source stop;
  stop.request_stop();
  EXPECT_THROW(evaluateSweep(sample(), {config("turboquant_mse", 2)}, {}, *backend, Progress(stop.get_token())),
               Error);
}

}  // namespace
}  // namespace vq
