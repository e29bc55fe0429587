// mlx_affine: MLX's affine group quantization as its GPU kernels compute it (running max from 0,
// anchor = the extreme of larger magnitude, scale snapped so the anchor is exact, round halves
// away from zero), exact storage (b + 0.5 bpv at G = 64), small-head behaviour, validation.
#include <gtest/gtest.h>

#include <vector>

#include "core/common/error.h"
#include "core/quant/mlx_affine.h"
#include "core/quant/registry.h"
#include "tests/core/quant/format_test_util.h"

namespace vq::quant {
namespace {

std::unique_ptr<Method> makeMlx(int headDim, int bits, int group = 0) {
  MethodConfig cfg;
  cfg.method = "mlx_affine";
  cfg.bits = bits;
  cfg.groupSize = group;
  return createMethod(cfg, headDim);
}

std::vector<uint8_t> encodeBytes(const Method& m, const std::vector<float>& x, int64_t rows) {
  std::vector<std::byte> out(m.storageBytes(rows));
  m.encode(x, rows, out);
  std::vector<uint8_t> bytes(out.size());
  std::memcpy(bytes.data(), out.data(), out.size());
  return bytes;
}

TEST(MlxAffine, BitsPerValueIsBPlusHalfAtGroup64) {
  for (int bits : {2, 3, 4, 6, 8})
    for (int d : {64, 128, 256}) {
      const auto m = makeMlx(d, bits);
      EXPECT_EQ(m->scope(), RowScope::Vector);
      EXPECT_DOUBLE_EQ(m->bitsPerValue(7), bits + 0.5) << "bits " << bits << " d " << d;
      EXPECT_EQ(m->storageBytes(1), uint64_t(d / 64) * uint64_t(8 * bits + 4));
      EXPECT_TRUE(testutil::writesExactlyStorageBytes(*m, testutil::gaussian(size_t(d * 3), 2), 3));
    }
}

TEST(MlxAffine, SmallHeadIsOneGroup) {
  // head_dim 16 < 64: the group is the whole vector, 32 bits of scale+bias per 16 values.
  const auto m = makeMlx(16, 4);
  EXPECT_EQ(dynamic_cast<const MlxAffine&>(*m).groupSize(), 16);
  EXPECT_DOUBLE_EQ(m->bitsPerValue(1), 6.0);
  EXPECT_TRUE(testutil::writesExactlyStorageBytes(*makeMlx(20, 3), testutil::gaussian(40, 2), 2));
  EXPECT_EQ(makeMlx(20, 3)->storageBytes(1), 8u + 4u);  // 60 bits of codes -> 8 bytes
}

TEST(MlxAffine, AnchorMaxGolden) {
  // [-1, 0, 0.5, 3], b = 2: |max| >= |min| -> anchor 3, s = -(4/3); q0 = round(3 / s) =
  // round(-2.25) = -2 -> s = 3 / -2 = -1.5, bias = 3. codes round((x - 3) / -1.5): 2.67 -> 3,
  // 2 -> 2, 1.67 -> 2, 0 -> 0. Decoded: -1.5, 0, 0, 3 (0 is on the grid: code -q0 = 2).
  // Bytes: codes 3 | 2<<2 | 2<<4 | 0<<6 = 0x2B, scale fp16(-1.5) = 0xBE00, bias fp16(3) = 0x4200.
  const auto m = makeMlx(4, 2, 4);
  const std::vector<float> x = {-1.0f, 0.0f, 0.5f, 3.0f};
  EXPECT_EQ(encodeBytes(*m, x, 1), (std::vector<uint8_t>{0x2B, 0x00, 0xBE, 0x00, 0x42}));
  EXPECT_EQ(testutil::roundTrip(*m, x, 1), (std::vector<float>{-1.5f, 0.0f, 0.0f, 3.0f}));
}

TEST(MlxAffine, AnchorMinGoldenAndTiesAwayFromZero) {
  // [-3, 1, -0.75, 0.75, 0, 0, 0, 0], b = 2: |min| > |max| -> anchor -3, s = 4/3;
  // q0 = round(-2.25) = -2 -> s = 1.5, bias = -3. codes round((x + 3) / 1.5): 0, 2.67 -> 3,
  // 1.5 -> 2, 2.5 -> 3 (halves away from zero), 0 -> 2 (exactly).
  // Bytes: 0 | 3<<2 | 2<<4 | 3<<6 = 0xEC, then 0xAA; scale 1.5 = 0x3E00, bias -3 = 0xC200.
  const auto m = makeMlx(8, 2, 8);
  const std::vector<float> x = {-3.0f, 1.0f, -0.75f, 0.75f, 0.0f, 0.0f, 0.0f, 0.0f};
  EXPECT_EQ(encodeBytes(*m, x, 1), (std::vector<uint8_t>{0xEC, 0xAA, 0x00, 0x3E, 0x00, 0xC2}));
  EXPECT_EQ(testutil::roundTrip(*m, x, 1),
            (std::vector<float>{-3.0f, 1.5f, 0.0f, 1.5f, 0.0f, 0.0f, 0.0f, 0.0f}));
}

TEST(MlxAffine, AllNegativeGroupIsStretchedToZero) {
  // [-3, -2, -1, -0.5], b = 2: the running max starts at 0, so wmax = 0, wmin = -3: anchor -3,
  // s = 3/3 = 1, q0 = round(-3) = -3 -> s = 1, bias = -3; codes round(x + 3) = 0, 1, 2, 3
  // (2.5 -> 3). Bytes 0xE4, scale 0x3C00, bias 0xC200; decoded -3, -2, -1, 0.
  // (MLX's CPU backend would use wmax = -0.5: s = 0.75 and codes 0, 1, 3, 3.)
  const auto m = makeMlx(4, 2, 4);
  const std::vector<float> x = {-3.0f, -2.0f, -1.0f, -0.5f};
  EXPECT_EQ(encodeBytes(*m, x, 1), (std::vector<uint8_t>{0xE4, 0x00, 0x3C, 0x00, 0xC2}));
  EXPECT_EQ(testutil::roundTrip(*m, x, 1), (std::vector<float>{-3.0f, -2.0f, -1.0f, 0.0f}));
}

TEST(MlxAffine, ConstantAndZeroGroups) {
  // Constant 3: s = max(0, 1e-7) negated, q0 = rint(3 / -1e-7) != 0 -> bias = 3, codes 0:
  // decodes to 3 exactly. All zeros: q0 = 0 -> bias 0, decodes to 0.
  const auto m = makeMlx(64, 4);
  std::vector<float> x(128, 3.0f);
  std::fill(x.begin() + 64, x.end(), 0.0f);
  EXPECT_EQ(testutil::roundTrip(*m, x, 2), x);
}

TEST(MlxAffine, ErrorShrinksWithBits) {
  const auto x = testutil::gaussian(128 * 64, 5);
  double previous = 1e9;
  for (int bits : {2, 3, 4, 6, 8}) {
    const double mse = testutil::relativeMse(x, testutil::roundTrip(*makeMlx(128, bits), x, 64));
    EXPECT_LT(mse, previous * 0.3) << bits;
    previous = mse;
  }
  EXPECT_LT(previous, 5e-5);  // 8 bits: measured 3.0e-5
}

TEST(MlxAffine, PackingMatchesMlxWords) {
  // Values 0..2^b-1 anchored at their max: s = -1, bias = max, codes max - x.
  // b = 4, G = 16 (two uint32 words in MLX): code k at bits 4k of its little-endian word.
  {
    const auto m = makeMlx(16, 4, 16);
    std::vector<float> x;
    for (int k = 0; k < 16; ++k) x.push_back(float(k));
    const auto b = encodeBytes(*m, x, 1);
    auto word = [&](size_t at) {
      return uint32_t(b[at]) | uint32_t(b[at + 1]) << 8 | uint32_t(b[at + 2]) << 16 | uint32_t(b[at + 3]) << 24;
    };
    EXPECT_EQ(word(0), 0x89ABCDEFu);  // codes 15, 14, ..., 8
    EXPECT_EQ(word(4), 0x01234567u);  // codes 7, ..., 0
  }
  // b = 3, G = 8 (MLX packs 8 codes into 3 bytes): the 24-bit little-endian word is octal
  // 01234567 for codes 7, 6, ..., 0 = 0x053977.
  {
    const auto m = makeMlx(8, 3, 8);
    const std::vector<float> x = {0, 1, 2, 3, 4, 5, 6, 7};
    const auto b = encodeBytes(*m, x, 1);
    EXPECT_EQ(b[0], 0x77);
    EXPECT_EQ(b[1], 0x39);
    EXPECT_EQ(b[2], 0x05);
  }
}

TEST(MlxAffine, BadParametersAreRejected) {
  for (int bits : {0, 1, 5, 7, 9}) {
    try {
      makeMlx(64, bits);
      ADD_FAILURE() << "accepted bits " << bits;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_NE(e.detail().find("bits"), std::string::npos) << e.detail();
    }
  }
  for (auto [d, group] : {std::pair{96, 64}, {64, -1}}) {
    try {
      makeMlx(d, 4, group);
      ADD_FAILURE() << "accepted d " << d << " group " << group;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_NE(e.detail().find("groupSize"), std::string::npos) << e.detail();
    }
  }
  EXPECT_NO_THROW(makeMlx(96, 4, 32));
}

}  // namespace
}  // namespace vq::quant
