// MLX's quantized KV-cache format (mlx-lm's QuantizedKVCache, i.e. mx.quantize in "affine" mode):
// each head vector (RowScope::Vector, n = head_dim) is cut into groups of G values (default 64);
// each group stores b-bit codes (b in {2, 3, 4, 6, 8}) and an fp16 scale and bias; a value
// decodes to scale * q + bias. At G = 64 that is b + 32/64 = b + 0.5 bits per value.
//
// The algorithm is MLX's own, as its GPU kernels (Metal and CUDA affine_quantize, i.e. what
// mlx-lm's cache runs on Apple silicon) compute it, not the textbook min/max one:
//   wmax    = max(0, values)  (the GPU kernels start the running max at 0), wmin = min(values)
//   anchor  = wmin if |wmin| > |wmax|, else wmax;
//   s       = max((wmax - wmin) / (2^b - 1), 1e-7), negated when the anchor is wmax;
//   q0      = round(anchor / s); if q0 != 0: s = anchor / q0, bias = anchor, else bias = 0;
//   code    = min(round((x - bias) / s), 2^b - 1)   (round: halves away from zero)
// so the anchor is reproduced exactly (code 0) and 0 lies on the grid (at code -q0). The codes
// are chosen with the fp32 scale and bias; MLX rounds those to fp16 only when storing, and so do
// we. A negative scale is stored as such (the codes then count down from the max). Codes below 0
// (only possible when q0 = 0, i.e. a group within ~1e-7 of zero) are clamped to 0.
// MLX's CPU backend differs in two details: it takes the true max (an all-negative group is not
// stretched to 0) and rounds halves to even (rint). The Metal compiler's fast division may also
// move a value lying within an ulp of a rounding boundary to the neighbouring code.
//
// Group size for small heads: MLX requires the row length to be a multiple of the group size
// (and G in {32, 64, 128}), which a head_dim-16 model cannot meet at the default 64. We use
// G_eff = min(G, head_dim): a head smaller than the group is one group, which is what a user of
// such a model expects, and the storage is reported honestly (b + 32/head_dim bpv, e.g. b + 2 at
// head_dim 16). A head_dim above G that G does not divide is an InvalidArgument.
//
// Layout per row, little-endian: the groups' codes (each group LSB-first packed in
// ceil(G_eff * b / 8) bytes, which is byte-for-byte MLX's uint32 packing for b = 2, 4, 8 and its
// 3-byte packing for b = 3, 6), then the groups' fp16 scales, then their fp16 biases.
#pragma once

#include "core/quant/method.h"

namespace vq::quant {

inline constexpr int kMlxDefaultGroupSize = 64;

// b in {2, 3, 4, 6, 8}.
bool isMlxAffineBits(int bits);

class MlxAffine final : public Method {
 public:
  MlxAffine(MethodConfig config, int n);  // n = head_dim

  RowScope scope() const override { return RowScope::Vector; }
  int bits() const { return m_config.bits; }
  int groupSize() const { return m_group; }  // effective: min(G, head_dim)
  int groupsPerRow() const { return m_n / m_group; }
  size_t rowBytes() const;

  uint64_t storageBytes(int64_t rows) const override;
  void encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const override;
  void decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const override;

 private:
  int m_group;
};

}  // namespace vq::quant
