#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include "core/common/error.h"
#include "core/metrics/reconstruction.h"

namespace vq::metrics {
namespace {

TEST(Reconstruction, HandComputedExample) {
  // rows: (3,4)->(3,0): err 16, |x|^2 25, cos 9/15 = 0.6
  //       (1,0)->(2,0): err 1,  |x|^2 1,  cos 1
  //       (0,0)->(1,1): zero row, err 2 in the aggregate only
  const std::vector<float> x = {3, 4, 1, 0, 0, 0};
  const std::vector<float> xh = {3, 0, 2, 0, 1, 1};
  const auto m = reconstructionMetrics(x, xh, 3, 2);
  EXPECT_EQ(m.vectors, 3);
  EXPECT_EQ(m.usedVectors, 2);
  EXPECT_EQ(m.zeroVectors, 1);
  EXPECT_EQ(m.nonFiniteVectors, 0);
  EXPECT_DOUBLE_EQ(m.relMse, (16.0 / 25.0 + 1.0) / 2.0);
  EXPECT_DOUBLE_EQ(m.relMseAggregate, 19.0 / 26.0);
  EXPECT_DOUBLE_EQ(m.cosineMean, 0.8);
  EXPECT_NEAR(m.cosineP01, 0.6, 1e-7);  // n=2: k=1, the smallest
  EXPECT_DOUBLE_EQ(m.snrDb, 10.0 * std::log10(26.0 / 19.0));
  EXPECT_TRUE(std::isnan(m.limitRatio));
  EXPECT_TRUE(std::isnan(m.wastedBits));
}

TEST(Reconstruction, ExactReconstruction) {
  const std::vector<float> x = {1, -2, 3, 0.5f, 7, -1};
  const auto m = reconstructionMetrics(x, x, 2, 3, 4.0);
  EXPECT_EQ(m.relMse, 0.0);
  EXPECT_EQ(m.relMseAggregate, 0.0);
  EXPECT_NEAR(m.cosineMean, 1.0, 1e-15);
  EXPECT_NEAR(m.cosineP01, 1.0, 1e-7);
  EXPECT_TRUE(std::isinf(m.snrDb) && m.snrDb > 0);
  EXPECT_EQ(m.limitRatio, 0.0);
  EXPECT_TRUE(std::isinf(m.wastedBits) && m.wastedBits < 0);
}

TEST(Reconstruction, ZeroReconstructionHasCosineZero) {
  const std::vector<float> x = {1, 1};
  const std::vector<float> xh = {0, 0};
  const auto m = reconstructionMetrics(x, xh, 1, 2);
  EXPECT_DOUBLE_EQ(m.relMse, 1.0);
  EXPECT_DOUBLE_EQ(m.cosineMean, 0.0);
  EXPECT_DOUBLE_EQ(m.snrDb, 0.0);
}

TEST(Reconstruction, OnlyZeroRowsGiveNaN) {
  const std::vector<float> x = {0, 0, 0, 0};
  const auto m = reconstructionMetrics(x, x, 2, 2);
  EXPECT_EQ(m.zeroVectors, 2);
  EXPECT_EQ(m.usedVectors, 0);
  EXPECT_TRUE(std::isnan(m.relMse));
  EXPECT_TRUE(std::isnan(m.cosineMean));
  EXPECT_TRUE(std::isnan(m.cosineP01));
  EXPECT_TRUE(std::isnan(m.snrDb));
}

TEST(Reconstruction, DistanceToTheLimit) {
  // D = 0.25 at b = 1 is exactly the Shannon bound 4^-1; at b = 1.5 the ratio is 2 (½ bit wasted).
  const std::vector<float> x = {1, 0};
  const std::vector<float> xh = {0.5f, 0};
  auto m = reconstructionMetrics(x, xh, 1, 2, 1.0);
  EXPECT_DOUBLE_EQ(m.relMse, 0.25);
  EXPECT_DOUBLE_EQ(m.limitRatio, 1.0);
  EXPECT_DOUBLE_EQ(m.wastedBits, 0.0);
  m = reconstructionMetrics(x, xh, 1, 2, 1.5);
  EXPECT_DOUBLE_EQ(m.bitsPerValue, 1.5);
  EXPECT_DOUBLE_EQ(m.limitRatio, 2.0);
  EXPECT_DOUBLE_EQ(m.wastedBits, 0.5);
}

TEST(Reconstruction, NonFiniteRowsAreCountedAndExcluded) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> x = {1, 0, nan, 1, 2, 0, inf, -inf};
  const std::vector<float> xh = {1, 0, 1, 1, 2, nan, 0, 0};
  const auto m = reconstructionMetrics(x, xh, 4, 2);
  EXPECT_EQ(m.vectors, 4);
  EXPECT_EQ(m.nonFiniteVectors, 3);
  EXPECT_EQ(m.usedVectors, 1);
  EXPECT_EQ(m.nanCount, 2);
  EXPECT_EQ(m.infCount, 2);
  EXPECT_EQ(m.relMse, 0.0);
  EXPECT_FALSE(std::isnan(m.snrDb));
}

TEST(Reconstruction, NearestRankPercentileDefinition) {
  std::vector<float> v(200);
  std::iota(v.begin(), v.end(), 1.0f);  // 1..200
  std::mt19937 rng(3);
  std::shuffle(v.begin(), v.end(), rng);
  EXPECT_EQ(nearestRankPercentile(v, 1), 2.0);     // k = ceil(2) = 2
  EXPECT_EQ(nearestRankPercentile(v, 0), 1.0);     // k clamps to 1
  EXPECT_EQ(nearestRankPercentile(v, 50), 100.0);  // k = 100
  EXPECT_EQ(nearestRankPercentile(v, 100), 200.0);
  std::vector<float> w(101);
  std::iota(w.begin(), w.end(), 1.0f);
  EXPECT_EQ(nearestRankPercentile(w, 1), 2.0);  // ceil(1.01) = 2
  std::vector<float> u(100);
  std::iota(u.begin(), u.end(), 1.0f);
  EXPECT_EQ(nearestRankPercentile(u, 1), 1.0);  // ceil(1.00) = 1
  EXPECT_TRUE(std::isnan(nearestRankPercentile({}, 1)));
}

TEST(Reconstruction, CosinePercentileIsTheNearestRankOrderStatistic) {
  // 150 rows in 2-D; row i is reconstructed rotated by angle a_i, so its cosine is cos(a_i).
  // n = 150 -> k = ceil(1.5) = 2: the second smallest cosine.
  const int n = 150;
  std::vector<float> x, xh;
  std::vector<double> cosines;
  for (int i = 0; i < n; ++i) {
    const double a = 0.01 * ((i * 37) % n);  // a permutation of 0, 0.01, ..., 1.49
    const float c = float(std::cos(a)), s = float(std::sin(a));
    x.insert(x.end(), {1.0f, 0.0f});
    xh.insert(xh.end(), {c, s});
    cosines.push_back(double(c) / std::hypot(double(c), double(s)));
  }
  std::sort(cosines.begin(), cosines.end());
  const auto m = reconstructionMetrics(x, xh, n, 2);
  EXPECT_NEAR(m.cosineP01, cosines[1], 1e-7);
}

TEST(Reconstruction, MergeEqualsOneShot) {
  std::mt19937 rng(7);
  std::normal_distribution<float> g;
  const int rows = 300, dim = 16;
  std::vector<float> x(rows * dim), xh(rows * dim);
  for (size_t i = 0; i < x.size(); ++i) {
    x[i] = g(rng);
    xh[i] = x[i] + 0.1f * g(rng);
  }
  const auto whole = reconstructionMetrics(x, xh, rows, dim, 3.0);
  ReconstructionAccumulator a, b;
  const size_t half = 120 * dim;
  a.add(std::span(x).first(half), std::span(xh).first(half), 120, dim);
  b.add(std::span(x).subspan(half), std::span(xh).subspan(half), rows - 120, dim);
  a.merge(b);
  const auto merged = a.finish(3.0);
  EXPECT_EQ(merged.usedVectors, whole.usedVectors);
  EXPECT_NEAR(merged.relMse, whole.relMse, 1e-12);
  EXPECT_NEAR(merged.relMseAggregate, whole.relMseAggregate, 1e-12);
  EXPECT_NEAR(merged.cosineMean, whole.cosineMean, 1e-12);
  EXPECT_EQ(merged.cosineP01, whole.cosineP01);
  EXPECT_NEAR(merged.snrDb, whole.snrDb, 1e-9);
  EXPECT_NEAR(merged.wastedBits, whole.wastedBits, 1e-9);
  EXPECT_NEAR(whole.relMse, 0.01, 0.003);
}

TEST(Reconstruction, PrecomputedVectorSumsEqualAdd) {
  // What a GPU backend feeds: the per-row sums. Rows cover used, zero and non-finite cases.
  const int dim = 4;
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> x = {1, 2, 3, 4, 0, 0, 0, 0, 1, inf, 1, 1, -1, 0.5f, 2, 0, 3, 3, 3, 3};
  const std::vector<float> xh = {1.1f, 2, 2.9f, 4, 0.5f, 0, 0, 0, 1, 1, 1, 1, -1, 0.4f, 2.2f, 0, 0, 0, 0, 0};
  const int rows = int(x.size()) / dim;
  ReconstructionAccumulator direct, precomputed;
  direct.add(x, xh, rows, dim);
  for (int r = 0; r < rows; ++r) {
    VectorSums v;
    for (int i = 0; i < dim; ++i) {
      const double a = x[size_t(r * dim + i)], b = xh[size_t(r * dim + i)];
      v.err2 += (a - b) * (a - b);
      v.norm2 += a * a;
      v.hatNorm2 += b * b;
      v.dot += a * b;
      v.nan += std::isnan(a) + std::isnan(b);
      v.inf += std::isinf(a) + std::isinf(b);
    }
    precomputed.addVector(v);
  }
  const auto m1 = direct.finish(2.0), m2 = precomputed.finish(2.0);
  EXPECT_EQ(m1.vectors, m2.vectors);
  EXPECT_EQ(m1.usedVectors, m2.usedVectors);
  EXPECT_EQ(m1.zeroVectors, m2.zeroVectors);
  EXPECT_EQ(m1.nonFiniteVectors, m2.nonFiniteVectors);
  EXPECT_EQ(m1.infCount, m2.infCount);
  EXPECT_EQ(m1.relMse, m2.relMse);
  EXPECT_EQ(m1.relMseAggregate, m2.relMseAggregate);
  EXPECT_EQ(m1.cosineMean, m2.cosineMean);
  EXPECT_EQ(m1.cosineP01, m2.cosineP01);
  EXPECT_EQ(m2.usedVectors, 3);
  EXPECT_EQ(m2.zeroVectors, 1);
  EXPECT_EQ(m2.nonFiniteVectors, 1);
}

TEST(Reconstruction, SizeMismatchThrows) {
  const std::vector<float> x = {1, 2, 3};
  ReconstructionAccumulator acc;
  EXPECT_THROW(acc.add(x, x, 2, 2), Error);
}

}  // namespace
}  // namespace vq::metrics
