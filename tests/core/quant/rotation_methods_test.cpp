// Properties every rotation-based method of the registry must have: exact storage (encode writes
// exactly storageBytes bytes, no more, no fewer), determinism per seed, row independence across
// the internal batches, decode writing exactly rows*n floats, roundTrip == decode(encode), and
// parameter validation through the registry.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "core/common/error.h"
#include "core/quant/registry.h"
#include "quant_test_util.h"

namespace vq::quant {
namespace {

using testing::gaussianRows;

struct Case {
  std::string method;
  int bits;
  int n;
  int sketchDim;
};

std::vector<Case> allCases() {
  std::vector<Case> cases;
  for (const auto& info : rotationMethods()) {
    const std::vector<int> bits = info.bits.empty() ? std::vector<int>{0} : info.bits;
    const std::vector<int> lengths = info.scope == RowScope::LayerRow ? std::vector<int>{128, 384}
                                                                      : std::vector<int>{16, 48, 64, 128};
    for (int b : bits)
      for (int n : lengths) cases.push_back({info.name, b, n, 0});
    // Sketches with m != d (m = 37: a partial last sign byte).
    if (info.name == "qjl" || info.name == "turboquant_prod") cases.push_back({info.name, info.bits.back(), 64, 37});
  }
  return cases;
}

MethodConfig configFor(const Case& c, uint64_t seed) {
  MethodConfig cfg;
  cfg.method = c.method;
  cfg.bits = c.bits;
  cfg.sketchDim = c.sketchDim;
  cfg.seed = seed;
  return cfg;
}

std::string label(const Case& c) {
  return c.method + " bits " + std::to_string(c.bits) + " n " + std::to_string(c.n) + " m " + std::to_string(c.sketchDim);
}

TEST(RotationMethods, RegistryEntriesAreComplete) {
  std::set<std::string> names;
  for (const auto& info : rotationMethods()) {
    SCOPED_TRACE(info.name);
    EXPECT_TRUE(names.insert(info.name).second) << "duplicate name";
    EXPECT_FALSE(info.family.empty());
    EXPECT_FALSE(info.summary.empty());
    EXPECT_FALSE(info.storageFormula.empty());
    EXPECT_TRUE(bool(info.create));
    ASSERT_NE(findMethod(info.name), nullptr);
  }
  for (const char* name : {"turboquant_mse", "turboquant_prod", "turboquant_rvq", "qjl", "polar", "turbo2", "turbo3",
                           "turbo4"})
    EXPECT_EQ(names.count(name), 1u) << name;
}

TEST(RotationMethods, EncodeWritesExactlyStorageBytesAndIsDeterministic) {
  const int64_t rows = 150;  // more than one internal batch, with a ragged tail
  for (const Case& c : allCases()) {
    SCOPED_TRACE(label(c));
    const auto m = createMethod(configFor(c, 1234), c.n);
    const auto again = createMethod(configFor(c, 1234), c.n);
    const auto other = createMethod(configFor(c, 4321), c.n);
    const auto x = gaussianRows(rows, c.n, uint64_t(c.n * 31 + c.bits), 2.0);
    const uint64_t bytes = m->storageBytes(rows);
    ASSERT_EQ(bytes, rows * m->storageBytes(1));
    // Two sentinel fills: a byte encode does not write would keep its fill and differ.
    std::vector<std::byte> zeros(bytes + 16, std::byte{0x00}), ones(bytes + 16, std::byte{0xFF});
    m->encode(x, rows, std::span<std::byte>(zeros).first(bytes));
    again->encode(x, rows, std::span<std::byte>(ones).first(bytes));
    EXPECT_TRUE(std::equal(zeros.begin(), zeros.begin() + int64_t(bytes), ones.begin()));
    for (size_t i = bytes; i < bytes + 16; ++i) {
      ASSERT_EQ(zeros[i], std::byte{0x00});
      ASSERT_EQ(ones[i], std::byte{0xFF});
    }
    // Another seed gives other bytes.
    std::vector<std::byte> otherBytes(bytes);
    other->encode(x, rows, otherBytes);
    EXPECT_FALSE(std::equal(otherBytes.begin(), otherBytes.end(), zeros.begin()));
    // Decode writes exactly rows*n floats, deterministically.
    const size_t values = size_t(rows) * size_t(c.n);
    std::vector<float> y(values + 8, -7.0f), y2(values, 0.0f);
    m->decode(std::span<const std::byte>(zeros).first(bytes), rows, std::span<float>(y).first(values));
    again->decode(std::span<const std::byte>(zeros).first(bytes), rows, y2);
    for (size_t i = values; i < values + 8; ++i) ASSERT_EQ(y[i], -7.0f);
    EXPECT_TRUE(std::equal(y2.begin(), y2.end(), y.begin()));
    for (size_t i = 0; i < values; ++i) ASSERT_TRUE(std::isfinite(y[i]));
    // roundTrip (fused or default) gives the same floats.
    std::vector<float> fused(values);
    m->roundTrip(x, rows, fused);
    EXPECT_TRUE(std::equal(fused.begin(), fused.end(), y.begin()));
    // Rows are independent: encoding the first 70 rows and the rest separately gives the same bytes.
    const int64_t split = 70;
    std::vector<std::byte> head(m->storageBytes(split)), tail(m->storageBytes(rows - split));
    m->encode(std::span<const float>(x).first(size_t(split) * c.n), split, head);
    m->encode(std::span<const float>(x).subspan(size_t(split) * c.n), rows - split, tail);
    EXPECT_TRUE(std::equal(head.begin(), head.end(), zeros.begin()));
    EXPECT_TRUE(std::equal(tail.begin(), tail.end(), zeros.begin() + int64_t(head.size())));
    // Zero rows is a no-op.
    std::vector<std::byte> none;
    std::vector<float> noneOut;
    EXPECT_NO_THROW(m->encode(std::span<const float>(), 0, none));
    EXPECT_NO_THROW(m->decode(none, 0, noneOut));
    EXPECT_EQ(m->storageBytes(0), 0u);
  }
}

TEST(RotationMethods, ZeroTinyAndHugeRowsStayFinite) {
  for (const Case& c : allCases()) {
    if (c.sketchDim != 0) continue;
    SCOPED_TRACE(label(c));
    const auto m = createMethod(configFor(c, 9), c.n);
    // Row 0: zeros; row 1: tiny values (norm underflows in float); row 2: beyond fp16 range.
    std::vector<float> x(size_t(3 * c.n), 0.0f);
    for (int i = 0; i < c.n; ++i) {
      x[size_t(c.n + i)] = (i % 2 ? 1e-30f : -1e-30f);
      x[size_t(2 * c.n + i)] = (i % 3 ? 1e6f : -2e6f);
    }
    std::vector<std::byte> bytes(m->storageBytes(3));
    std::vector<float> y(x.size(), 1.0f);
    m->encode(x, 3, bytes);
    m->decode(bytes, 3, y);
    for (int i = 0; i < c.n; ++i) EXPECT_EQ(y[size_t(i)], 0.0f) << "zero row, value " << i;
    for (float v : y) ASSERT_TRUE(std::isfinite(v));
  }
}

void expectInvalid(const std::string& method, int bits, int n, const std::string& mention, int sketchDim = 0) {
  SCOPED_TRACE(method + " bits " + std::to_string(bits) + " n " + std::to_string(n));
  MethodConfig cfg;
  cfg.method = method;
  cfg.bits = bits;
  cfg.sketchDim = sketchDim;
  try {
    createMethod(cfg, n);
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    EXPECT_NE(e.detail().find(mention), std::string::npos) << e.detail();
  }
}

TEST(RotationMethods, BadParametersAreInvalidArguments) {
  for (const char* m : {"turboquant_mse", "turboquant_rvq", "turboquant_prod"}) {
    expectInvalid(m, 0, 128, "bits must be in");
    expectInvalid(m, 9, 128, "got 9");
  }
  expectInvalid("turboquant_prod", 1, 128, "got 1");
  expectInvalid("polar", 2, 20, "polar needs head_dim divisible by 16, got 20");
  expectInvalid("polar", 0, 64, "bits");
  expectInvalid("turbo2", 4, 100, "divisible by 128, got 100");
  expectInvalid("turbo3", 4, 64, "divisible by 128, got 64");  // the bundled sample: 4 KV heads x 16
  expectInvalid("turbo4", 4, 100, "got 100");
  expectInvalid("qjl", 1, 128, "sketch_dim", -1);
  expectInvalid("turboquant_prod", 3, 128, "sketch_dim", -5);
  expectInvalid("turboquant_mse", 4, 1, "head_dim");
  expectInvalid("no_such_method", 4, 128, "unknown method");
}

}  // namespace
}  // namespace vq::quant
