#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/common/error.h"
#include "core/quant/densities.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/turboquant_mse.h"
#include "core/quant/turboquant_rvq.h"
#include "quant_test_util.h"

namespace vq::quant {
namespace {

using testing::meanRelativeMse;
using testing::unitRows;

MethodConfig config(const char* name, int bits) {
  MethodConfig cfg;
  cfg.method = name;
  cfg.bits = bits;
  cfg.seed = 31;
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

// Theory of the two-stage quantizer: with u a coordinate of a uniform unit vector in R^d
// (Beta marginal), the expected relative MSE is d · E[(u - c1(u) - c2(u - c1(u)))²], computed
// here by a fine midpoint rule over the exact density, with the method's own float codebooks.
double rvqTheory(const TurboQuantRvq& rvq, int d) {
  const Density density = Density::betaMarginal(d);
  const int n = 400000;
  const double lo = -0.7, hi = 0.7;  // |u| > 0.7 has probability < 1e-25 at d = 128
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = lo + (hi - lo) * (i + 0.5) / n;
    const float uf = float(u);
    const float c1 = rvq.stage1().centroids()[rvq.stage1().quantizeOne(uf)];
    const float e = uf - c1;
    const float c2 = rvq.stage2().centroids()[rvq.stage2().quantizeOne(e)];
    const double err = double(e) - double(c2);
    sum += err * err * density.pdf(u);
  }
  return sum * (hi - lo) / n * d;
}

TEST(TurboQuantRvq, MseMatchesTheTwoStageTheoryAndSitsBetweenMseAtBAndAt2b) {
  const int d = 128;
  const auto x = unitRows(3000, d, 4242);
  for (int bits = 1; bits <= 4; ++bits) {
    SCOPED_TRACE(bits);
    const TurboQuantRvq rvq(config("turboquant_rvq", bits), d);
    const double rvqMse = measured(rvq, x);
    const double mseB = measured(TurboQuantMse(config("turboquant_mse", bits), d), x);
    const double mse2B = measured(TurboQuantMse(config("turboquant_mse", 2 * bits), d), x);
    RecordProperty("rvq_b" + std::to_string(bits), std::to_string(rvqMse));
    // 1) It is what the two-stage construction predicts.
    const double theory = rvqTheory(rvq, d);
    EXPECT_NEAR(rvqMse, theory, 0.03 * theory) << "measured " << rvqMse;
    // 2) The second stage helps a lot: at least 2.5x below turboquant_mse at b bits.
    EXPECT_LT(rvqMse, mseB / 2.5);
    // 3) Any two-stage scalar scheme is one scalar quantizer with at most 2^(2b) levels, so it
    //    cannot beat the 2b-bit Lloyd-Max quantizer (the optimum for this log-concave law).
    //    It comes close for b = 1 (within 1.2x of 2 bits) and b = 2 (within 3x of 4 bits), and
    //    for b >= 2 it is always below turboquant_mse at b + 1 bits (for b = 1, b + 1 = 2b).
    EXPECT_GE(rvqMse, mse2B * 0.97);
    if (bits == 1) {
      EXPECT_LT(rvqMse, 1.2 * mse2B);
    } else {
      const double mseB1 = measured(TurboQuantMse(config("turboquant_mse", bits + 1), d), x);
      EXPECT_LT(rvqMse, mseB1);
    }
    if (bits == 2) {
      EXPECT_LT(rvqMse, 3.0 * mse2B);
    }
  }
}

TEST(TurboQuantRvq, StageTwoScaleIsTheMeasuredResidualStd) {
  // The Laplacian's std equals the RMS stage-1 residual per coordinate of the unit vector.
  const int d = 128;
  const auto u = unitRows(2000, d, 5);
  for (int bits = 1; bits <= 4; ++bits) {
    SCOPED_TRACE(bits);
    const TurboQuantRvq rvq(config("turboquant_rvq", bits), d);
    // A uniformly random unit vector rotated is still uniform, so quantize u directly.
    double sum = 0.0;
    for (float v : u) {
      const float e = v - rvq.stage1().centroids()[rvq.stage1().quantizeOne(v)];
      sum += double(e) * e;
    }
    const double measuredStd = std::sqrt(sum / double(u.size()));
    EXPECT_NEAR(rvq.residualStd(), measuredStd, 0.03 * measuredStd);
    EXPECT_NEAR(rvq.residualStd(), std::sqrt(lloydMaxCodebook(Density::gaussian(), bits)->mse / d), 1e-12);
  }
}

TEST(TurboQuantRvq, StorageAndParameters) {
  for (int d : {16, 99, 128})
    for (int bits = 1; bits <= 8; ++bits)
      EXPECT_EQ(TurboQuantRvq(config("turboquant_rvq", bits), d).storageBytes(3),
                3u * ((2u * d * bits + 7) / 8 + 2));
  EXPECT_THROW(TurboQuantRvq(config("turboquant_rvq", 0), 128), Error);
  EXPECT_THROW(TurboQuantRvq(config("turboquant_rvq", 9), 128), Error);
}

}  // namespace
}  // namespace vq::quant
