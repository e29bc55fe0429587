#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/common/error.h"
#include "core/quant/densities.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/registry.h"
#include "core/quant/turbo_block.h"
#include "quant_test_util.h"

namespace vq::quant {
namespace {

using testing::gaussianRows;

std::unique_ptr<Method> turbo(int bits, int n, uint64_t seed = 3) {
  MethodConfig cfg;
  cfg.method = "turbo" + std::to_string(bits);
  cfg.seed = seed;
  return createMethod(cfg, n);
}

std::vector<float> roundTrip(const Method& m, const std::vector<float>& x) {
  const int64_t rows = int64_t(x.size()) / m.rowLength();
  std::vector<std::byte> bytes(m.storageBytes(rows));
  std::vector<float> y(x.size());
  m.encode(x, rows, bytes);
  m.decode(bytes, rows, y);
  return y;
}

// Relative MSE per 128-value block, averaged.
double blockRelativeMse(const std::vector<float>& x, const std::vector<float>& y) {
  return testing::meanRelativeMse(x, y, 128);
}

TEST(TurboBlock, BitsPerValueAreExact) {
  const double expected[] = {0.0, 0.0, 2.125, 3.125, 4.25};
  for (int bits = 2; bits <= 4; ++bits) {
    for (int n : {128, 512, 1024, 4096}) {
      SCOPED_TRACE("turbo" + std::to_string(bits) + " n " + std::to_string(n));
      const auto m = turbo(bits, n);
      EXPECT_EQ(m->scope(), RowScope::LayerRow);
      EXPECT_DOUBLE_EQ(m->bitsPerValue(1), expected[bits]);
      EXPECT_DOUBLE_EQ(m->bitsPerValue(37), expected[bits]);
      EXPECT_EQ(m->storageBytes(1) * 8, uint64_t(expected[bits] * n));
    }
  }
}

TEST(TurboBlock, ErrorFallsWithBitsAndMatchesTheCodebooks) {
  // 4 KV heads x 128 of LLM-like scale: i.i.d. Gaussian rows (rotation makes any block look so).
  const auto x = gaussianRows(1000, 512, 77, 3.0);
  double previous = 1.0;
  for (int bits = 2; bits <= 4; ++bits) {
    SCOPED_TRACE(bits);
    const double mse = blockRelativeMse(x, roundTrip(*turbo(bits, 512), x));
    RecordProperty("turbo" + std::to_string(bits), std::to_string(mse));
    EXPECT_LT(mse, previous / 3.0);
    previous = mse;
    // Corrected norms cost at most D²/4 over the plain Lloyd-Max distortion D (d = 128); turbo4's
    // per-half norms may do slightly better than D.
    const double distortion = lloydMaxCodebook(Density::gaussian(), bits)->mse;
    EXPECT_GT(mse, 0.9 * distortion);
    EXPECT_LT(mse, 1.03 * (distortion + distortion * distortion / 4.0));
  }
}

TEST(TurboBlock, CorrectedNormsKeepBlockEnergy) {
  const auto x = gaussianRows(50, 256, 5, 10.0);
  for (int bits = 2; bits <= 4; ++bits) {
    const auto y = roundTrip(*turbo(bits, 256), x);
    for (size_t b = 0; b < x.size() / 128; ++b) {
      const double nx = std::sqrt(testing::dot(&x[b * 128], &x[b * 128], 128));
      const double ny = std::sqrt(testing::dot(&y[b * 128], &y[b * 128], 128));
      EXPECT_NEAR(ny, nx, 2e-3 * nx);
    }
  }
}

TEST(TurboBlock, BlocksAreIndependent) {
  const auto m = turbo(3, 384);
  auto x = gaussianRows(2, 384, 8);
  std::vector<std::byte> a(m->storageBytes(2)), b(m->storageBytes(2));
  m->encode(x, 2, a);
  for (int i = 128; i < 256; ++i) x[size_t(i)] *= -2.0f;  // change block 1 of row 0 only
  m->encode(x, 2, b);
  const size_t block = 50;
  for (size_t i = 0; i < a.size(); ++i) {
    if (i >= block && i < 2 * block) continue;
    EXPECT_EQ(a[i], b[i]) << "byte " << i;
  }
}

TEST(TurboBlock, RowLengthMustBeAMultipleOf128) {
  for (int bits = 2; bits <= 4; ++bits) {
    for (int n : {100, 64, 0, 200}) {
      SCOPED_TRACE(n);
      try {
        turbo(bits, n);
        FAIL();
      } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
        EXPECT_NE(e.detail().find("divisible by 128, got " + std::to_string(n)), std::string::npos);
      }
    }
  }
}

}  // namespace
}  // namespace vq::quant
