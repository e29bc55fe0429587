// llama.cpp's 5-bit cache types, bit-identical with ggml's reference quantizers
// (quantize_row_q5_0_ref / quantize_row_q5_1_ref) and dequantizers:
//  q5_0 (5.5 bpv): symmetric, d = (value of largest magnitude, with its sign) / -16, codes
//        trunc(x/d + 16.5) clamped to 31, decoded (q - 16) * d.
//  q5_1 (6.0 bpv): affine, d = (max - min) / 31, m = min, codes trunc((x - min)/d + 0.5)
//        (no clamp in ggml: it cannot exceed 31), decoded q * d + m.
// The low four bits of the codes are nibbles as in q4_0; bit 4 of code j is bit j of the
// little-endian 32-bit word qh.
#pragma once

#include "core/quant/llamacpp_block_method.h"

namespace vq::quant {

BlockQ5_0 quantizeBlockQ5_0(const float* x);
void dequantizeBlockQ5_0(const BlockQ5_0& block, float* y);
BlockQ5_1 quantizeBlockQ5_1(const float* x);
void dequantizeBlockQ5_1(const BlockQ5_1& block, float* y);

class LlamaCppQ5_0 final : public LlamaCppBlockMethod {
 public:
  LlamaCppQ5_0(MethodConfig config, int n);

 protected:
  void quantizeRow(const float* x, std::byte* out) const override;
  void dequantizeRow(const std::byte* in, float* y) const override;
};

class LlamaCppQ5_1 final : public LlamaCppBlockMethod {
 public:
  LlamaCppQ5_1(MethodConfig config, int n);

 protected:
  void quantizeRow(const float* x, std::byte* out) const override;
  void dequantizeRow(const std::byte* in, float* y) const override;
};

}  // namespace vq::quant
