#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/common/error.h"
#include "core/quant/densities.h"
#include "core/quant/polar_quant.h"
#include "quant_test_util.h"

namespace vq::quant {
namespace {

using testing::gaussianRows;
using testing::meanRelativeMse;

MethodConfig polarConfig(int bits) {
  MethodConfig cfg;
  cfg.method = "polar";
  cfg.bits = bits;
  cfg.seed = 17;
  return cfg;
}

double measured(const Method& m, const std::vector<float>& x) {
  const int64_t rows = int64_t(x.size()) / m.rowLength();
  std::vector<std::byte> bytes(m.storageBytes(rows));
  std::vector<float> y(x.size());
  m.encode(x, rows, bytes);
  m.decode(bytes, rows, y);
  return meanRelativeMse(x, y, m.rowLength());
}

TEST(PolarQuant, AngleLawsOfGaussianVectorsMatchTheDensities) {
  // The level-ℓ angles of i.i.d. Gaussian coordinates (what a rotated vector looks like) follow
  // pdf ∝ sin^(2^(ℓ-1)-1)(2ψ): compare the empirical mean and variance with the density's.
  const int d = 16, rows = 20000;
  const auto y = gaussianRows(rows, d, 123);
  for (int level = 2; level <= 4; ++level) {
    SCOPED_TRACE(level);
    double sum = 0.0, sum2 = 0.0;
    int count = 0;
    for (int r = 0; r < rows; ++r) {
      std::vector<double> radii;
      for (int i = 0; i < d / 2; ++i) radii.push_back(std::hypot(y[size_t(r * d + 2 * i)], y[size_t(r * d + 2 * i + 1)]));
      for (int l = 2; l <= level; ++l) {
        std::vector<double> next;
        for (size_t i = 0; i < radii.size() / 2; ++i) {
          if (l == level) {
            const double psi = std::atan2(radii[2 * i + 1], radii[2 * i]);
            sum += psi;
            sum2 += psi * psi;
            ++count;
          }
          next.push_back(std::hypot(radii[2 * i], radii[2 * i + 1]));
        }
        radii = next;
      }
    }
    const Density density = Density::polarAngle(level);
    const double mean = sum / count, var = sum2 / count - mean * mean;
    EXPECT_NEAR(mean, density.mean(), 4.0 * std::sqrt(density.variance() / count));
    EXPECT_NEAR(var, density.variance(), 0.03 * density.variance());
  }
}

TEST(PolarQuant, ErrorFallsWithBits) {
  for (int d : {16, 80, 128}) {
    SCOPED_TRACE(d);
    const auto x = gaussianRows(1500, d, uint64_t(d), 2.0);
    double previous = 1.0;
    for (int bits = 1; bits <= 6; ++bits) {
      SCOPED_TRACE(bits);
      const double mse = measured(PolarQuant(polarConfig(bits), d), x);
      EXPECT_LT(mse, previous / 3.0);
      if (d == 128) RecordProperty("polar_d128_b" + std::to_string(bits), std::to_string(mse));
      previous = mse;
    }
    EXPECT_LT(previous, 3e-4);
  }
}

TEST(PolarQuant, ZeroVectorRoundTripsToZero) {
  const PolarQuant m(polarConfig(2), 32);
  std::vector<float> x(32, 0.0f), y(32, 1.0f);
  std::vector<std::byte> bytes(m.storageBytes(1));
  m.encode(x, 1, bytes);
  m.decode(bytes, 1, y);
  for (float v : y) EXPECT_EQ(v, 0.0f);
}

TEST(PolarQuant, StorageMatchesTheLayout) {
  for (int d : {16, 48, 128, 256}) {
    for (int bits = 1; bits <= 6; ++bits) {
      const PolarQuant m(polarConfig(bits), d);
      const uint64_t expected = uint64_t(d) / 8 + uint64_t(d) * (bits + 2) / 16 + (7u * d * bits + 127) / 128;
      EXPECT_EQ(m.storageBytes(5), 5 * expected) << "d " << d << " bits " << bits;
    }
  }
  // b = 2 is the paper's 4/2/2/2 split: 3.875 bits per value.
  EXPECT_DOUBLE_EQ(PolarQuant(polarConfig(2), 128).bitsPerValue(1), 3.875);
}

TEST(PolarQuant, RejectsBadParameters) {
  for (int d : {20, 8, 0, 100}) {
    SCOPED_TRACE(d);
    try {
      PolarQuant m(polarConfig(2), d);
      FAIL();
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_EQ(e.detail(), "polar needs head_dim divisible by 16, got " + std::to_string(d));
    }
  }
  EXPECT_THROW(PolarQuant(polarConfig(0), 64), Error);
  EXPECT_THROW(PolarQuant(polarConfig(7), 64), Error);
}

}  // namespace
}  // namespace vq::quant
