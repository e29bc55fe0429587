// q4_0 and q4_1 against ggml's reference algorithms, on blocks whose bytes are derived by hand.
//
// q4_0 (quantize_row_q4_0_ref), per block of 32:
//   max = the value of largest |x| with its sign (the first one on ties; 0 for a zero block)
//   d = max / -8;  id = d ? 1/d : 0;  stored fp16(d)
//   code[j] = MIN(15, (int8_t)(x[j]*id + 8.5f))   -- the sum is rounded to fp32, then truncated
//   qs[j] = code[j] | code[j+16] << 4   (j = 0..15);  decode (code - 8) * d
// q4_1 (quantize_row_q4_1_ref):
//   d = (max - min) / 15;  id = d ? 1/d : 0;  stored fp16(d), fp16(min)
//   code[j] = MIN(15, (int8_t)((x[j] - min)*id + 0.5f));  decode code * d + min
// Layouts: q4_0 = d(2) qs(16); q4_1 = d(2) m(2) qs(16), little-endian.
#include <gtest/gtest.h>

#include <vector>

#include "core/quant/llamacpp_q4.h"
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

// ---------------------------------------------------------------- q4_0

TEST(LlamaCppQ4_0, TiesTruncationAndClamp) {
  // max = -8 (x[0]; the later 8 and -8 have equal, not larger, magnitude) -> d = 1 (0x3C00),
  // id = 1, code = trunc(x + 8.5) capped at 15:
  //  -8 -> 0.5 -> 0    8 -> 16.5 -> 16 -> 15 (clamped)    7 -> 15
  //  0.5 -> 9 (a tie x*id = k + 0.5 goes up: decodes to 1)   -0.5 -> 8 (decodes to 0)
  //  -1.5 -> 7 (decodes to -1)   1.5 -> 10
  //  0.49999997 -> 8.99999997, which fp32 rounds to 9.0 -> 9 (the sum is rounded before trunc)
  //  0 -> 8   -7.9 -> 0.6 -> 0   6.6 -> 15.1 -> 15   3.25 -> 11.75 -> 11
  //  -2, -3, -4, -5 -> 6, 5, 4, 3
  // x[16..31] = j - 24 = -8..7 -> codes 0..15, so qs[j] = code[j] | j << 4.
  std::vector<float> x = {-8.0f, 8.0f, 7.0f, 0.5f, -0.5f, -1.5f, 1.5f, 0.49999997f,
                          0.0f,  -7.9f, 6.6f, 3.25f, -2.0f, -3.0f, -4.0f, -5.0f};
  for (int j = 16; j < 32; ++j) x.push_back(float(j - 24));
  const std::vector<uint8_t> expected = concat(
      {le16(0x3C00), {0x00, 0x1F, 0x2F, 0x39, 0x48, 0x57, 0x6A, 0x79, 0x88, 0x90, 0xAF, 0xBB, 0xC6,
                      0xD5, 0xE4, 0xF3}});
  EXPECT_EQ(bytesOf(quantizeBlockQ4_0(x.data())), expected);
}

TEST(LlamaCppQ4_0, PositiveMaxAndFp16Scale) {
  // max = 0.3 (the first of +-0.3) -> d = 0.3f / -8 = -0.0375000015; fp16: 2^-5 * 1.2000000477,
  // mantissa 0.2000000477 * 1024 = 204.80 -> 205 = 0xCD: 0x2800 | 0xCD, negative: 0xA8CD.
  // id = 1/d = -26.666666. code = trunc(x*id + 8.5):
  //  0.3 -> -8 + 8.5 = 0.5 -> 0       -0.3 -> 16.5 -> 16 -> 15
  //  0.1 -> 5.83 -> 5   -0.1 -> 11.17 -> 11   0.2 -> 3.17 -> 3   0 -> 8
  //  0.15 -> -4 + 8.5 = 4.5 -> 4 (either side of 4.5 truncates to 4)
  //  0.05 -> 7.17 -> 7   -0.05 -> 9.83 -> 9   0.25 -> 1.83 -> 1   -0.25 -> 15.17 -> 15
  // x[11..31] = 0 -> 8, so every high nibble is 8.
  const auto x = block32({0.3f, -0.3f, 0.1f, -0.1f, 0.2f, 0.0f, 0.15f, 0.05f, -0.05f, 0.25f, -0.25f});
  const std::vector<uint8_t> expected = concat(
      {le16(0xA8CD), {0x80, 0x8F, 0x85, 0x8B, 0x83, 0x88, 0x84, 0x87, 0x89, 0x81, 0x8F, 0x88, 0x88,
                      0x88, 0x88, 0x88}});
  EXPECT_EQ(bytesOf(quantizeBlockQ4_0(x.data())), expected);
}

TEST(LlamaCppQ4_0, ZeroBlockStoresNegativeZeroScale) {
  // max stays 0 -> d = 0.0f / -8 = -0.0f, stored as fp16 -0 = 0x8000; id = 0 (-0 is false), so
  // every code is trunc(0 + 8.5) = 8: qs bytes 0x88.
  const auto x = block32({});
  EXPECT_EQ(bytesOf(quantizeBlockQ4_0(x.data())),
            concat({le16(0x8000), std::vector<uint8_t>(16, 0x88)}));
  float y[32];
  dequantizeBlockQ4_0(quantizeBlockQ4_0(x.data()), y);
  for (float v : y) EXPECT_EQ(v, 0.0f);
}

TEST(LlamaCppQ4_0, AllEqualBlockDecodesExactly) {
  // x = 2 everywhere: d = -0.25 (0xB400), id = -4, 2 * -4 + 8.5 = 0.5 -> code 0; decode
  // (0 - 8) * -0.25 = 2 exactly.
  const auto x = block32({}, 2.0f);
  const BlockQ4_0 block = quantizeBlockQ4_0(x.data());
  EXPECT_EQ(bytesOf(block), concat({le16(0xB400), std::vector<uint8_t>(16, 0x00)}));
  float y[32];
  dequantizeBlockQ4_0(block, y);
  for (float v : y) EXPECT_EQ(v, 2.0f);
}

TEST(LlamaCppQ4_0, SubnormalScaleAndInputs) {
  // max = -2^-21 -> d = 2^-24, the smallest fp16 subnormal (0x0001); id = 2^24:
  //  -2^-21 -> -8 + 8.5 -> 0    2^-22 -> 4 + 8.5 -> 12
  //  -2^-25 -> -0.5 + 8.5 = 8 -> 8    2^-25 -> 9    2^-130 (fp32 subnormal) -> ~0 + 8.5 -> 8
  const auto x = block32({-0x1p-21f, 0x1p-22f, -0x1p-25f, 0x1p-25f, 0x1p-130f});
  const std::vector<uint8_t> expected = concat(
      {le16(0x0001), {0x80, 0x8C, 0x88, 0x89, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88,
                      0x88, 0x88, 0x88}});
  EXPECT_EQ(bytesOf(quantizeBlockQ4_0(x.data())), expected);
}

TEST(LlamaCppQ4_0, BlockBelowFp32ReciprocalRange) {
  // max = 1e-40 (an fp32 subnormal): d = -1.25e-41 is not 0 but 1/d = -inf, so x*id + 8.5 is
  // -inf or NaN, whose C cast is undefined; x86-64 ggml stores code 0 there (see
  // truncateToInt32LikeX86). fp16(d) = -0 (0x8000); the block decodes to zeros.
  const auto x = block32({1e-40f, -3e-41f});
  EXPECT_EQ(bytesOf(quantizeBlockQ4_0(x.data())), concat({le16(0x8000), std::vector<uint8_t>(16, 0x00)}));
}

// ---------------------------------------------------------------- q4_1

TEST(LlamaCppQ4_1, TiesTruncationAndClamp) {
  // min = -1, max = 14 -> d = 1 (0x3C00), m = -1 (0xBC00), id = 1, code = trunc(x + 1 + 0.5):
  //  -1 -> 0   14 -> 15   0.5 -> 2 (tie: (x - min) = 1.5 goes up; decodes to 1)
  //  2.5 -> 4 (decodes to 3)   6.4 -> 7.9 -> 7   6.6 -> 8.1 -> 8   0 -> 1
  //  13.49 -> 14.99 -> 14   13.5 -> 15   3 -> 4   -0.5 -> 1.0 -> 1   -0.51 -> 0.99 -> 0
  //  10, 11, 12, 13 -> 11, 12, 13, 14
  // x[16..31] = j - 17 = -1..14 -> codes 0..15, so qs[j] = code[j] | j << 4.
  std::vector<float> x = {-1.0f, 14.0f, 0.5f, 2.5f, 6.4f, 6.6f, 0.0f, 13.49f,
                          13.5f, 3.0f, -0.5f, -0.51f, 10.0f, 11.0f, 12.0f, 13.0f};
  for (int j = 16; j < 32; ++j) x.push_back(float(j - 17));
  const std::vector<uint8_t> expected =
      concat({le16(0x3C00), le16(0xBC00),
              {0x00, 0x1F, 0x22, 0x34, 0x47, 0x58, 0x61, 0x7E, 0x8F, 0x94, 0xA1, 0xB0, 0xCB, 0xDC,
               0xED, 0xFE}});
  EXPECT_EQ(bytesOf(quantizeBlockQ4_1(x.data())), expected);
}

TEST(LlamaCppQ4_1, Fp16RoundedScaleAndMin) {
  // min = 0.1f, max = 1: max - min = 0.89999998 (fp32), d = 0.05999999841; fp16: 2^-5 * 1.92,
  // mantissa 0.91999995 * 1024 = 942.08 -> 942 = 0x3AE: 0x2BAE. m = fp16(0.1) = 0x2E66
  // (2^-4 * 1.6, mantissa 614.4 -> 614 = 0x266). id = 16.666667; code = trunc((x - 0.1)*id + 0.5):
  //  0.1 -> 0   1 -> 15.5 -> 15   0.5 -> 7.17 -> 7   0.7 -> 10.5 -> 10 (either side of 10.5)
  //  0.3 -> 3.83 -> 3   0.9 -> 13.83 -> 13   0.62 -> 9.17 -> 9   0.2 -> 2.17 -> 2
  //  0.4 -> 5.5 -> 5   0.8 -> 12.17 -> 12;  x[10..31] = 0.1 -> 0 (high nibbles 0).
  const auto x = block32({0.1f, 1.0f, 0.5f, 0.7f, 0.3f, 0.9f, 0.62f, 0.2f, 0.4f, 0.8f}, 0.1f);
  const std::vector<uint8_t> expected =
      concat({le16(0x2BAE), le16(0x2E66),
              {0x00, 0x0F, 0x07, 0x0A, 0x03, 0x0D, 0x09, 0x02, 0x05, 0x0C, 0x00, 0x00, 0x00, 0x00,
               0x00, 0x00}});
  EXPECT_EQ(bytesOf(quantizeBlockQ4_1(x.data())), expected);
}

TEST(LlamaCppQ4_1, ZeroBlock) {
  // min = max = 0 -> d = 0 (0x0000), m = 0, id = 0, codes trunc(0.5) = 0: all 20 bytes zero.
  const auto x = block32({});
  EXPECT_EQ(bytesOf(quantizeBlockQ4_1(x.data())), std::vector<uint8_t>(20, 0));
}

TEST(LlamaCppQ4_1, AllEqualBlockDecodesToMin) {
  // x = -3: d = 0, m = fp16(-3) = 0xC200, codes 0; decode 0 * 0 + (-3) = -3 exactly.
  const auto x = block32({}, -3.0f);
  const BlockQ4_1 block = quantizeBlockQ4_1(x.data());
  EXPECT_EQ(bytesOf(block), concat({le16(0x0000), le16(0xC200), std::vector<uint8_t>(16, 0)}));
  float y[32];
  dequantizeBlockQ4_1(block, y);
  for (float v : y) EXPECT_EQ(v, -3.0f);
}

TEST(LlamaCppQ4_1, SubnormalScaleAndInputs) {
  // min = 0, max = 15 * 2^-24 -> d = 2^-24 (fp16 0x0001), m = 0, id = 2^24:
  //  15*2^-24 -> 15.5 -> 15   7.5*2^-24 -> 8 (tie up)   2^-140 -> 0.5 -> 0   3*2^-24 -> 3.5 -> 3
  const auto x = block32({0.0f, 15.0f * 0x1p-24f, 7.5f * 0x1p-24f, 0x1p-140f, 3.0f * 0x1p-24f});
  const std::vector<uint8_t> expected = concat(
      {le16(0x0001), le16(0x0000), {0x00, 0x0F, 0x08, 0x00, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
  EXPECT_EQ(bytesOf(quantizeBlockQ4_1(x.data())), expected);
}

TEST(LlamaCppQ4_1, DecodeIsCodeTimesScalePlusMin) {
  BlockQ4_1 block{};
  block.d = 0x3800;  // 0.5
  block.m = 0xC000;  // -2
  for (int j = 0; j < 16; ++j) block.qs[j] = uint8_t(j | ((15 - j) << 4));
  float y[32];
  dequantizeBlockQ4_1(block, y);
  for (int j = 0; j < 16; ++j) {
    EXPECT_EQ(y[j], float(j) * 0.5f - 2.0f);
    EXPECT_EQ(y[j + 16], float(15 - j) * 0.5f - 2.0f);
  }
}

}  // namespace
}  // namespace vq::quant
