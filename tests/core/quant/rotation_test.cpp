#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <vector>

#include "core/common/error.h"
#include "core/quant/rotation.h"
#include "core/quant/seeded_random.h"

namespace vq::quant {
namespace {

std::vector<float> randomVectors(int rows, int d, uint64_t seed) {
  SeededRandom rng(seed);
  std::vector<float> v(size_t(rows) * size_t(d));
  for (auto& x : v) x = float(rng.normal() * 3.0);
  return v;
}

double norm(const float* x, int d) {
  double s = 0.0;
  for (int i = 0; i < d; ++i) s += double(x[i]) * x[i];
  return std::sqrt(s);
}

TEST(SeededRandom, NormalHasUnitMomentsAndIsReproducible) {
  SeededRandom a(7), b(7);
  double sum = 0.0, sum2 = 0.0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double x = a.normal();
    EXPECT_EQ(x, b.normal());
    sum += x;
    sum2 += x * x;
  }
  EXPECT_NEAR(sum / n, 0.0, 4.0 / std::sqrt(double(n)));
  EXPECT_NEAR(sum2 / n, 1.0, 4.0 * std::sqrt(2.0 / n));
}

TEST(FastWalshHadamard, MatchesSylvesterMatrix) {
  for (int n : {1, 2, 4, 8, 16, 64}) {
    SCOPED_TRACE(n);
    std::vector<float> x = randomVectors(1, n, 3);
    std::vector<float> y = x;
    fastWalshHadamard(y.data(), n);
    for (int i = 0; i < n; ++i) {
      double expected = 0.0;
      for (int j = 0; j < n; ++j) expected += (__builtin_popcount(unsigned(i & j)) % 2 ? -1.0 : 1.0) * x[size_t(j)];
      EXPECT_NEAR(y[size_t(i)], expected, 1e-4);
    }
  }
}

TEST(Rotation, OrthogonalAndExactlyInvertible) {
  for (int d : {1, 2, 16, 64, 128, 256, 3, 20, 80, 96}) {
    SCOPED_TRACE(d);
    const Rotation rot(d, 1234);
    EXPECT_EQ(rot.isHadamard(), isPowerOfTwo(d));
    const int rows = 50;
    const std::vector<float> x = randomVectors(rows, d, 99);
    std::vector<float> y(x.size()), back(x.size());
    rot.apply(x.data(), y.data(), rows);
    rot.applyInverse(y.data(), back.data(), rows);
    for (int r = 0; r < rows; ++r) {
      const double nx = norm(&x[size_t(r) * d], d);
      EXPECT_NEAR(norm(&y[size_t(r) * d], d), nx, 1e-5 * nx);
      for (int i = 0; i < d; ++i) EXPECT_NEAR(back[size_t(r) * d + i], x[size_t(r) * d + i], 1e-5 * std::max(1.0, nx));
    }
    // Π Πᵀ = I.
    const Eigen::MatrixXd m = rot.matrix();
    EXPECT_LT((m * m.transpose() - Eigen::MatrixXd::Identity(d, d)).cwiseAbs().maxCoeff(), 1e-5);
    // In place gives the same floats.
    std::vector<float> inPlace = x;
    rot.apply(inPlace.data(), inPlace.data(), rows);
    EXPECT_EQ(inPlace, y);
    rot.applyInverse(inPlace.data(), inPlace.data(), rows);
    EXPECT_EQ(inPlace, back);
  }
}

TEST(Rotation, HadamardIsHTimesSigns) {
  const int d = 32;
  const Rotation rot(d, 5);
  const std::vector<float> s = rot.signs();
  const Eigen::MatrixXd m = rot.matrix();
  for (int i = 0; i < d; ++i)
    for (int j = 0; j < d; ++j) {
      const double h = (__builtin_popcount(unsigned(i & j)) % 2 ? -1.0 : 1.0) / std::sqrt(double(d));
      EXPECT_NEAR(m(i, j), h * s[size_t(j)], 1e-6);
    }
}

TEST(Rotation, DenseRotationIsHaarLike) {
  // Haar: E[Π_ij] = 0, E[Π_ij²] = 1/d. Average over seeds of one entry, and the sign fix
  // makes diag(R) positive, so the diagonal is not biased (E Π_ii = 0).
  const int d = 12;
  double sumDiag = 0.0, sumSq = 0.0;
  const int seeds = 2000;
  for (int s = 0; s < seeds; ++s) {
    const Eigen::MatrixXd m = Rotation(d, uint64_t(s)).matrix();
    sumDiag += m(0, 0);
    sumSq += m(3, 5) * m(3, 5);
  }
  EXPECT_NEAR(sumDiag / seeds, 0.0, 4.0 * std::sqrt(1.0 / d / seeds));
  EXPECT_NEAR(sumSq / seeds, 1.0 / d, 0.15 / d);
}

TEST(Rotation, DeterministicPerSeedAndSeedsDiffer) {
  for (int d : {64, 48}) {
    SCOPED_TRACE(d);
    const std::vector<float> x = randomVectors(1, d, 1);
    const size_t n = static_cast<size_t>(d);
    std::vector<float> a(n), b(n), c(n);
    Rotation(d, 42).apply(x.data(), a.data());
    Rotation(d, 42).apply(x.data(), b.data());
    Rotation(d, 43).apply(x.data(), c.data());
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
  }
}

TEST(Rotation, RejectsBadDimensions) {
  EXPECT_THROW(Rotation(0, 1), Error);
  EXPECT_THROW(Rotation(Rotation::kMaxDenseDim + 1, 1), Error);
  EXPECT_NO_THROW(Rotation(8192, 1));  // power of two: no dense matrix
}

}  // namespace
}  // namespace vq::quant
