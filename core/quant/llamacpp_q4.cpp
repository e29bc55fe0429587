#include "core/quant/llamacpp_q4.h"

#include <cfloat>
#include <cmath>

#include "core/common/half.h"

namespace vq::quant {

BlockQ4_0 quantizeBlockQ4_0(const float* x) {
  const float d = signedAbsMax(x) / -8.0f;
  const float id = d != 0.0f ? 1.0f / d : 0.0f;
  BlockQ4_0 block{};
  block.d = floatToFp16(d);
  for (int j = 0; j < 16; ++j) {
    // x*id + 8.5 is rounded to float before the truncation, as in ggml.
    const int lo = clampCodeAbove(15, castToInt8LikeC(x[j] * id + 8.5f));
    const int hi = clampCodeAbove(15, castToInt8LikeC(x[j + 16] * id + 8.5f));
    block.qs[j] = uint8_t((lo & 0xFF) | ((hi & 0xFF) << 4));
  }
  return block;
}

void dequantizeBlockQ4_0(const BlockQ4_0& block, float* y) {
  const float d = fp16ToFloat(block.d);
  for (int j = 0; j < 16; ++j) {
    y[j] = float((block.qs[j] & 0x0F) - 8) * d;
    y[j + 16] = float((block.qs[j] >> 4) - 8) * d;
  }
}

BlockQ4_1 quantizeBlockQ4_1(const float* x) {
  float min = FLT_MAX, max = -FLT_MAX;
  for (int j = 0; j < kGgmlBlockValues; ++j) {
    if (x[j] < min) min = x[j];
    if (x[j] > max) max = x[j];
  }
  const float d = (max - min) / 15.0f;
  const float id = d != 0.0f ? 1.0f / d : 0.0f;
  BlockQ4_1 block{};
  block.d = floatToFp16(d);
  block.m = floatToFp16(min);
  for (int j = 0; j < 16; ++j) {
    const int lo = clampCodeAbove(15, castToInt8LikeC((x[j] - min) * id + 0.5f));
    const int hi = clampCodeAbove(15, castToInt8LikeC((x[j + 16] - min) * id + 0.5f));
    block.qs[j] = uint8_t((lo & 0xFF) | ((hi & 0xFF) << 4));
  }
  return block;
}

void dequantizeBlockQ4_1(const BlockQ4_1& block, float* y) {
  const float d = fp16ToFloat(block.d);
  const float m = fp16ToFloat(block.m);
  for (int j = 0; j < 16; ++j) {
    y[j] = float(block.qs[j] & 0x0F) * d + m;
    y[j + 16] = float(block.qs[j] >> 4) * d + m;
  }
}

LlamaCppQ4_0::LlamaCppQ4_0(MethodConfig config, int n)
    : LlamaCppBlockMethod(std::move(config), n, sizeof(BlockQ4_0)) {}
void LlamaCppQ4_0::quantizeRow(const float* x, std::byte* out) const {
  quantizeBlocks<BlockQ4_0>(x, blocksPerRow(), out, quantizeBlockQ4_0);
}
void LlamaCppQ4_0::dequantizeRow(const std::byte* in, float* y) const {
  dequantizeBlocks<BlockQ4_0>(in, blocksPerRow(), y, dequantizeBlockQ4_0);
}

LlamaCppQ4_1::LlamaCppQ4_1(MethodConfig config, int n)
    : LlamaCppBlockMethod(std::move(config), n, sizeof(BlockQ4_1)) {}
void LlamaCppQ4_1::quantizeRow(const float* x, std::byte* out) const {
  quantizeBlocks<BlockQ4_1>(x, blocksPerRow(), out, quantizeBlockQ4_1);
}
void LlamaCppQ4_1::dequantizeRow(const std::byte* in, float* y) const {
  dequantizeBlocks<BlockQ4_1>(in, blocksPerRow(), y, dequantizeBlockQ4_1);
}

}  // namespace vq::quant
