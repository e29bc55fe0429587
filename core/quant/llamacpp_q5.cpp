#include "core/quant/llamacpp_q5.h"

#include <cfloat>
#include <cmath>
#include <cstring>

#include "core/common/half.h"

namespace vq::quant {
namespace {

// Splits 32 five-bit codes (as 8-bit values) into nibbles and the qh bit word.
void packFiveBitCodes(const int* codes, uint8_t* qs, uint8_t* qh) {
  uint32_t high = 0;
  for (int j = 0; j < 16; ++j) {
    const uint32_t lo = uint32_t(codes[j]) & 0xFFu, hi = uint32_t(codes[j + 16]) & 0xFFu;
    qs[j] = uint8_t((lo & 0x0Fu) | ((hi & 0x0Fu) << 4));
    high |= ((lo & 0x10u) >> 4) << j;
    high |= ((hi & 0x10u) >> 4) << (j + 16);
  }
  std::memcpy(qh, &high, sizeof(high));  // little-endian host (ggml_blocks.h)
}

// The 32 five-bit codes back from nibbles and qh.
void unpackFiveBitCodes(const uint8_t* qs, const uint8_t* qh, int* codes) {
  uint32_t high;
  std::memcpy(&high, qh, sizeof(high));
  for (int j = 0; j < 16; ++j) {
    codes[j] = int((qs[j] & 0x0Fu) | (((high >> j) << 4) & 0x10u));
    codes[j + 16] = int((qs[j] >> 4) | ((high >> (j + 12)) & 0x10u));
  }
}

}  // namespace

BlockQ5_0 quantizeBlockQ5_0(const float* x) {
  const float d = signedAbsMax(x) / -16.0f;
  const float id = d != 0.0f ? 1.0f / d : 0.0f;
  int codes[kGgmlBlockValues];
  for (int j = 0; j < kGgmlBlockValues; ++j)
    codes[j] = clampCodeAbove(31, castToInt8LikeC(x[j] * id + 16.5f));
  BlockQ5_0 block{};
  block.d = floatToFp16(d);
  packFiveBitCodes(codes, block.qs, block.qh);
  return block;
}

void dequantizeBlockQ5_0(const BlockQ5_0& block, float* y) {
  const float d = fp16ToFloat(block.d);
  int codes[kGgmlBlockValues];
  unpackFiveBitCodes(block.qs, block.qh, codes);
  for (int j = 0; j < kGgmlBlockValues; ++j) y[j] = float(codes[j] - 16) * d;
}

BlockQ5_1 quantizeBlockQ5_1(const float* x) {
  float min = FLT_MAX, max = -FLT_MAX;
  for (int j = 0; j < kGgmlBlockValues; ++j) {
    if (x[j] < min) min = x[j];
    if (x[j] > max) max = x[j];
  }
  const float d = (max - min) / 31.0f;
  const float id = d != 0.0f ? 1.0f / d : 0.0f;
  int codes[kGgmlBlockValues];
  for (int j = 0; j < kGgmlBlockValues; ++j) codes[j] = castToUint8LikeC((x[j] - min) * id + 0.5f);
  BlockQ5_1 block{};
  block.d = floatToFp16(d);
  block.m = floatToFp16(min);
  packFiveBitCodes(codes, block.qs, block.qh);
  return block;
}

void dequantizeBlockQ5_1(const BlockQ5_1& block, float* y) {
  const float d = fp16ToFloat(block.d);
  const float m = fp16ToFloat(block.m);
  int codes[kGgmlBlockValues];
  unpackFiveBitCodes(block.qs, block.qh, codes);
  for (int j = 0; j < kGgmlBlockValues; ++j) y[j] = float(codes[j]) * d + m;
}

LlamaCppQ5_0::LlamaCppQ5_0(MethodConfig config, int n)
    : LlamaCppBlockMethod(std::move(config), n, sizeof(BlockQ5_0)) {}
void LlamaCppQ5_0::quantizeRow(const float* x, std::byte* out) const {
  quantizeBlocks<BlockQ5_0>(x, blocksPerRow(), out, quantizeBlockQ5_0);
}
void LlamaCppQ5_0::dequantizeRow(const std::byte* in, float* y) const {
  dequantizeBlocks<BlockQ5_0>(in, blocksPerRow(), y, dequantizeBlockQ5_0);
}

LlamaCppQ5_1::LlamaCppQ5_1(MethodConfig config, int n)
    : LlamaCppBlockMethod(std::move(config), n, sizeof(BlockQ5_1)) {}
void LlamaCppQ5_1::quantizeRow(const float* x, std::byte* out) const {
  quantizeBlocks<BlockQ5_1>(x, blocksPerRow(), out, quantizeBlockQ5_1);
}
void LlamaCppQ5_1::dequantizeRow(const std::byte* in, float* y) const {
  dequantizeBlocks<BlockQ5_1>(in, blocksPerRow(), y, dequantizeBlockQ5_1);
}

}  // namespace vq::quant
