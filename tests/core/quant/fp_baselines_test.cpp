// fp16 / bf16 / fp8 e4m3 baselines: exact on representable values, e4m3 golden encodings
// (round to nearest even, saturation to +-448), exact storage.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <vector>

#include "core/common/error.h"
#include "core/common/half.h"
#include "core/quant/fp8_e4m3.h"
#include "core/quant/fp_baselines.h"
#include "core/quant/registry.h"
#include "tests/core/quant/format_test_util.h"

namespace vq::quant {
namespace {

std::unique_ptr<Method> make(const char* name, int n) {
  MethodConfig cfg;
  cfg.method = name;
  return createMethod(cfg, n);
}

TEST(Fp8E4M3, GoldenEncodings) {
  EXPECT_EQ(floatToFp8E4M3(0.0f), 0x00);
  EXPECT_EQ(floatToFp8E4M3(-0.0f), 0x80);
  EXPECT_EQ(floatToFp8E4M3(1.0f), 0x38);      // exponent 7 (bias 7), mantissa 0
  EXPECT_EQ(floatToFp8E4M3(-2.0f), 0xC0);
  EXPECT_EQ(floatToFp8E4M3(0.5f), 0x30);
  EXPECT_EQ(floatToFp8E4M3(448.0f), 0x7E);    // 1.75 * 2^8: the largest finite value
  EXPECT_EQ(floatToFp8E4M3(-448.0f), 0xFE);
  EXPECT_EQ(floatToFp8E4M3(256.0f), 0x78);
  EXPECT_EQ(floatToFp8E4M3(240.0f), 0x77);    // 1.875 * 2^7
  EXPECT_EQ(floatToFp8E4M3(0x1p-6f), 0x08);   // smallest normal
  EXPECT_EQ(floatToFp8E4M3(0x1p-9f), 0x01);   // smallest subnormal
  EXPECT_EQ(floatToFp8E4M3(7 * 0x1p-9f), 0x07);  // largest subnormal
}

TEST(Fp8E4M3, RoundsToNearestEven) {
  EXPECT_EQ(floatToFp8E4M3(0x1p-10f), 0x00);          // half the smallest subnormal: tie -> 0
  EXPECT_EQ(floatToFp8E4M3(0x1p-10f * 1.0001f), 0x01);  // just above the tie
  EXPECT_EQ(floatToFp8E4M3(3 * 0x1p-10f), 0x02);      // 1.5 units -> 2 (even)
  EXPECT_EQ(floatToFp8E4M3(5 * 0x1p-10f), 0x02);      // 2.5 units -> 2 (even)
  EXPECT_EQ(floatToFp8E4M3(0x1p-6f - 0x1p-12f), 0x08);  // 7.875 units rounds up to the smallest normal
  EXPECT_EQ(floatToFp8E4M3(1.0f + 1.0f / 16), 0x38);  // midway 1 / 1.125 -> even mantissa 0
  EXPECT_EQ(floatToFp8E4M3(1.0f + 3.0f / 16), 0x3A);  // midway 1.125 / 1.25 -> mantissa 2
  EXPECT_EQ(floatToFp8E4M3(1.0f + 15.0f / 16), 0x40); // midway 1.875 / 2 -> 2 (carry into exponent)
  EXPECT_EQ(floatToFp8E4M3(1.06f), 0x38);  // mantissa 0.48 units -> 0
  EXPECT_EQ(floatToFp8E4M3(1.07f), 0x39);  // 0.56 units -> 1
  EXPECT_EQ(floatToFp8E4M3(-1.1f), 0xB9);
}

TEST(Fp8E4M3, SaturatesInsteadOfNaN) {
  EXPECT_EQ(floatToFp8E4M3(449.0f), 0x7E);
  EXPECT_EQ(floatToFp8E4M3(464.0f), 0x7E);  // midway 448 / (480, which would be NaN's pattern)
  EXPECT_EQ(floatToFp8E4M3(1e6f), 0x7E);
  EXPECT_EQ(floatToFp8E4M3(-1e6f), 0xFE);
  EXPECT_EQ(floatToFp8E4M3(std::numeric_limits<float>::infinity()), 0x7E);
  EXPECT_EQ(floatToFp8E4M3(-std::numeric_limits<float>::infinity()), 0xFE);
  EXPECT_EQ(floatToFp8E4M3(std::numeric_limits<float>::quiet_NaN()) & 0x7F, 0x7F);
  EXPECT_TRUE(std::isnan(fp8E4M3ToFloat(0x7F)));
  EXPECT_TRUE(std::isnan(fp8E4M3ToFloat(0xFF)));
}

TEST(Fp8E4M3, EveryCodeRoundTrips) {
  for (int v = 0; v < 256; ++v) {
    if ((v & 0x7F) == 0x7F) continue;  // NaN
    const float f = fp8E4M3ToFloat(uint8_t(v));
    EXPECT_EQ(floatToFp8E4M3(f), v) << "code " << v << " value " << f;
  }
  EXPECT_EQ(fp8E4M3ToFloat(0x7E), 448.0f);
  EXPECT_EQ(fp8E4M3ToFloat(0x01), 0x1p-9f);
  EXPECT_EQ(fp8E4M3ToFloat(0x38), 1.0f);
  EXPECT_TRUE(std::signbit(fp8E4M3ToFloat(0x80)));
}

TEST(FloatBaselines, StorageAndScope) {
  for (auto [name, bpv] : {std::pair{"fp16", 16.0}, {"bf16", 16.0}, {"fp8_e4m3", 8.0}}) {
    const auto m = make(name, 128);
    EXPECT_EQ(m->scope(), RowScope::Vector);
    EXPECT_EQ(m->storageBytes(3), uint64_t(3 * 128 * bpv / 8));
    EXPECT_DOUBLE_EQ(m->bitsPerValue(5), bpv);
    EXPECT_TRUE(testutil::writesExactlyStorageBytes(*m, testutil::gaussian(128 * 3, 1), 3));
  }
}

TEST(FloatBaselines, Fp16ExactOnEveryHalfValue) {
  const auto m = make("fp16", 64);
  std::vector<float> x;
  for (uint32_t h = 0; h < 0x10000; ++h) {
    const float f = fp16ToFloat(uint16_t(h));
    if (!std::isnan(f)) x.push_back(f);
  }
  x.resize(x.size() / 64 * 64);
  const auto y = testutil::roundTrip(*m, x, int64_t(x.size() / 64));
  for (size_t i = 0; i < x.size(); ++i) ASSERT_EQ(std::bit_cast<uint32_t>(y[i]), std::bit_cast<uint32_t>(x[i]));
  // Stored little-endian: 1.0 is 00 3C.
  std::vector<std::byte> out(m->storageBytes(1));
  std::vector<float> one(64, 0.0f);
  one[0] = 1.0f;
  m->encode(one, 1, out);
  EXPECT_EQ(out[0], std::byte{0x00});
  EXPECT_EQ(out[1], std::byte{0x3C});
}

TEST(FloatBaselines, Bf16ExactOnEveryBf16Value) {
  const auto m = make("bf16", 64);
  std::vector<float> x;
  for (uint32_t h = 0; h < 0x10000; ++h) {
    const float f = bf16ToFloat(uint16_t(h));
    if (!std::isnan(f)) x.push_back(f);
  }
  x.resize(x.size() / 64 * 64);
  const auto y = testutil::roundTrip(*m, x, int64_t(x.size() / 64));
  for (size_t i = 0; i < x.size(); ++i) ASSERT_EQ(std::bit_cast<uint32_t>(y[i]), std::bit_cast<uint32_t>(x[i]));
}

TEST(FloatBaselines, Fp8ExactOnRepresentableAndSaturatesOthers) {
  const auto m = make("fp8_e4m3", 4);
  const std::vector<float> x = {448.0f, -0x1p-9f, 1.125f, 1000.0f};
  const auto y = testutil::roundTrip(*m, x, 1);
  EXPECT_EQ(y[0], 448.0f);
  EXPECT_EQ(y[1], -0x1p-9f);
  EXPECT_EQ(y[2], 1.125f);
  EXPECT_EQ(y[3], 448.0f);
}

TEST(FloatBaselines, ErrorOrdering) {
  // fp16 keeps 11 significant bits, bf16 8, e4m3 4: relative errors about 2^-24/3, 2^-18/3, 2^-9.
  const auto x = testutil::gaussian(64 * 32, 9);
  const double e16 = testutil::relativeMse(x, testutil::roundTrip(*make("fp16", 64), x, 32));
  const double eb16 = testutil::relativeMse(x, testutil::roundTrip(*make("bf16", 64), x, 32));
  const double e8 = testutil::relativeMse(x, testutil::roundTrip(*make("fp8_e4m3", 64), x, 32));
  EXPECT_LT(e16, 1e-7);
  EXPECT_LT(e16, eb16);
  EXPECT_LT(eb16, 1e-5);
  EXPECT_LT(eb16, e8);
  EXPECT_LT(e8, 1e-2);
}

TEST(FloatBaselines, BadHeadDimIsRejected) {
  for (const char* name : {"fp16", "bf16", "fp8_e4m3"}) {
    try {
      make(name, 0);
      ADD_FAILURE() << name;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    }
  }
}

}  // namespace
}  // namespace vq::quant
