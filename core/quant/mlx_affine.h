// MLX's quantized KV-cache format (mlx-lm's QuantizedKVCache, i.e. mx.quantize in "affine" mode):
// each head vector (RowScope::Vector, n = head_dim) is cut into groups of G values (default 64);
// each group stores b-bit codes (b in {2, 3, 4, 6, 8}) and an fp16 scale and bias; a value
// decodes to scale * q + bias. At G = 64 that is b + 32/64 = b + 0.5 bits per value.
//
// The algorithm is MLX's own (its CPU backend's affine quantize), not the textbook min/max one:
//   anchor  = whichever of min / max has the larger magnitude (max on ties);
//   s       = max((max - min) / (2^b - 1), 1e-7), negated when the anchor is max;
//   q0      = rint(anchor / s); if q0 != 0: s = anchor / q0, bias = anchor, else bias = 0;
//   code    = clamp(rint((x - bias) / s), 0, 2^b - 1)   (rint: ties to even)
// so the anchor is reproduced exactly (code 0) and 0 lies on the grid (at code -q0). The codes
// are chosen with the fp32 scale and bias; MLX rounds those to fp16 only when storing, and so do
// we. A negative scale is stored as such (the codes then count down from the max).
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
