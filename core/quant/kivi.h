// KIVI (Liu et al., arXiv 2402.02750), in the style of Hugging Face's QuantizedCache: asymmetric
// min/max integer quantization of one head's [tokens x head_dim] matrix (RowScope::HeadMatrix:
// the rows passed to encode() are all tokens of one KV head, in order).
//  - keys (cfg.isKey): per-channel. For each channel, every G consecutive tokens share one scale
//    and zero. The token groups start at token 0; the last group may be partial (T_q mod G tokens)
//    and is stored like the others, its bytes counted exactly.
//  - values: per-token. Each token's head_dim channels are cut into groups of G that share one
//    scale and zero. G must divide head_dim; when head_dim < G the group is the whole vector
//    (G_v = min(G, head_dim)), so a head_dim-16 model works with the default G = 32; a head_dim
//    above G that G does not divide is an InvalidArgument.
//  - residual window: the last R = min(cfg.residualWindow, T) tokens are stored in fp16 (as in
//    KIVI's full-precision recent window), the first T_q = T - R are quantized.
// Per group: zero = fp16(min), scale = fp16((max - min) / (2^b - 1)), both clamped to +-65504 so
// they stay finite; codes q = clamp(round_half_even((x - zero) / scale), 0, 2^b - 1) computed with
// the fp16-ROUNDED zero and scale, so decode (q * scale + zero) is consistent with the choice of q.
// A group whose scale is 0 (max == min, or a range below fp16's resolution) gets codes 0 and
// decodes to zero, i.e. exactly to min when min is an fp16 value.
//
// Layout (all little-endian), for T rows of d = head_dim:
//   codes     ceil(T_q * d * b / 8) bytes: the T_q x d codes in row-major (token-major) order as
//             one LSB-first bit stream (bitpack.h)
//   params    4 bytes per group, fp16 scale then fp16 zero; keys: token group by token group,
//             channel by channel inside (ceil(T_q / G) * d groups); values: token by token, channel
//             group by channel group inside (T_q * d / G_v groups)
//   residual  R * d fp16 values, row-major
#pragma once

#include "core/quant/method.h"

namespace vq::quant {

inline constexpr int kKiviDefaultGroupSize = 32;

class Kivi final : public Method {
 public:
  Kivi(MethodConfig config, int n);  // n = head_dim

  RowScope scope() const override { return RowScope::HeadMatrix; }
  int bits() const { return m_config.bits; }
  bool perChannel() const { return m_config.isKey; }
  // Keys: tokens per group; values: channels per group (min(G, head_dim)).
  int groupSize() const { return m_group; }

  int64_t residualRows(int64_t rows) const;   // min(R, rows)
  int64_t quantizedRows(int64_t rows) const;  // rows - residualRows(rows)
  int64_t groupCount(int64_t rows) const;     // (scale, zero) pairs stored for `rows` tokens

  uint64_t storageBytes(int64_t rows) const override;
  void encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const override;
  void decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const override;

 private:
  int m_group;
};

}  // namespace vq::quant
