#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/common/error.h"
#include "core/common/half.h"
#include "core/common/random.h"
#include "core/quant/protection.h"
#include "core/quant/registry.h"

namespace vq::quant {
namespace {

std::vector<float> randomRows(int64_t rows, int n, uint64_t seed) {
  Rng rng(seed);
  std::vector<float> x(size_t(rows * n));
  for (auto& v : x) v = float(rng.normal());
  return x;
}

double relErr(const std::vector<float>& x, const std::vector<float>& y) {
  double e = 0, s = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    e += double(x[i] - y[i]) * (x[i] - y[i]);
    s += double(x[i]) * x[i];
  }
  return e / s;
}

MethodConfig cfg(const char* name, int bits) {
  MethodConfig c;
  c.method = name;
  c.bits = bits;
  return c;
}

TEST(Protection, NoneIsExactlyTheMethod) {
  const auto m = createMethod(cfg("mlx_affine", 4), 64);
  const auto x = randomRows(50, 64, 1);
  std::vector<float> a(x.size()), b(x.size());
  const auto r = roundTripProtected(*m, {}, x, 50, a);
  m->roundTrip(x, 50, b);
  EXPECT_EQ(a, b);
  EXPECT_EQ(r.bytes, m->storageBytes(50));
  EXPECT_EQ(r.protectedRows, 0);
}

TEST(Protection, SinkAndWindowRowsAreFp16AndCounted) {
  const int n = 64;
  const int64_t rows = 40;
  const auto m = createMethod(cfg("mlx_affine", 2), n);
  const auto x = randomRows(rows, n, 2);
  std::vector<float> out(x.size());
  ProtectionConfig p;
  p.sinkTokens = 3;
  p.residualWindow = 5;
  const auto r = roundTripProtected(*m, p, x, rows, out);
  EXPECT_EQ(r.protectedRows, 8);
  for (int64_t row : {0, 1, 2, 35, 36, 39})
    for (int i = 0; i < n; ++i)
      EXPECT_EQ(out[size_t(row * n + i)], fp16ToFloat(floatToFp16(x[size_t(row * n + i)])));
  EXPECT_EQ(r.bytes, 8u * n * 2 + m->storageBytes(rows - 8));
  EXPECT_EQ(r.methodBytes, m->storageBytes(rows - 8));
}

TEST(Protection, ZScoreKeepsLargeTokensWithTheirPositions) {
  const int n = 32;
  const int64_t rows = 100;
  auto x = randomRows(rows, n, 3);
  for (int i = 0; i < n; ++i) x[size_t(17 * n + i)] *= 20.0f;  // one huge token
  const auto m = createMethod(cfg("mlx_affine", 3), n);
  std::vector<float> out(x.size());
  ProtectionConfig p;
  p.zScore = 2.5;
  const auto r = roundTripProtected(*m, p, x, rows, out);
  EXPECT_EQ(r.protectedRows, 1);
  EXPECT_EQ(r.bytes, uint64_t(n) * 2 + 4 + m->storageBytes(rows - 1));  // row + its position
  EXPECT_EQ(out[size_t(17 * n)], fp16ToFloat(floatToFp16(x[size_t(17 * n)])));
}

TEST(Protection, OutlierChannelsHelpOnAnOutlierChannelAndAreCounted) {
  const int n = 64;
  const int64_t rows = 200;
  auto x = randomRows(rows, n, 4);
  for (int64_t r = 0; r < rows; ++r) x[size_t(r * n + 5)] = 40.0f + x[size_t(r * n + 5)];
  const auto m = createMethod(cfg("mlx_affine", 3), n);
  std::vector<float> plain(x.size()), prot(x.size());
  roundTripProtected(*m, {}, x, rows, plain);
  ProtectionConfig p;
  p.outlierChannels = 1;
  const auto r = roundTripProtected(*m, p, x, rows, prot);
  EXPECT_EQ(r.outlierChannels, 1);
  EXPECT_EQ(r.bytes, m->storageBytes(rows) + 2 + uint64_t(rows) * 3);
  EXPECT_LT(relErr(x, prot), 0.5 * relErr(x, plain));
}

TEST(Protection, BadOptionsAreRejected) {
  ProtectionConfig p;
  p.sinkTokens = -1;
  EXPECT_THROW(validate(p), Error);
  p = {};
  p.zScore = std::nan("");
  EXPECT_THROW(validate(p), Error);
}

}  // namespace
}  // namespace vq::quant
