// llama.cpp's 4-bit cache types, bit-identical with ggml's reference quantizers
// (quantize_row_q4_0_ref / quantize_row_q4_1_ref) and dequantizers:
//  q4_0 (4.5 bpv): symmetric, d = (value of largest magnitude, with its sign) / -8, codes
//        trunc(x/d + 8.5) clamped to 15, decoded (q - 8) * d. The extreme value maps to code 0
//        exactly; the other end of the range gets at most +7 * |d|.
//  q4_1 (5.0 bpv): affine, d = (max - min) / 15, m = min, codes trunc((x - min)/d + 0.5) clamped
//        to 15, decoded q * d + m.
// Codes are nibbles: value j in the low nibble of byte j, value j+16 in its high nibble.
#pragma once

#include "core/quant/llamacpp_block_method.h"

namespace vq::quant {

BlockQ4_0 quantizeBlockQ4_0(const float* x);
void dequantizeBlockQ4_0(const BlockQ4_0& block, float* y);
BlockQ4_1 quantizeBlockQ4_1(const float* x);
void dequantizeBlockQ4_1(const BlockQ4_1& block, float* y);

class LlamaCppQ4_0 final : public LlamaCppBlockMethod {
 public:
  LlamaCppQ4_0(MethodConfig config, int n);

 protected:
  void quantizeRow(const float* x, std::byte* out) const override;
  void dequantizeRow(const std::byte* in, float* y) const override;
};

class LlamaCppQ4_1 final : public LlamaCppBlockMethod {
 public:
  LlamaCppQ4_1(MethodConfig config, int n);

 protected:
  void quantizeRow(const float* x, std::byte* out) const override;
  void dequantizeRow(const std::byte* in, float* y) const override;
};

}  // namespace vq::quant
