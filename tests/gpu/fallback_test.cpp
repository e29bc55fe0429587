// What the GPU does not cover runs on the CPU per call, with the same results and structure:
// methods without a kernel (polar, q5_0, ...), outlier-channel protection, protection of kivi.
#include <gtest/gtest.h>

#include <string>

#include "backend_test_util.h"
#include "gpu/kernels/quantize_kernels.h"

namespace vq::gpu {
namespace {

void expectSameAsCpu(const quant::MethodConfig& cfg, const quant::ProtectionConfig& prot, int dim) {
  SCOPED_TRACE(cfg.method + " b=" + std::to_string(cfg.bits) + " protection " + prot.describe() + " d=" +
               std::to_string(dim));
  LayerData layer = test::syntheticLayer(4, 2, 70, dim, 21);
  auto cpu = test::cpuBackend()->openLayer(layer, {});
  auto gpu = test::vulkanBackend()->openLayer(std::move(layer), {});
  for (Role role : {Role::K, Role::V}) {
    const RoleReconstruction a = cpu->quantize(role, cfg, prot);
    const RoleReconstruction b = gpu->quantize(role, cfg, prot);
    EXPECT_EQ(a.values, b.values);
    EXPECT_EQ(a.bytes, b.bytes);
    EXPECT_EQ(a.headBytes, b.headBytes);
    EXPECT_EQ(a.protectedRows, b.protectedRows);
    EXPECT_EQ(a.bitsPerValue, b.bitsPerValue);
    EXPECT_EQ(a.config.isKey, b.config.isKey);
    for (int h = 0; h < 2; ++h) {
      const auto ra = cpu->reconstruction(a, h).finish(), rb = gpu->reconstruction(b, h).finish();
      EXPECT_EQ(ra.relMse, rb.relMse);  // host values: the CPU reduction itself
      EXPECT_EQ(ra.cosineP01, rb.cosineP01);
    }
  }
}

TEST(GpuFallback, UnsupportedWorkRunsOnTheCpuWithIdenticalResults) {
  VQ_REQUIRE_VULKAN();
  quant::MethodConfig polar;
  polar.method = "polar";
  polar.bits = 2;
  expectSameAsCpu(polar, {}, 64);
  quant::MethodConfig q5;
  q5.method = "q5_0";
  expectSameAsCpu(q5, {}, 64);
  quant::MethodConfig mse;
  mse.method = "turboquant_mse";
  mse.bits = 2;
  quant::ProtectionConfig prot;
  prot.sinkTokens = 4;
  prot.outlierChannels = 2;
  expectSameAsCpu(mse, prot, 64);  // outlier channels: CPU
  expectSameAsCpu(mse, prot, 48);
  quant::MethodConfig kivi;
  kivi.method = "kivi";
  kivi.bits = 2;
  quant::ProtectionConfig window;
  window.residualWindow = 8;
  expectSameAsCpu(kivi, window, 64);  // kivi groups span tokens: its protection runs on the CPU
}

TEST(GpuFallback, SupportCheckNamesTheReason) {
  quant::MethodConfig cfg;
  cfg.method = "polar";
  EXPECT_NE(quantizeUnsupportedReason(cfg, {}, {2, 10, 64})->find("no GPU kernel for polar"), std::string::npos);
  cfg.method = "turboquant_mse";
  EXPECT_FALSE(quantizeUnsupportedReason(cfg, {}, {2, 10, 64}).has_value());
  EXPECT_FALSE(quantizeUnsupportedReason(cfg, {}, {2, 10, 48}).has_value());  // dense rotation
  EXPECT_TRUE(quantizeUnsupportedReason(cfg, {}, {2, 10, 1000}).has_value());  // beyond the dense kernel
  quant::ProtectionConfig p;
  p.residualWindow = 8;
  EXPECT_FALSE(quantizeUnsupportedReason(cfg, p, {2, 10, 64}).has_value());
  p.outlierChannels = 2;
  EXPECT_NE(quantizeUnsupportedReason(cfg, p, {2, 10, 64})->find("outlier"), std::string::npos);
  cfg.method = "kivi";
  EXPECT_FALSE(quantizeUnsupportedReason(cfg, {}, {2, 10, 64}).has_value());
  p.outlierChannels = 0;
  EXPECT_TRUE(quantizeUnsupportedReason(cfg, p, {2, 10, 64}).has_value());
  cfg.method = "mlx_affine";
  cfg.bits = 5;  // not an MLX width: the CPU reports the error
  EXPECT_TRUE(quantizeUnsupportedReason(cfg, {}, {2, 10, 64}).has_value());
  cfg.method = "q4_0";
  EXPECT_FALSE(quantizeUnsupportedReason(cfg, {}, {2, 10, 16}).has_value());
  EXPECT_TRUE(quantizeUnsupportedReason(cfg, {}, {1, 10, 16}).has_value());
}

TEST(GpuFallback, CpuResultsStillFeedTheGpuAttention) {
  // polar runs on the CPU; its reconstruction is uploaded and the attention runs on the GPU.
  VQ_REQUIRE_VULKAN();
  LayerData layer = test::syntheticLayer(4, 2, 90, 64, 8);
  auto cpu = test::cpuBackend()->openLayer(layer, {});
  auto gpu = test::vulkanBackend()->openLayer(std::move(layer), {});
  quant::MethodConfig cfg;
  cfg.method = "polar";
  cfg.bits = 2;
  const auto kc = cpu->quantize(Role::K, cfg, {}), vc = cpu->quantize(Role::V, cfg, {});
  const auto kg = gpu->quantizeResident(Role::K, cfg, {}), vg = gpu->quantizeResident(Role::V, cfg, {});
  EXPECT_NE(kg.resident, nullptr);
  for (int h = 0; h < 2; ++h) {
    const auto a = cpu->attention(h, &kc, &vc)->finish(), b = gpu->attention(h, &kg, &vg)->finish();
    EXPECT_NEAR(a.both->aggregate, b.both->aggregate, 1e-3 * a.both->aggregate);
    EXPECT_NEAR(a.keys->klMean, b.keys->klMean, 2e-3 * a.keys->klMean);
  }
}

}  // namespace
}  // namespace vq::gpu
