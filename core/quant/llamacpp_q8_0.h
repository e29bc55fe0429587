// llama.cpp's q8_0 cache type: blocks of 32 values, one fp16 scale d = max|x|/127 and 32 signed
// 8-bit codes round(x/d) (8.5 bits per value). Bit-identical with ggml's quantize_row_q8_0_ref
// and dequantize_row_q8_0.
#pragma once

#include "core/quant/llamacpp_block_method.h"

namespace vq::quant {

// One block of 32 values, as ggml's reference quantizer writes it.
BlockQ8_0 quantizeBlockQ8_0(const float* x);
// 32 floats, as ggml's dequantize_row_q8_0 computes them.
void dequantizeBlockQ8_0(const BlockQ8_0& block, float* y);

class LlamaCppQ8_0 final : public LlamaCppBlockMethod {
 public:
  LlamaCppQ8_0(MethodConfig config, int n);

 protected:
  void quantizeRow(const float* x, std::byte* out) const override;
  void dequantizeRow(const std::byte* in, float* y) const override;
};

}  // namespace vq::quant
