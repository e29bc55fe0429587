// The log-linear fit recovers alpha and beta of exact D = alpha·beta^-b, reports R² for noisy
// data, and leaves out D <= 0 (exact formats) instead of failing.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/calib/curve_fit.h"

namespace vq::calib {
namespace {

TEST(CurveFit, RecoversExactAlphaAndBeta) {
  for (double alpha : {0.36, 1.0, 7.5})
    for (double beta : {2.0, 3.1, 4.0, 5.3}) {
      std::vector<double> b = {1.0, 2.0, 3.0, 4.0, 2.125, 4.5}, d;
      for (double x : b) d.push_back(alpha * std::pow(beta, -x));
      const CurveFit f = fitRateDistortion(b, d);
      ASSERT_TRUE(f.valid);
      EXPECT_NEAR(f.alpha, alpha, 1e-12 * alpha);
      EXPECT_NEAR(f.beta, beta, 1e-12 * beta);
      EXPECT_NEAR(f.r2, 1.0, 1e-12);
      EXPECT_EQ(f.points, 6);
      EXPECT_EQ(f.excluded, 0);
    }
}

TEST(CurveFit, NoisyDataGivesRSquaredBelowOne) {
  const std::vector<double> b = {1, 2, 3, 4};
  const std::vector<double> d = {0.36, 0.12, 0.03, 0.0095};
  const CurveFit f = fitRateDistortion(b, d);
  ASSERT_TRUE(f.valid);
  EXPECT_GT(f.beta, 3.0);
  EXPECT_LT(f.beta, 4.0);
  EXPECT_GT(f.r2, 0.98);
  EXPECT_LT(f.r2, 1.0);
}

TEST(CurveFit, ExcludesNonPositiveDistortion) {
  // fp16 measures 0: left out, the other points still fit exactly.
  const std::vector<double> b = {2.125, 4.5, 8.5, 16.0};
  std::vector<double> d;
  for (double x : b) d.push_back(0.5 * std::pow(3.5, -x));
  d[3] = 0.0;
  const CurveFit f = fitRateDistortion(b, d);
  ASSERT_TRUE(f.valid);
  EXPECT_EQ(f.points, 3);
  EXPECT_EQ(f.excluded, 1);
  EXPECT_NEAR(f.beta, 3.5, 1e-10);
  EXPECT_NE(describe(f).find("1 point excluded"), std::string::npos);
}

TEST(CurveFit, TooFewPointsIsNotAFit) {
  EXPECT_FALSE(fitRateDistortion(std::vector<double>{1.0}, std::vector<double>{0.3}).valid);
  EXPECT_FALSE(fitRateDistortion(std::vector<double>{1.0, 2.0}, std::vector<double>{0.0, 0.0}).valid);
  EXPECT_FALSE(fitRateDistortion(std::vector<double>{2.0, 2.0}, std::vector<double>{0.1, 0.2}).valid);
  EXPECT_TRUE(std::isnan(fitRateDistortion(std::vector<double>{1.0}, std::vector<double>{0.3}).beta));
}

}  // namespace
}  // namespace vq::calib
