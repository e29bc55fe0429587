#include "core/quant/llamacpp_q8_0.h"

#include <cmath>

#include "core/common/half.h"

namespace vq::quant {

BlockQ8_0 quantizeBlockQ8_0(const float* x) {
  float amax = 0.0f;  // largest magnitude
  for (int j = 0; j < kGgmlBlockValues; ++j) {
    const float a = std::fabs(x[j]);
    amax = amax > a ? amax : a;
  }
  const float d = amax / 127.0f;
  const float id = d != 0.0f ? 1.0f / d : 0.0f;

  BlockQ8_0 block{};
  block.d = floatToFp16(d);
  // roundf: halves away from zero (x*id = 2.5 -> 3, -2.5 -> -3).
  for (int j = 0; j < kGgmlBlockValues; ++j)
    block.qs[j] = int8_t(castToInt8LikeC(std::round(x[j] * id)));
  return block;
}

void dequantizeBlockQ8_0(const BlockQ8_0& block, float* y) {
  const float d = fp16ToFloat(block.d);
  for (int j = 0; j < kGgmlBlockValues; ++j) y[j] = float(block.qs[j]) * d;
}

LlamaCppQ8_0::LlamaCppQ8_0(MethodConfig config, int n)
    : LlamaCppBlockMethod(std::move(config), n, sizeof(BlockQ8_0)) {}

void LlamaCppQ8_0::quantizeRow(const float* x, std::byte* out) const {
  quantizeBlocks<BlockQ8_0>(x, blocksPerRow(), out, quantizeBlockQ8_0);
}

void LlamaCppQ8_0::dequantizeRow(const std::byte* in, float* y) const {
  dequantizeBlocks<BlockQ8_0>(in, blocksPerRow(), y, dequantizeBlockQ8_0);
}

}  // namespace vq::quant
