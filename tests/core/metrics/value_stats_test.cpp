#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "core/metrics/value_stats.h"

namespace vq::metrics {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

TEST(ValueStats, HandComputedExample) {
  // [2 heads, 2 tokens, 2 dim]
  const std::vector<float> x = {3, 4, 0, 0,     // head 0: norms 5, 0
                                -1, 0, 0, -2};  // head 1: norms 1, 2
  const ValueStats s = computeValueStats(x, 2, 2, 2, 4);
  EXPECT_EQ(s.values, 8);
  EXPECT_EQ(s.vectors, 4);
  EXPECT_EQ(s.nanCount, 0);
  EXPECT_EQ(s.infCount, 0);
  EXPECT_DOUBLE_EQ(s.meanNorm, 2.0);
  EXPECT_DOUBLE_EQ(s.maxNorm, 5.0);
  EXPECT_DOUBLE_EQ(s.absMax, 4.0);
  EXPECT_DOUBLE_EQ(s.mean, 0.5);
  // population variance: Σx² / n − mean² = 30/8 − 0.25
  EXPECT_NEAR(s.std, std::sqrt(30.0 / 8.0 - 0.25), 1e-12);
  // channel mean |x|: (h0,c0) 1.5, (h0,c1) 2, (h1,c0) 0.5, (h1,c1) 1 -> median (1 + 1.5)/2
  EXPECT_DOUBLE_EQ(s.medianChannelMeanAbs, 1.25);
  ASSERT_EQ(s.topChannels.size(), 4u);
  EXPECT_EQ(s.topChannels[0].head, 0);
  EXPECT_EQ(s.topChannels[0].channel, 1);
  EXPECT_DOUBLE_EQ(s.topChannels[0].meanAbs, 2.0);
  EXPECT_DOUBLE_EQ(s.topChannels[0].ratioToMedian, 1.6);
  EXPECT_EQ(s.topChannels[1].channel, 0);
  EXPECT_EQ(s.topChannels[2].head, 1);
  EXPECT_EQ(s.topChannels[2].channel, 1);
  EXPECT_EQ(s.topChannels[3].head, 1);
  EXPECT_EQ(s.topChannels[3].channel, 0);
}

TEST(ValueStats, NonFiniteValuesAreCountedAndExcluded) {
  // [1 head, 3 tokens, 2 dim]; token 1 has a NaN, token 2 an Inf.
  const std::vector<float> x = {1, 2, kNaN, 4, -kInf, 6};
  const ValueStats s = computeValueStats(x, 1, 3, 2);
  EXPECT_EQ(s.nanCount, 1);
  EXPECT_EQ(s.infCount, 1);
  EXPECT_EQ(s.nonFiniteVectors, 2);
  EXPECT_DOUBLE_EQ(s.meanNorm, std::sqrt(5.0));  // only token 0 is entirely finite
  EXPECT_DOUBLE_EQ(s.maxNorm, std::sqrt(5.0));
  EXPECT_DOUBLE_EQ(s.absMax, 6.0);
  EXPECT_DOUBLE_EQ(s.mean, (1 + 2 + 4 + 6) / 4.0);
  EXPECT_NEAR(s.std, std::sqrt((1 + 4 + 16 + 36) / 4.0 - 3.25 * 3.25), 1e-12);
  ASSERT_EQ(s.topChannels.size(), 2u);
  EXPECT_EQ(s.topChannels[0].channel, 1);
  EXPECT_DOUBLE_EQ(s.topChannels[0].meanAbs, 4.0);  // (2 + 4 + 6) / 3
  EXPECT_DOUBLE_EQ(s.topChannels[1].meanAbs, 1.0);  // only the finite 1
  EXPECT_FALSE(std::isnan(s.medianChannelMeanAbs));
}

TEST(ValueStats, AllNonFiniteGivesNaNNotZero) {
  const std::vector<float> x = {kNaN, kInf};
  const ValueStats s = computeValueStats(x, 1, 1, 2);
  EXPECT_EQ(s.nanCount, 1);
  EXPECT_EQ(s.infCount, 1);
  EXPECT_TRUE(std::isnan(s.mean));
  EXPECT_TRUE(std::isnan(s.std));
  EXPECT_TRUE(std::isnan(s.meanNorm));
  EXPECT_TRUE(s.topChannels.empty());
}

TEST(ValueStats, FindsAPlantedOutlierChannel) {
  const int H = 4, d = 64;
  const int64_t T = 200;
  std::mt19937 rng(5);
  std::normal_distribution<float> g;
  std::vector<float> x(size_t(H) * size_t(T) * d);
  for (float& v : x) v = g(rng);
  // Channel 37 of head 2 is 20x larger, channel 3 of head 0 is 6x larger.
  for (int64_t t = 0; t < T; ++t) {
    x[size_t((2 * T + t) * d + 37)] *= 20.0f;
    x[size_t((0 * T + t) * d + 3)] *= 6.0f;
  }
  const ValueStats s = computeValueStats(x, H, T, d, 3);
  ASSERT_EQ(s.topChannels.size(), 3u);
  EXPECT_EQ(s.topChannels[0].head, 2);
  EXPECT_EQ(s.topChannels[0].channel, 37);
  EXPECT_NEAR(s.topChannels[0].ratioToMedian, 20.0, 3.0);
  EXPECT_EQ(s.topChannels[1].head, 0);
  EXPECT_EQ(s.topChannels[1].channel, 3);
  EXPECT_NEAR(s.topChannels[1].ratioToMedian, 6.0, 1.0);
  EXPECT_LT(s.topChannels[2].ratioToMedian, 1.5);
  EXPECT_NEAR(s.medianChannelMeanAbs, std::sqrt(2.0 / M_PI), 0.05);  // E|N(0,1)|
}

TEST(ValueStats, ReaderCallbackMatchesInMemoryAndPool) {
  const int H = 3, d = 16;
  const int64_t T = 50;
  std::mt19937 rng(9);
  std::normal_distribution<float> g(0.5f, 2.0f);
  std::vector<float> x(size_t(H) * size_t(T) * d);
  for (float& v : x) v = g(rng);
  x[17] = kNaN;
  const size_t per = size_t(T) * d;
  int reads = 0;
  const HeadReader reader = [&](int h, std::span<float> out) {
    ASSERT_EQ(out.size(), per);
    std::memcpy(out.data(), x.data() + size_t(h) * per, per * sizeof(float));
    ++reads;
  };
  const ValueStats a = computeValueStats(x, H, T, d, 5);
  const ValueStats b = computeValueStats(H, T, d, reader, 5);
  EXPECT_EQ(reads, H);
  ThreadPool pool(3);
  const ValueStats c = computeValueStats(H, T, d, reader, 5, &pool);
  for (const ValueStats* s : {&b, &c}) {
    EXPECT_EQ(s->nanCount, 1);
    EXPECT_EQ(s->mean, a.mean);
    EXPECT_EQ(s->std, a.std);
    EXPECT_EQ(s->meanNorm, a.meanNorm);
    EXPECT_EQ(s->maxNorm, a.maxNorm);
    EXPECT_EQ(s->absMax, a.absMax);
    ASSERT_EQ(s->topChannels.size(), 5u);
    EXPECT_EQ(s->topChannels[0].channel, a.topChannels[0].channel);
    EXPECT_EQ(s->topChannels[0].meanAbs, a.topChannels[0].meanAbs);
  }
  EXPECT_NEAR(a.mean, 0.5, 0.1);
  EXPECT_NEAR(a.std, 2.0, 0.1);
}

TEST(ValueStats, RejectsBadShapes) {
  const std::vector<float> x(6);
  EXPECT_THROW(computeValueStats(x, 0, 3, 2), Error);
  EXPECT_THROW(computeValueStats(x, 1, 3, 3), Error);
  EXPECT_THROW(computeValueStats(x, 1, 3, 2, -1), Error);
}

}  // namespace
}  // namespace vq::metrics
