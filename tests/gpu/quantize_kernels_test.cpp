// The GPU quantize -> decode kernels against the CPU reference: turboquant_mse, q8_0 and q4_0 are
// bit-identical (values and storage), over head_dim, tokens and KV heads.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <random>
#include <cstring>
#include <string>
#include <vector>

#include "backend_test_util.h"
#include "core/quant/llamacpp_q4.h"
#include "core/quant/llamacpp_q8_0.h"
#include "gpu/kernels/quantize_kernels.h"
#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_commands.h"

namespace vq::gpu {
namespace {

using test::syntheticLayer;

struct Shape {
  int kvHeads;
  int64_t tokens;
  int dim;
};

void expectBitIdentical(const quant::MethodConfig& cfg, const Shape& s, uint64_t seed) {
  SCOPED_TRACE(cfg.method + " b=" + std::to_string(cfg.bits) + (cfg.normCorrection ? " nc" : "") + " H=" +
               std::to_string(s.kvHeads) + " T=" + std::to_string(s.tokens) + " d=" + std::to_string(s.dim));
  LayerData layer = syntheticLayer(0, s.kvHeads, s.tokens, s.dim, seed);
  auto cpu = test::cpuBackend()->openLayer(layer, {});
  auto gpu = test::vulkanBackend()->openLayer(std::move(layer), {});
  for (Role role : {Role::K, Role::V}) {
    const RoleReconstruction a = cpu->quantize(role, cfg, {});
    const RoleReconstruction b = gpu->quantize(role, cfg, {});
    ASSERT_NE(b.resident, nullptr) << "ran on the CPU";
    EXPECT_EQ(a.bytes, b.bytes);
    EXPECT_EQ(a.headBytes, b.headBytes);
    EXPECT_EQ(a.bitsPerValue, b.bitsPerValue);
    EXPECT_EQ(a.config.isKey, b.config.isKey);
    ASSERT_EQ(a.values.size(), b.values.size());
    size_t differ = 0, first = 0;
    for (size_t i = 0; i < a.values.size(); ++i)
      if (std::bit_cast<uint32_t>(a.values[i]) != std::bit_cast<uint32_t>(b.values[i]) && differ++ == 0) first = i;
    EXPECT_EQ(differ, 0u) << "first at " << first << ": cpu " << a.values[first] << " gpu " << b.values[first];
  }
}

TEST(GpuQuantize, TurboquantMseIsBitIdentical) {
  VQ_REQUIRE_VULKAN();
  for (const Shape& s : {Shape{1, 1, 16}, Shape{2, 37, 64}, Shape{4, 300, 128}, Shape{1, 5, 2}, Shape{2, 9, 256}})
    for (int bits : {1, 2, 3, 4, 8})
      for (bool nc : {false, true}) {
        quant::MethodConfig cfg;
        cfg.method = "turboquant_mse";
        cfg.bits = bits;
        cfg.normCorrection = nc;
        cfg.seed = 42 + uint64_t(bits);
        expectBitIdentical(cfg, s, 7 + uint64_t(bits));
      }
}

TEST(GpuQuantize, GgmlBlockFormatsAreBitIdentical) {
  VQ_REQUIRE_VULKAN();
  for (const Shape& s : {Shape{2, 1, 16}, Shape{4, 37, 16}, Shape{1, 300, 64}, Shape{4, 100, 128}})
    for (const char* m : {"q8_0", "q4_0"}) {
      quant::MethodConfig cfg;
      cfg.method = m;
      expectBitIdentical(cfg, s, 11);
    }
}

// Blocks chosen to hit the corner cases of the reference quantizers: zeros, ties for the largest
// magnitude, all-equal values, ±max, values at rounding halfway points, tiny and huge scales.
std::vector<float> edgeBlocks() {
  std::vector<float> v;
  auto block = [&](auto f) {
    for (int j = 0; j < 32; ++j) v.push_back(f(j));
  };
  block([](int) { return 0.0f; });
  block([](int j) { return j == 5 ? -3.0f : (j == 9 ? 3.0f : 0.5f); });  // tie of ±max: first wins
  block([](int) { return 1.25f; });
  block([](int) { return -7.0f; });
  block([](int j) { return float(j - 16) * 0.5f; });                     // many halfway codes
  block([](int j) { return j % 2 ? 65504.0f : -65504.0f; });
  block([](int j) { return float(j) * 1e-6f; });
  block([](int j) { return std::ldexp(1.0f, -14) * float(j % 5); });      // fp16 subnormal scales
  block([](int j) { return 1e20f * float(j % 3 - 1); });                  // scale overflows fp16
  block([](int j) { return j == 0 ? 127.0f : float(j) - 0.5f; });
  // q4_0 code boundaries: x*id within a few ulps of n - 8.5 (where an fma and a rounded product
  // plus 8.5 truncate differently); the block maximum -1.1 makes id = 1/d not a power of two.
  std::vector<float> nearBoundary;
  const float id = 1.0f / (-1.1f / -8.0f);
  for (int n = 1; n <= 15; ++n) {
    const float x0 = (float(n) - 8.5f) / id;
    float lo = x0, hi = x0;
    nearBoundary.push_back(x0);
    for (int k = 0; k < 3; ++k) {
      lo = std::nextafter(lo, -2.0f);
      hi = std::nextafter(hi, 2.0f);
      nearBoundary.push_back(lo);
      nearBoundary.push_back(hi);
    }
  }
  for (size_t b = 0; b < nearBoundary.size(); b += 31)
    block([&](int j) { return j == 0 ? -1.1f : (b + size_t(j) - 1 < nearBoundary.size() ? nearBoundary[b + size_t(j) - 1] : 0.0f); });
  std::mt19937 rng(5);
  std::normal_distribution<float> g;
  for (int b = 0; b < 50; ++b) block([&](int) { return g(rng) * (b % 2 ? 0.01f : 3.0f); });
  return v;
}

TEST(GpuQuantize, GgmlPackedBlocksMatchTheReferenceQuantizers) {
  VQ_REQUIRE_VULKAN();
  auto c = test::testContext();
  const std::vector<float> x = edgeBlocks();  // one head, d = 32: token t's row is block t
  const RoleShape shape{1, int64_t(x.size() / 32), 32};
  const size_t blocks = x.size() / 32;
  Buffer src(c, x.size() * 4, MemoryUse::Device, "src");
  Buffer dst(c, x.size() * 4, MemoryUse::Readback, "dst");
  Buffer packed(c, blocks * 9 * 4, MemoryUse::Readback, "blocks");
  uploadNow(c, src, std::as_bytes(std::span(x)));
  QuantizeKernels kernels(c);
  CommandBatch batch(c);
  for (const char* m : {"q8_0", "q4_0"}) {
    SCOPED_TRACE(m);
    const bool q8 = std::string(m) == "q8_0";
    quant::MethodConfig cfg;
    cfg.method = m;
    batch.begin();
    kernels.record(batch, cfg, shape, src, dst, &packed);
    batch.submitAndWait();
    const auto* words = reinterpret_cast<const std::byte*>(packed.mapped());
    const auto* y = reinterpret_cast<const float*>(dst.mapped());
    for (size_t b = 0; b < blocks; ++b) {
      float ref[32];
      if (q8) {
        const quant::BlockQ8_0 block = quant::quantizeBlockQ8_0(x.data() + 32 * b);
        EXPECT_EQ(std::memcmp(&block, words + b * 36, sizeof(block)), 0) << "block " << b;
        quant::dequantizeBlockQ8_0(block, ref);
      } else {
        const quant::BlockQ4_0 block = quant::quantizeBlockQ4_0(x.data() + 32 * b);
        EXPECT_EQ(std::memcmp(&block, words + b * 20, sizeof(block)), 0) << "block " << b;
        quant::dequantizeBlockQ4_0(block, ref);
      }
      // Values bit for bit, except that a NaN may carry another payload (0·inf from a scale that
      // overflows fp16: x86 gives 0xFFC00000, NVIDIA 0x7FFFFFFF).
      for (int j = 0; j < 32; ++j) {
        const float g = y[32 * b + size_t(j)];
        if (std::isnan(ref[j])) {
          EXPECT_TRUE(std::isnan(g)) << "block " << b << " value " << j;
        } else {
          EXPECT_EQ(std::bit_cast<uint32_t>(ref[j]), std::bit_cast<uint32_t>(g)) << "block " << b << " value " << j;
        }
      }
    }
  }
}

}  // namespace
}  // namespace vq::gpu
