// The whole evaluation pipeline (evaluateSweep) on the bundled real sample, CPU vs Vulkan: the
// storage is identical, the metrics agree within the per-quantity tolerances of the kernels.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "backend_test_util.h"
#include "core/eval/evaluator.h"
#include "core/io/dump.h"

namespace vq::gpu {
namespace {

constexpr double kReconRelTol = 1e-5;
constexpr double kCosineAbsTol = 1e-6;
constexpr double kAttentionRelTol = 2e-3;  // logits, KL, output errors pooled over the layer
constexpr double kAttentionAbsTol = 1e-8;
constexpr double kTopkAbsTol = 0.01;

void near(double a, double b, double rel, double abs, const std::string& what) {
  if (std::isnan(a) || std::isnan(b)) {
    EXPECT_TRUE(std::isnan(a) && std::isnan(b)) << what;
    return;
  }
  EXPECT_NEAR(a, b, rel * std::abs(a) + abs) << what;
}

void expectRecon(const metrics::ReconstructionMetrics& a, const metrics::ReconstructionMetrics& b, const std::string& w) {
  EXPECT_EQ(a.vectors, b.vectors) << w;
  EXPECT_EQ(a.usedVectors, b.usedVectors) << w;
  near(a.relMse, b.relMse, kReconRelTol, 0, w + " relMse");
  near(a.relMseAggregate, b.relMseAggregate, kReconRelTol, 0, w + " relMseAggregate");
  near(a.cosineMean, b.cosineMean, 0, kCosineAbsTol, w + " cosine");
  near(a.cosineP01, b.cosineP01, 0, kCosineAbsTol, w + " cosineP01");
  near(a.wastedBits, b.wastedBits, kReconRelTol, 1e-9, w + " wastedBits");
}

void expectOutput(const std::optional<metrics::OutputError>& a, const std::optional<metrics::OutputError>& b,
                  const std::string& w) {
  ASSERT_EQ(a.has_value(), b.has_value()) << w;
  if (!a) return;
  near(a->aggregate, b->aggregate, kAttentionRelTol, kAttentionAbsTol, w + " aggregate");
  near(a->meanRatio, b->meanRatio, kAttentionRelTol, kAttentionAbsTol, w + " meanRatio");
}

TEST(GpuEvaluator, RealSampleSweepMatchesTheCpu) {
  VQ_REQUIRE_VULKAN();
  const Dump dump = Dump::open(std::string(VQ_SAMPLES_DIR) + "/s01_story_kite.npz");
  std::vector<quant::MethodConfig> configs;
  for (int bits = 1; bits <= 4; ++bits) {
    quant::MethodConfig c;
    c.bits = bits;
    configs.push_back(c);
  }
  quant::MethodConfig nc;
  nc.bits = 2;
  nc.normCorrection = true;
  configs.push_back(nc);
  for (const char* m : {"q8_0", "q4_0", "kivi", "mlx_affine", "turboquant_rvq"}) {
    quant::MethodConfig c;
    c.method = m;
    c.bits = 2;
    configs.push_back(c);
  }
  EvalOptions options;
  options.attention.sampleQueries = 0;  // every position of the 97-token sample
  auto cpu = test::cpuBackend();
  auto gpu = test::vulkanBackend();
  const auto a = evaluateSweep(dump, configs, options, *cpu);
  const auto b = evaluateSweep(dump, configs, options, *gpu);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string w = a[i].config.method + " b=" + std::to_string(a[i].config.bits) +
                          (a[i].config.normCorrection ? " nc" : "");
    SCOPED_TRACE(w);
    EXPECT_EQ(a[i].bytesK, b[i].bytesK);
    EXPECT_EQ(a[i].bytesV, b[i].bytesV);
    EXPECT_EQ(a[i].bpv, b[i].bpv);
    expectRecon(a[i].reconK, b[i].reconK, "K");
    expectRecon(a[i].reconV, b[i].reconV, "V");
    ASSERT_TRUE(a[i].attention && b[i].attention);
    const auto& x = *a[i].attention;
    const auto& y = *b[i].attention;
    EXPECT_EQ(x.queries, y.queries);
    ASSERT_TRUE(x.keys && y.keys);
    near(x.keys->logitErrorRel, y.keys->logitErrorRel, kAttentionRelTol, 0, "logitErrorRel");
    near(x.keys->shrink, y.keys->shrink, kAttentionRelTol, 0, "shrink");
    near(x.keys->klMean, y.keys->klMean, kAttentionRelTol, kAttentionAbsTol, "klMean");
    near(x.keys->klMax, y.keys->klMax, kAttentionRelTol, kAttentionAbsTol, "klMax");
    near(x.keys->topkOverlap, y.keys->topkOverlap, 0, kTopkAbsTol, "topk");
    expectOutput(x.kOnly, y.kOnly, "kOnly");
    expectOutput(x.vOnly, y.vOnly, "vOnly");
    expectOutput(x.both, y.both, "both");
  }
}

}  // namespace
}  // namespace vq::gpu
