// The GPU kernels of turboquant_rvq, turboquant_prod, qjl, kivi, mlx_affine, the dense rotation
// (non-power-of-two head_dim) and the fp16 rows of protection, against the CPU reference through
// the two backends' sessions:
//  - bit-identical (values, bytes, protected rows) where the GPU reproduces the CPU's float
//    operations: kivi, mlx_affine, turboquant_rvq with the Hadamard rotation, protected rows;
//  - within named tolerances where the CPU sums with Eigen's matrix products (dense rotation,
//    Gaussian sketch), whose order the GPU does not reproduce. There a quantization index or a
//    sketch sign may flip for a value that lies within rounding of a decision boundary; such
//    vectors are counted and must stay rare, all others must agree to the tolerance.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>
#include <vector>

#include "backend_test_util.h"
#include "gpu/kernels/quantize_kernels.h"

namespace vq::gpu {
namespace {

using test::syntheticLayer;

// |gpu − cpu| per value, relative to the vector's norm, where the products are summed in another
// order (float rounding of d-term dot products: ~sqrt(d)·2^-24).
constexpr double kMatrixProductTolerance = 2e-5;
// Vectors allowed to differ by a flipped index / sign (a value within rounding of a boundary).
constexpr double kMaxFlippedVectorFraction = 0.02;
// Relative agreement of the role's reconstruction MSE when some vectors flipped.
constexpr double kFlippedMseTolerance = 0.02;

struct Shape {
  int kvHeads;
  int64_t tokens;
  int dim;
};

std::string describe(const quant::MethodConfig& cfg, const quant::ProtectionConfig& prot, const Shape& s) {
  return cfg.method + " b=" + std::to_string(cfg.bits) + " g=" + std::to_string(cfg.groupSize) +
         " m=" + std::to_string(cfg.sketchDim) + " R=" + std::to_string(cfg.residualWindow) + " protection " +
         prot.describe() + " H=" + std::to_string(s.kvHeads) + " T=" + std::to_string(s.tokens) +
         " d=" + std::to_string(s.dim);
}

// Quantizes K and V on both backends; `check` compares the two reconstructions of a role.
template <class Check>
void compare(const quant::MethodConfig& cfg, const quant::ProtectionConfig& prot, const Shape& s, uint64_t seed,
             Check&& check) {
  SCOPED_TRACE(describe(cfg, prot, s));
  LayerData layer = syntheticLayer(0, s.kvHeads, s.tokens, s.dim, seed);
  auto cpu = test::cpuBackend()->openLayer(layer, {});
  auto gpu = test::vulkanBackend()->openLayer(layer, {});
  for (Role role : {Role::K, Role::V}) {
    SCOPED_TRACE(role == Role::K ? "K" : "V");
    const RoleReconstruction a = cpu->quantize(role, cfg, prot);
    const RoleReconstruction b = gpu->quantize(role, cfg, prot);
    ASSERT_NE(b.resident, nullptr) << "ran on the CPU";
    EXPECT_EQ(a.bytes, b.bytes);
    EXPECT_EQ(a.headBytes, b.headBytes);
    EXPECT_EQ(a.protectedRows, b.protectedRows);
    EXPECT_EQ(a.bitsPerValue, b.bitsPerValue);
    ASSERT_EQ(a.values.size(), b.values.size());
    check(layer.values(role), a.values, b.values, s.dim);
  }
}

void bitIdentical(const std::vector<float>&, const std::vector<float>& a, const std::vector<float>& b, int) {
  size_t differ = 0, first = 0;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::bit_cast<uint32_t>(a[i]) != std::bit_cast<uint32_t>(b[i]) && differ++ == 0) first = i;
  EXPECT_EQ(differ, 0u) << "first at " << first << ": cpu " << a[first] << " gpu " << b[first];
}

void withinTolerance(const std::vector<float>& x, const std::vector<float>& a, const std::vector<float>& b, int d) {
  const size_t vectors = x.size() / size_t(d);
  size_t flipped = 0;
  double errA = 0, errB = 0;
  for (size_t v = 0; v < vectors; ++v) {
    double norm = 0, worst = 0;
    for (size_t i = v * size_t(d); i < (v + 1) * size_t(d); ++i) {
      norm += double(x[i]) * x[i];
      worst = std::max(worst, std::abs(double(a[i]) - b[i]));
      errA += (double(a[i]) - x[i]) * (double(a[i]) - x[i]);
      errB += (double(b[i]) - x[i]) * (double(b[i]) - x[i]);
    }
    ASSERT_FALSE(std::isnan(worst)) << "vector " << v;
    if (worst > kMatrixProductTolerance * std::max(std::sqrt(norm), 1e-6)) ++flipped;
  }
  EXPECT_LE(double(flipped), kMaxFlippedVectorFraction * double(vectors)) << flipped << " of " << vectors;
  EXPECT_NEAR(errB, errA, kFlippedMseTolerance * errA);
}

quant::MethodConfig method(const char* name, int bits) {
  quant::MethodConfig c;
  c.method = name;
  c.bits = bits;
  c.seed = 40 + uint64_t(bits);
  return c;
}

TEST(GpuQuantizeMethods, TurboquantRvqWithHadamardIsBitIdentical) {
  VQ_REQUIRE_VULKAN();
  for (const Shape& s : {Shape{1, 5, 2}, Shape{2, 37, 64}, Shape{2, 20, 128}})
    for (int bits : {1, 2, 3, 4, 8}) compare(method("turboquant_rvq", bits), {}, s, 3 + uint64_t(bits), bitIdentical);
}

TEST(GpuQuantizeMethods, DenseRotationMatchesWithinTolerance) {
  VQ_REQUIRE_VULKAN();
  for (const Shape& s : {Shape{2, 40, 48}, Shape{1, 30, 80}, Shape{2, 9, 3}})
    for (int bits : {1, 3, 4}) {
      compare(method("turboquant_mse", bits), {}, s, 5, withinTolerance);
      compare(method("turboquant_rvq", bits), {}, s, 6, withinTolerance);
      quant::MethodConfig nc = method("turboquant_mse", bits);
      nc.normCorrection = true;
      compare(nc, {}, s, 7, withinTolerance);
    }
}

TEST(GpuQuantizeMethods, QjlAndTurboquantProdMatchWithinTolerance) {
  VQ_REQUIRE_VULKAN();
  for (const Shape& s : {Shape{2, 40, 64}, Shape{1, 25, 48}, Shape{1, 8, 1}}) {
    for (int m : {0, 32, 100}) {
      quant::MethodConfig qjl = method("qjl", 1);
      qjl.sketchDim = m;
      compare(qjl, {}, s, 9, withinTolerance);
      if (s.dim < 2) continue;
      for (int bits : {2, 4}) {
        quant::MethodConfig prod = method("turboquant_prod", bits);
        prod.sketchDim = m;
        compare(prod, {}, s, 10, withinTolerance);
      }
    }
  }
}

TEST(GpuQuantizeMethods, KiviIsBitIdentical) {
  VQ_REQUIRE_VULKAN();
  for (const Shape& s : {Shape{2, 70, 64}, Shape{1, 33, 16}, Shape{3, 5, 8}})
    for (int bits : {1, 2, 4, 8})
      for (int group : {0, 16})
        for (int window : {0, 7, 100}) {
          quant::MethodConfig c = method("kivi", bits);
          c.groupSize = group;
          c.residualWindow = window;
          compare(c, {}, s, 12 + uint64_t(bits), bitIdentical);
        }
}

TEST(GpuQuantizeMethods, MlxAffineIsBitIdentical) {
  VQ_REQUIRE_VULKAN();
  for (const Shape& s : {Shape{2, 40, 128}, Shape{1, 17, 16}, Shape{2, 9, 96}})
    for (int bits : {2, 3, 4, 6, 8})
      for (int group : {0, 32}) {
        if (s.dim % std::min(group == 0 ? 64 : group, s.dim) != 0) continue;  // an error on the CPU too
        quant::MethodConfig c = method("mlx_affine", bits);
        c.groupSize = group;
        compare(c, {}, s, 14 + uint64_t(bits), bitIdentical);
      }
}

// Rows kept in fp16 (sink, z-score, window) replace the method's rows: exact for every method
// whose rows are independent, with the CPU's byte count and protected-row count.
TEST(GpuQuantizeMethods, RowProtectionIsBitIdentical) {
  VQ_REQUIRE_VULKAN();
  std::vector<quant::ProtectionConfig> options(3);
  options[0].sinkTokens = 3;
  options[1].residualWindow = 5;
  options[1].zScore = 1.0;
  options[2].sinkTokens = 2;
  options[2].residualWindow = 40;  // every row protected
  const Shape s{2, 37, 64};
  for (const auto& p : options) {
    compare(method("turboquant_mse", 3), p, s, 20, bitIdentical);
    compare(method("turboquant_rvq", 2), p, s, 21, bitIdentical);
    compare(method("mlx_affine", 4), p, s, 22, bitIdentical);
    compare(method("q8_0", 8), p, s, 23, bitIdentical);
    compare(method("q4_0", 4), p, s, 24, bitIdentical);
    compare(method("turboquant_mse", 2), p, Shape{1, 30, 48}, 25, withinTolerance);
    compare(method("qjl", 1), p, s, 26, withinTolerance);
  }
}

// A bit-width sweep runs every method on the resident layer (nothing falls back to the CPU).
TEST(GpuQuantizeMethods, SweepStaysOnTheDevice) {
  VQ_REQUIRE_VULKAN();
  LayerData layer = syntheticLayer(0, 2, 24, 64, 30);
  auto gpu = test::vulkanBackend()->openLayer(std::move(layer), {});
  for (const char* m : {"turboquant_mse", "turboquant_rvq", "turboquant_prod", "qjl", "kivi", "mlx_affine"})
    for (int bits : {2, 4}) {
      const RoleReconstruction r = gpu->quantizeResident(Role::K, method(m, bits), {});
      EXPECT_NE(r.resident, nullptr) << m << " b=" << bits;
      EXPECT_TRUE(r.values.empty()) << m << " b=" << bits;
    }
}

}  // namespace
}  // namespace vq::gpu
