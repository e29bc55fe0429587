#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "core/common/error.h"
#include "core/quant/densities.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/quadrature.h"

namespace vq::quant {
namespace {

// DESIGN §4: positive centroids and MSE of the N(0,1) Lloyd-Max quantizers.
struct GaussianReference {
  int bits;
  std::vector<double> positiveCentroids;
  double mse;
};

const std::vector<GaussianReference>& gaussianTable() {
  static const std::vector<GaussianReference> table = {
      {1, {0.7979}, 0.36338},
      {2, {0.4528, 1.5104}, 0.11748},
      {3, {0.2451, 0.7560, 1.3439, 2.1519}, 0.034548},
      {4, {0.1284, 0.3880, 0.6568, 0.9423, 1.2562, 1.6180, 2.0690, 2.7326}, 0.009501},
  };
  return table;
}

TEST(Quadrature, KronrodAndGaussRulesAreExactForPolynomials) {
  // K15 integrates degree <= 22 exactly, G7 degree <= 13.
  for (int degree = 0; degree <= 22; ++degree) {
    SCOPED_TRACE(degree);
    auto f = [degree](double x) -> Moments3 { return {std::pow(x, degree), 0.0, 0.0}; };
    const double exact = (std::pow(2.0, degree + 1) - std::pow(-1.0, degree + 1)) / (degree + 1);  // on [-1, 2]
    EXPECT_NEAR(kronrod15(f, -1.0, 2.0)[0], exact, 1e-12 * std::max(1.0, std::abs(exact)));
    if (degree <= 13) {
      EXPECT_NEAR(gauss7(f, -1.0, 2.0)[0], exact, 1e-12 * std::max(1.0, std::abs(exact)));
    }
  }
}

TEST(Quadrature, AdaptiveHandlesPeakedIntegrands) {
  auto f = [](double x) -> Moments3 { return {1.0 / (1e-4 + x * x), std::cos(x), 0.0}; };
  const Moments3 r = integrateAdaptive(f, -1.0, 1.0);
  EXPECT_NEAR(r[0], 2.0 / 1e-2 * std::atan(1.0 / 1e-2), 1e-9);
  EXPECT_NEAR(r[1], 2.0 * std::sin(1.0), 1e-13);
}

TEST(Densities, TotalMassMeanAndVariance) {
  std::vector<Density> densities = {Density::gaussian(), Density::laplacian()};
  for (int d : {2, 3, 4, 7, 16, 63}) densities.push_back(Density::betaMarginal(d));
  for (int level : {2, 3, 4}) densities.push_back(Density::polarAngle(level));
  for (const auto& density : densities) {
    SCOPED_TRACE(density.name());
    const Moments3 m = density.cellMoments(density.lower(), density.upper());
    EXPECT_NEAR(m[0], 1.0, 1e-12);
    EXPECT_NEAR(m[1], density.mean(), 1e-12);
    EXPECT_NEAR(m[2] - m[1] * m[1], density.variance(), 1e-12);
    // Cells add up: moments over [lo, mid] + [mid, hi] equal the whole.
    const double mid = density.mean() + 0.3 * std::sqrt(density.variance());
    const Moments3 left = density.cellMoments(density.lower(), mid);
    const Moments3 right = density.cellMoments(mid, density.upper());
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(left[size_t(k)] + right[size_t(k)], m[size_t(k)], 1e-12);
  }
  // Beta marginal variance is exactly 1/d (E x_i² = 1/d on the unit sphere).
  const Moments3 beta16 = Density::betaMarginal(16).cellMoments(-1.0, 1.0);
  EXPECT_NEAR(beta16[2], 1.0 / 16.0, 1e-13);
}

TEST(Densities, PdfIntegratesToCellMass) {
  // The pdf and the cell integrals agree (trapezoid check on a sub-interval).
  for (const auto& density : {Density::gaussian(), Density::laplacian(), Density::betaMarginal(10),
                              Density::polarAngle(3)}) {
    SCOPED_TRACE(density.name());
    const double a = density.mean() + 0.1 * std::sqrt(density.variance());
    const double b = a + 0.5 * std::sqrt(density.variance());
    const int n = 20000;
    double sum = 0.0;
    for (int i = 0; i <= n; ++i) {
      const double x = a + (b - a) * i / n;
      sum += (i == 0 || i == n ? 0.5 : 1.0) * density.pdf(x);
    }
    sum *= (b - a) / n;
    EXPECT_NEAR(sum, density.cellMoments(a, b)[0], 1e-8);
  }
}

TEST(LloydMax, GaussianCodebooksMatchTheDesignTable) {
  for (const auto& ref : gaussianTable()) {
    SCOPED_TRACE(ref.bits);
    const auto cb = lloydMaxCodebook(Density::gaussian(), ref.bits);
    const size_t levels = size_t(1) << ref.bits;
    ASSERT_EQ(cb->centroids.size(), levels);
    ASSERT_EQ(cb->boundaries.size(), levels - 1);
    for (size_t i = 0; i < ref.positiveCentroids.size(); ++i) {
      EXPECT_NEAR(cb->centroids[levels / 2 + i], ref.positiveCentroids[i], 1e-4) << "centroid " << i;
      EXPECT_NEAR(cb->centroids[levels / 2 - 1 - i], -ref.positiveCentroids[i], 1e-4) << "centroid " << i;
    }
    EXPECT_NEAR(cb->mse, ref.mse, 0.005 * ref.mse);
    EXPECT_LT(cb->residual, 1e-10);
  }
}

TEST(LloydMax, FixedPointConditionsHoldForAllBitsAndDensities) {
  std::vector<Density> densities = {Density::gaussian(), Density::laplacian(), Density::betaMarginal(5),
                                    Density::betaMarginal(32), Density::polarAngle(2), Density::polarAngle(4)};
  for (const auto& density : densities) {
    for (int bits = 1; bits <= 8; ++bits) {
      SCOPED_TRACE(density.name() + " bits " + std::to_string(bits));
      const auto cb = lloydMaxCodebook(density, bits);
      const double scale = std::sqrt(density.variance());
      EXPECT_LT(cb->residual, 1e-9 * scale);
      // Centroid = conditional mean of its cell; boundaries = midpoints; ascending.
      for (size_t i = 0; i < cb->centroids.size(); ++i) {
        const double a = i == 0 ? density.lower() : cb->boundaries[i - 1];
        const double b = i + 1 == cb->centroids.size() ? density.upper() : cb->boundaries[i];
        const Moments3 m = density.cellMoments(a, b);
        EXPECT_NEAR(cb->centroids[i], m[1] / m[0], 1e-9 * scale);
        if (i > 0) {
          EXPECT_GT(cb->centroids[i], cb->centroids[i - 1]);
        }
      }
      // MSE is below the variance and falls roughly as 4^-b (between 4^-b and 3·4^-b·variance
      // for these smooth densities at b >= 2).
      EXPECT_LT(cb->mse, density.variance());
      if (bits >= 2) {
        const auto coarser = lloydMaxCodebook(density, bits - 1);
        EXPECT_LT(cb->mse, coarser->mse / 2.5);
        EXPECT_GT(cb->mse, coarser->mse / 4.6);
      }
    }
  }
}

TEST(LloydMax, LaplacianOneBitIsExact) {
  // Unit-variance Laplacian, scale s = 1/sqrt(2): the 1-bit optimum is ±E|X| = ±s and its MSE is
  // E X² - s² = 1 - 1/2 = 1/2.
  const auto cb = lloydMaxCodebook(Density::laplacian(), 1);
  EXPECT_NEAR(cb->centroids[1], 1.0 / std::numbers::sqrt2, 1e-12);
  EXPECT_NEAR(cb->mse, 0.5, 1e-12);
  // 2 bits: published value of the Laplacian Lloyd-Max quantizer MSE ≈ 0.1765.
  EXPECT_NEAR(lloydMaxCodebook(Density::laplacian(), 2)->mse, 0.1765, 5e-4);
}

TEST(LloydMax, UniformCaseIsTheUniformQuantizer) {
  // Beta with d = 3 is uniform on [-1, 1]: Lloyd-Max = uniform quantizer, MSE = step²/12.
  for (int bits = 1; bits <= 6; ++bits) {
    SCOPED_TRACE(bits);
    const auto cb = lloydMaxCodebook(Density::betaMarginal(3), bits);
    const double step = 2.0 / double(1 << bits);
    for (size_t i = 0; i < cb->centroids.size(); ++i) EXPECT_NEAR(cb->centroids[i], -1.0 + step * (i + 0.5), 1e-10);
    EXPECT_NEAR(cb->mse, step * step / 12.0, 1e-12);
  }
}

TEST(LloydMax, BetaMarginalConvergesToGaussian) {
  // sqrt(d)·X_d → N(0,1): the scaled Beta codebooks approach the Gaussian one as d grows.
  for (int bits = 1; bits <= 4; ++bits) {
    SCOPED_TRACE(bits);
    const auto gauss = lloydMaxCodebook(Density::gaussian(), bits);
    double previous = 1e9;
    for (int d : {8, 32, 128, 512, 2048}) {
      const auto beta = lloydMaxCodebook(Density::betaMarginal(d), bits);
      double worst = 0.0;
      for (size_t i = 0; i < gauss->centroids.size(); ++i)
        worst = std::max(worst, std::abs(beta->centroids[i] * std::sqrt(double(d)) - gauss->centroids[i]));
      EXPECT_LT(worst, previous) << "d " << d;
      previous = worst;
      EXPECT_NEAR(beta->mse * d, gauss->mse, 4.0 * gauss->mse / d) << "d " << d;
    }
    EXPECT_LT(previous, 4e-3);  // the deviation falls like 1/d (outer centroids move most)
  }
}

TEST(LloydMax, UnitSphereCodebookSwitchesAtDim64) {
  const auto small = unitSphereCoordinateCodebook(16, 3);
  const auto beta = lloydMaxCodebook(Density::betaMarginal(16), 3);
  EXPECT_EQ(small->centroids, beta->centroids);
  const auto large = unitSphereCoordinateCodebook(128, 3);
  const auto gauss = lloydMaxCodebook(Density::gaussian(), 3);
  for (size_t i = 0; i < 8; ++i) EXPECT_DOUBLE_EQ(large->centroids[i], gauss->centroids[i] / std::sqrt(128.0));
  EXPECT_DOUBLE_EQ(large->mse, gauss->mse / 128.0);
}

TEST(LloydMax, IndexOfCountsBoundariesBelow) {
  const auto cb = lloydMaxCodebook(Density::gaussian(), 2);
  EXPECT_EQ(cb->indexOf(-10.0), 0);
  EXPECT_EQ(cb->indexOf(-0.5), 1);
  EXPECT_EQ(cb->indexOf(0.5), 2);
  EXPECT_EQ(cb->indexOf(10.0), 3);
  EXPECT_EQ(cb->indexOf(cb->boundaries[1]), 1);  // ties go down
}

TEST(LloydMax, RejectsBadBits) {
  for (int bits : {0, 9, -1}) {
    SCOPED_TRACE(bits);
    try {
      solveLloydMax(Density::gaussian(), bits);
      FAIL() << "expected an error";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_NE(e.detail().find(std::to_string(bits)), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace vq::quant
