// q5_0 and q5_1 against ggml's reference algorithms, on blocks whose bytes are derived by hand.
//
// q5_0 (quantize_row_q5_0_ref): max = signed value of largest |x| (first on ties);
//   d = max / -16;  id = d ? 1/d : 0;  code = MIN(31, (int8_t)(x*id + 16.5f));  decode (code-16)*d
// q5_1 (quantize_row_q5_1_ref): d = (max - min) / 31;  m = min;
//   code = (uint8_t)((x - min)*id + 0.5f) (no clamp);  decode code * d + m
// Packing: qs[j] = (code[j] & 15) | (code[j+16] & 15) << 4; bit 4 of code[k] (k = 0..31) is bit k
// of the little-endian uint32 qh. Layouts: q5_0 = d(2) qh(4) qs(16); q5_1 = d(2) m(2) qh(4) qs(16).
#include <gtest/gtest.h>

#include <vector>

#include "core/quant/llamacpp_q5.h"
#include "tests/core/quant/format_test_util.h"

namespace vq::quant {
namespace {

using testutil::block32;
using testutil::bytesOf;

std::vector<uint8_t> le16(uint16_t v) { return {uint8_t(v & 0xFF), uint8_t(v >> 8)}; }

std::vector<uint8_t> concat(std::vector<std::vector<uint8_t>> parts) {
  std::vector<uint8_t> out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// ---------------------------------------------------------------- q5_0

TEST(LlamaCppQ5_0, TiesClampAndHighBits) {
  // max = -16 -> d = 1 (0x3C00), id = 1, code = trunc(x + 16.5) capped at 31:
  //  -16 -> 0   16 -> 32 -> 31   15 -> 31   0.5 -> 17 (tie up)   -0.5 -> 16   -15.5 -> 1
  //  0 -> 16   3.49 -> 19   -1 -> 15   1 -> 17   -2 -> 14   2 -> 18   7.5 -> 24   -7.5 -> 9
  //  10 -> 26   -10 -> 6
  // x[16..31] = j - 24 = -8..7 -> codes j - 8 = 8..23 (>= 16 from j = 24 on).
  // qs[j] = (code[j] & 15) | ((j + 8) & 15) << 4:
  //  80 9F AF B1 C0 D1 E0 F3 0F 11 2E 32 48 59 6A 76
  // qh: codes >= 16 at j = 1,2,3,4,6,7 (byte 0xDE), 9,11,12,14 (byte 0x5A), 24..31 (0xFF).
  std::vector<float> x = {-16.0f, 16.0f, 15.0f, 0.5f, -0.5f, -15.5f, 0.0f, 3.49f,
                          -1.0f,  1.0f,  -2.0f, 2.0f, 7.5f,  -7.5f,  10.0f, -10.0f};
  for (int j = 16; j < 32; ++j) x.push_back(float(j - 24));
  const std::vector<uint8_t> expected =
      concat({le16(0x3C00),
              {0xDE, 0x5A, 0x00, 0xFF},
              {0x80, 0x9F, 0xAF, 0xB1, 0xC0, 0xD1, 0xE0, 0xF3, 0x0F, 0x11, 0x2E, 0x32, 0x48, 0x59,
               0x6A, 0x76}});
  EXPECT_EQ(bytesOf(quantizeBlockQ5_0(x.data())), expected);
}

TEST(LlamaCppQ5_0, PositiveMaxAndFp16Scale) {
  // max = 0.7 -> d = 0.7f / -16 = -0.04374999925; fp16: 2^-5 * 1.39999998, mantissa 409.6 -> 410
  // = 0x19A: 0x299A, negative 0xA99A. id = -22.857143, code = trunc(x*id + 16.5):
  //  0.7 -> 0.5 -> 0   -0.7 -> 32.5 -> 31   0.1 -> 14.21 -> 14   -0.1 -> 18.79 -> 18
  //  0.35 -> 8.5 -> 8   -0.35 -> 24.5 -> 24   0.5 -> 5.07 -> 5   -0.5 -> 27.93 -> 27   0 -> 16
  // x[9..31] = 0 -> 16: high nibbles 0, high bits set.
  // qh: codes >= 16 at j = 1,3,5,7 (0xAA), 8..15 (0xFF), 16..31 (0xFF 0xFF).
  const auto x = block32({0.7f, -0.7f, 0.1f, -0.1f, 0.35f, -0.35f, 0.5f, -0.5f, 0.0f});
  const std::vector<uint8_t> expected =
      concat({le16(0xA99A),
              {0xAA, 0xFF, 0xFF, 0xFF},
              {0x00, 0x0F, 0x0E, 0x02, 0x08, 0x08, 0x05, 0x0B, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
               0x00, 0x00}});
  EXPECT_EQ(bytesOf(quantizeBlockQ5_0(x.data())), expected);
}

TEST(LlamaCppQ5_0, ZeroBlock) {
  // d = 0.0f / -16 = -0 (fp16 0x8000), id = 0, codes trunc(16.5) = 16: low nibbles 0, every
  // high bit set.
  const auto x = block32({});
  EXPECT_EQ(bytesOf(quantizeBlockQ5_0(x.data())),
            concat({le16(0x8000), {0xFF, 0xFF, 0xFF, 0xFF}, std::vector<uint8_t>(16, 0x00)}));
}

TEST(LlamaCppQ5_0, SubnormalScale) {
  // max = -2^-20 -> d = 2^-24 (0x0001), id = 2^24:
  //  -2^-20 -> -16 + 16.5 -> 0   2^-21 -> 8 + 16.5 -> 24   -2^-25 -> -0.5 + 16.5 = 16 -> 16
  //  0 -> 16.  qs: 00 08 00 ...; qh: every code but j = 0 is >= 16: FE FF FF FF.
  const auto x = block32({-0x1p-20f, 0x1p-21f, -0x1p-25f});
  const std::vector<uint8_t> expected = concat(
      {le16(0x0001), {0xFE, 0xFF, 0xFF, 0xFF}, {0x00, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
  EXPECT_EQ(bytesOf(quantizeBlockQ5_0(x.data())), expected);
}

TEST(LlamaCppQ5_0, AllEqualBlockDecodesExactly) {
  // x = -4: d = -4 / -16 = 0.25 (0x3400), id = 4, -16 + 16.5 -> code 0; decode -16 * 0.25 = -4.
  const auto x = block32({}, -4.0f);
  const BlockQ5_0 block = quantizeBlockQ5_0(x.data());
  EXPECT_EQ(bytesOf(block), concat({le16(0x3400), {0, 0, 0, 0}, std::vector<uint8_t>(16, 0)}));
  float y[32];
  dequantizeBlockQ5_0(block, y);
  for (float v : y) EXPECT_EQ(v, -4.0f);
}

// ---------------------------------------------------------------- q5_1

TEST(LlamaCppQ5_1, TiesAndHighBits) {
  // min = -1, max = 30 -> d = 1 (0x3C00), m = -1 (0xBC00), id = 1, code = trunc(x + 1.5):
  //  -1 -> 0   30 -> 31   0.5 -> 2 (tie up)   14.5 -> 16 (tie up)   15.49 -> 16   -0.5 -> 1
  //  29.5 -> 31   7 -> 8   15 -> 16   16 -> 17   17 -> 18   20 -> 21   25 -> 26   3 -> 4
  //  4 -> 5   10 -> 11
  // x[16..31] = 2(j-16) - 1 = -1, 1, ..., 29 -> codes 0, 2, ..., 30 (>= 16 from j = 24).
  // qs[j] = (code[j] & 15) | (2j & 15) << 4:
  //  00 2F 42 60 80 A1 CF E8 00 21 42 65 8A A4 C5 EB
  // qh: codes >= 16 at j = 1,3,4,6 (0x5A), 8..12 (0x1F), 24..31 (0xFF).
  std::vector<float> x = {-1.0f, 30.0f, 0.5f,  14.5f, 15.49f, -0.5f, 29.5f, 7.0f,
                          15.0f, 16.0f, 17.0f, 20.0f, 25.0f,  3.0f,  4.0f,  10.0f};
  for (int j = 16; j < 32; ++j) x.push_back(float(2 * (j - 16) - 1));
  const std::vector<uint8_t> expected =
      concat({le16(0x3C00), le16(0xBC00),
              {0x5A, 0x1F, 0x00, 0xFF},
              {0x00, 0x2F, 0x42, 0x60, 0x80, 0xA1, 0xCF, 0xE8, 0x00, 0x21, 0x42, 0x65, 0x8A, 0xA4,
               0xC5, 0xEB}});
  EXPECT_EQ(bytesOf(quantizeBlockQ5_1(x.data())), expected);
}

TEST(LlamaCppQ5_1, Fp16RoundedScale) {
  // min = -0.5, max = 0.5 -> d = 1/31 = 0.032258064; fp16: 2^-5 * 1.0322581, mantissa 33.03 -> 33
  // = 0x21: 0x2821. m = -0.5 (0xB800). id ~ 31, code = trunc((x + 0.5)*31 + 0.5):
  //  -0.5 -> 0   0.5 -> 31.5 -> 31   0.1 -> 19.1 -> 19   -0.3 -> 6.7 -> 6   0.25 -> 23.75 -> 23
  //  -0.25 -> 8.25 -> 8   0.45 -> 29.95 -> 29;  x[7..31] = -0.5 -> 0.
  // qs: 00 0F 03 06 07 08 0D 00...; qh: codes >= 16 at j = 1,2,4,6: 0x56.
  const auto x = block32({-0.5f, 0.5f, 0.1f, -0.3f, 0.25f, -0.25f, 0.45f}, -0.5f);
  const std::vector<uint8_t> expected =
      concat({le16(0x2821), le16(0xB800),
              {0x56, 0x00, 0x00, 0x00},
              {0x00, 0x0F, 0x03, 0x06, 0x07, 0x08, 0x0D, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
  EXPECT_EQ(bytesOf(quantizeBlockQ5_1(x.data())), expected);
}

TEST(LlamaCppQ5_1, AllEqualBlockStoresFp16Min) {
  // x = 0.1: d = 0, m = fp16(0.1) = 0x2E66, codes 0; decodes to 0.0999755859375, the fp16 value.
  const auto x = block32({}, 0.1f);
  const BlockQ5_1 block = quantizeBlockQ5_1(x.data());
  EXPECT_EQ(bytesOf(block), concat({le16(0x0000), le16(0x2E66), {0, 0, 0, 0}, std::vector<uint8_t>(16, 0)}));
  float y[32];
  dequantizeBlockQ5_1(block, y);
  for (float v : y) EXPECT_EQ(v, 0.0999755859375f);
}

TEST(LlamaCppQ5_1, ZeroBlock) {
  const auto x = block32({});
  EXPECT_EQ(bytesOf(quantizeBlockQ5_1(x.data())), std::vector<uint8_t>(24, 0));
}

TEST(LlamaCppQ5_1, DecodeUsesTheFifthBit) {
  BlockQ5_1 block{};
  block.d = 0x3C00;  // 1
  block.m = 0x0000;
  for (int j = 0; j < 16; ++j) block.qs[j] = uint8_t((j & 15) | ((15 - j) << 4));
  const uint8_t qh[4] = {0x0F, 0x00, 0xF0, 0x00};  // codes 0..3 and 20..23 get bit 4
  std::memcpy(block.qh, qh, 4);
  float y[32];
  dequantizeBlockQ5_1(block, y);
  for (int j = 0; j < 16; ++j) {
    EXPECT_EQ(y[j], float(j + (j < 4 ? 16 : 0)));
    EXPECT_EQ(y[j + 16], float(15 - j + (j >= 4 && j < 8 ? 16 : 0)));
  }
}

}  // namespace
}  // namespace vq::quant
