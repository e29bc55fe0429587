#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/common/error.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/turboquant_mse.h"
#include "quant_test_util.h"

namespace vq::quant {
namespace {

using testing::gaussianRows;
using testing::meanRelativeMse;
using testing::unitRows;

MethodConfig mseConfig(int bits, uint64_t seed = 42, bool normCorrection = false) {
  MethodConfig cfg;
  cfg.method = "turboquant_mse";
  cfg.bits = bits;
  cfg.seed = seed;
  cfg.normCorrection = normCorrection;
  return cfg;
}

std::vector<float> roundTrip(const Method& m, const std::vector<float>& x) {
  const int64_t rows = int64_t(x.size()) / m.rowLength();
  std::vector<std::byte> bytes(m.storageBytes(rows));
  m.encode(x, rows, bytes);
  std::vector<float> y(x.size());
  m.decode(bytes, rows, y);
  return y;
}

TEST(TurboQuantMse, RelativeMseMatchesTheDesignTable) {
  // DESIGN §10: random unit vectors, d = 128, relative MSE within 3% of the N(0,1) table.
  const double expected[] = {0.3634, 0.1175, 0.0345, 0.0095};
  const int d = 128;
  const auto x = unitRows(4000, d, 2024);
  for (int bits = 1; bits <= 4; ++bits) {
    SCOPED_TRACE(bits);
    const TurboQuantMse m(mseConfig(bits), d);
    const double mse = meanRelativeMse(x, roundTrip(m, x), d);
    EXPECT_NEAR(mse, expected[bits - 1], 0.03 * expected[bits - 1]) << "measured " << mse;
    RecordProperty("relative_mse_b" + std::to_string(bits), std::to_string(mse));
  }
}

TEST(TurboQuantMse, ErrorFallsWithBitsUpTo8) {
  const int d = 64;
  const auto x = gaussianRows(500, d, 3, 4.0);
  double previous = 1.0;
  for (int bits = 1; bits <= 8; ++bits) {
    SCOPED_TRACE(bits);
    const double mse = meanRelativeMse(x, roundTrip(TurboQuantMse(mseConfig(bits), d), x), d);
    EXPECT_LT(mse, previous / 2.5);
    previous = mse;
  }
  EXPECT_LT(previous, 1e-4);
}

TEST(TurboQuantMse, SmallAndNonPowerOfTwoDimensionsUseTheExactCodebook) {
  // For d < 64 the Beta-marginal codebook is used; the expected relative MSE is then exactly
  // d × (its per-coordinate MSE), for any d (rotation dense or Hadamard).
  for (int d : {16, 20, 48, 96}) {
    for (int bits : {2, 4}) {
      SCOPED_TRACE("d " + std::to_string(d) + " bits " + std::to_string(bits));
      const auto x = unitRows(3000, d, uint64_t(d));
      const double mse = meanRelativeMse(x, roundTrip(TurboQuantMse(mseConfig(bits), d), x), d);
      const double theory = unitSphereCoordinateCodebook(d, bits)->mse * d;
      EXPECT_NEAR(mse, theory, 0.04 * theory);
    }
  }
}

TEST(TurboQuantMse, NormCorrectionPreservesNormsAndInnerProductScale) {
  const int d = 128;
  const auto x = gaussianRows(2000, d, 9, 2.0);
  const auto q = gaussianRows(2000, d, 10);
  for (int bits = 1; bits <= 4; ++bits) {
    SCOPED_TRACE(bits);
    const auto plain = roundTrip(TurboQuantMse(mseConfig(bits), d), x);
    const auto corrected = roundTrip(TurboQuantMse(mseConfig(bits, 42, true), d), x);
    double sumPlain = 0.0, sumCorrected = 0.0, sumTrue = 0.0;
    for (int r = 0; r < 2000; ++r) {
      const size_t o = size_t(r) * d;
      double nx = 0.0, nc = 0.0;
      for (int i = 0; i < d; ++i) {
        nx += double(x[o + i]) * x[o + i];
        nc += double(corrected[o + i]) * corrected[o + i];
      }
      EXPECT_NEAR(std::sqrt(nc), std::sqrt(nx), 2e-3 * std::sqrt(nx));
      // ⟨x̂, x⟩ vs ⟨x, x⟩: plain shrinks by (1 - D), corrected does not (on average).
      sumTrue += nx;
      sumPlain += testing::dot(&plain[o], &x[o], d);
      sumCorrected += testing::dot(&corrected[o], &x[o], d);
    }
    const double distortion = unitSphereCoordinateCodebook(d, bits)->mse * d;
    EXPECT_NEAR(sumPlain / sumTrue, 1.0 - distortion, 0.02 * distortion + 2e-3);
    EXPECT_NEAR(sumCorrected / sumTrue, std::sqrt(1.0 - distortion), 0.02 * distortion + 2e-3);
  }
}

TEST(TurboQuantMse, ZeroVectorsRoundTripToZero) {
  for (bool correction : {false, true}) {
    for (int d : {16, 24, 128}) {
      SCOPED_TRACE(d);
      const TurboQuantMse m(mseConfig(3, 1, correction), d);
      std::vector<float> x(size_t(3 * d), 0.0f);
      for (int i = 0; i < d; ++i) x[size_t(d + i)] = float(i % 5) - 2.0f;  // middle row non-zero
      const auto y = roundTrip(m, x);
      for (int i = 0; i < d; ++i) {
        EXPECT_EQ(y[size_t(i)], 0.0f);
        EXPECT_EQ(y[size_t(2 * d + i)], 0.0f);
        EXPECT_FALSE(std::isnan(y[size_t(d + i)]));
      }
    }
  }
}

TEST(TurboQuantMse, FusedRoundTripGivesTheSameFloats) {
  for (int d : {128, 80}) {
    for (bool correction : {false, true}) {
      SCOPED_TRACE(d);
      const TurboQuantMse m(mseConfig(4, 7, correction), d);
      const auto x = gaussianRows(150, d, 12, 3.0);  // > one internal batch, ragged tail
      std::vector<float> fused(x.size());
      m.roundTrip(x, 150, fused);
      EXPECT_EQ(fused, roundTrip(m, x));
    }
  }
}

TEST(TurboQuantMse, StorageIsExact) {
  for (int d : {16, 100, 128}) {
    for (int bits = 1; bits <= 8; ++bits) {
      const TurboQuantMse m(mseConfig(bits), d);
      EXPECT_EQ(m.storageBytes(10), 10u * ((uint64_t(d) * bits + 7) / 8 + 2));
    }
  }
  EXPECT_DOUBLE_EQ(TurboQuantMse(mseConfig(4), 128).bitsPerValue(1), 4.125);
}

TEST(TurboQuantMse, RejectsBadParameters) {
  for (int bits : {0, 9, -3}) {
    SCOPED_TRACE(bits);
    try {
      TurboQuantMse m(mseConfig(bits), 128);
      FAIL();
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_NE(e.detail().find("bits"), std::string::npos);
      EXPECT_NE(e.detail().find(std::to_string(bits)), std::string::npos);
    }
  }
  EXPECT_THROW(TurboQuantMse(mseConfig(2), 1), Error);
  // Buffers too small.
  const TurboQuantMse m(mseConfig(2), 16);
  std::vector<float> x(32);
  std::vector<std::byte> out(m.storageBytes(2) - 1);
  EXPECT_THROW(m.encode(x, 2, out), Error);
}

}  // namespace
}  // namespace vq::quant
