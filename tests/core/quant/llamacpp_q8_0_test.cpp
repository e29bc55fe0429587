// q8_0 against ggml's reference algorithm (quantize_row_q8_0_ref), on blocks whose expected bytes
// are derived by hand below. The algorithm, per block of 32:
//   amax = max |x|;  d = amax / 127;  id = d ? 1/d : 0;  stored d = fp16(d) (round to nearest even)
//   qs[j] = roundf(x[j] * id)   (roundf: halves away from zero)
// Layout: d (2 bytes, little-endian), then the 32 int8 codes in order.
#include <gtest/gtest.h>

#include <vector>

#include "core/common/half.h"
#include "core/quant/llamacpp_q8_0.h"
#include "tests/core/quant/format_test_util.h"

namespace vq::quant {
namespace {

using testutil::block32;
using testutil::bytesOf;

std::vector<uint8_t> expectedBlock(uint16_t d, std::vector<int> codes) {
  std::vector<uint8_t> out{uint8_t(d & 0xFF), uint8_t(d >> 8)};
  codes.resize(32, 0);
  for (int c : codes) out.push_back(uint8_t(int8_t(c)));
  return out;
}

TEST(LlamaCppQ8_0, TiesRoundAwayFromZero) {
  // amax = 127 -> d = 1 exactly (fp16 0x3C00), id = 1: codes are roundf(x).
  // 2.5 -> 3, -2.5 -> -3, 0.5 -> 1, -0.5 -> -1, 1.5 -> 2 (ties away from zero);
  // 0.49999997 (the float just below 0.5) -> 0. Then x = j - 20 for j = 8..31: -12..11.
  std::vector<float> x = {127.0f, -127.0f, 2.5f, -2.5f, 0.5f, -0.5f, 1.5f, 0.49999997f};
  std::vector<int> codes = {127, -127, 3, -3, 1, -1, 2, 0};
  for (int j = 8; j < 32; ++j) {
    x.push_back(float(j - 20));
    codes.push_back(j - 20);
  }
  EXPECT_EQ(bytesOf(quantizeBlockQ8_0(x.data())), expectedBlock(0x3C00, codes));
}

TEST(LlamaCppQ8_0, ScaleRoundedToFp16) {
  // amax = 1 -> d = 1/127 = 0.0078740157; fp16: 2^-7 * (1 + m/1024) with
  // m = (128/127 - 1) * 1024 = 8.06 -> 8: 0x2000 | 8 = 0x2008 (= 0.00787353515625).
  // The codes use the fp32 id = 1/d ~ 127: 1 -> 127, -1 -> -127, 0.25 -> 31.75 -> 32,
  // -0.75 -> -95.25 -> -95, 0.1 -> 12.7 -> 13, 0.001 -> 0.127 -> 0.
  const auto x = block32({1.0f, -1.0f, 0.25f, -0.75f, 0.1f, 0.001f});
  EXPECT_EQ(bytesOf(quantizeBlockQ8_0(x.data())), expectedBlock(0x2008, {127, -127, 32, -95, 13, 0}));
  float y[32];
  dequantizeBlockQ8_0(quantizeBlockQ8_0(x.data()), y);
  EXPECT_EQ(y[0], 127.0f * 0.00787353515625f);  // decoded with the stored (fp16) scale
}

TEST(LlamaCppQ8_0, ZeroBlock) {
  // amax = 0 -> d = 0, id = 0: every code roundf(0) = 0, d = fp16(0) = 0x0000.
  const auto x = block32({});
  EXPECT_EQ(bytesOf(quantizeBlockQ8_0(x.data())), std::vector<uint8_t>(34, 0));
}

TEST(LlamaCppQ8_0, AllEqualBlock) {
  // x = -3 everywhere: d = 3/127 = 0.023622; fp16: 2^-6 * (1 + m/1024), m = (192/127 - 1) * 1024
  // = 524.09 -> 524 = 0x20C: 0x2400 | 0x20C = 0x260C. id ~ 42.33, -3 * id ~ -127 -> -127 (0x81).
  const auto x = block32({}, -3.0f);
  EXPECT_EQ(bytesOf(quantizeBlockQ8_0(x.data())), expectedBlock(0x260C, std::vector<int>(32, -127)));
}

TEST(LlamaCppQ8_0, SubnormalScaleAndInputs) {
  // amax = 127 * 2^-20 -> d = 2^-20 exactly, an fp16 subnormal: 2^-20 / 2^-24 = 16 -> 0x0010.
  // id = 2^20: 2^-21 -> 0.5 -> 1 (tie away), -3 * 2^-21 -> -1.5 -> -2, 2^-140 (an fp32
  // subnormal) -> 2^-120 -> 0, -2^-149 (the smallest fp32 subnormal) -> -0 -> 0.
  const auto x = block32({127.0f * 0x1p-20f, 0x1p-21f, -3.0f * 0x1p-21f, 0x1p-140f, -0x1p-149f});
  EXPECT_EQ(bytesOf(quantizeBlockQ8_0(x.data())), expectedBlock(0x0010, {127, 1, -2, 0, 0}));
}

TEST(LlamaCppQ8_0, DecodeIsCodeTimesScale) {
  BlockQ8_0 block{};
  block.d = floatToFp16(0.5f);
  for (int j = 0; j < 32; ++j) block.qs[j] = int8_t(j - 16);
  float y[32];
  dequantizeBlockQ8_0(block, y);
  for (int j = 0; j < 32; ++j) EXPECT_EQ(y[j], float(j - 16) * 0.5f);
}

}  // namespace
}  // namespace vq::quant
