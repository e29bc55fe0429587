// turbo2 / turbo3 / turbo4: the TurboQuant KV-cache block types of llama.cpp forks
// (RowScope::LayerRow). A row is one token's KV heads of a layer concatenated (n = Hkv·d values),
// cut into blocks of 128 (n must be divisible by 128). Per block: y = Π x_block with the 128-point
// randomized Walsh-Hadamard rotation (one seeded sign pattern shared by all blocks, as in the
// forks), u = y/‖x_block‖, b-bit Lloyd-Max indices of u from the N(0, 1/128) codebook, and fp16
// corrected norms g = ‖y_g‖/‖ĉ_g‖ (ĉ = the codebook values of the group's indices) so that the
// decoded block keeps its energy.
//   turbo2: 2-bit indices, one norm per block:      2 + 32 bytes = 34 per 128 values = 2.125 bpv
//   turbo3: 3-bit indices, one norm per block:      2 + 48 bytes = 50 per 128 values = 3.125 bpv
//   turbo4: 4-bit indices, one norm per 64-value half of the rotated block:
//                                                   4 + 64 bytes = 68 per 128 values = 4.25 bpv
// Why turbo4 has two norms: 4.25 bpv is the size of the forks' original 68-byte turbo4 block
// (norm, residual norm, 3-bit indices, 16 bytes of 1-bit QJL signs). As a reconstruction that
// QJL refinement adds about π/2·‖r‖² of error instead of removing it, and the forks' later turbo4
// dropped it for 4-bit indices (66 bytes, 4.125 bpv). We keep the documented 68-byte size and
// 4-bit Lloyd-Max indices and spend the two spare bytes on a second corrected norm, one per half
// of the rotated block, which can only lower the error.
// Layout per block: [fp16 norms (1 or 2)][ceil(128·b/8) bytes of indices]; blocks in row order.
#pragma once

#include "core/quant/method.h"
#include "core/quant/rotation.h"
#include "core/quant/scalar_quantizer.h"

namespace vq::quant {

class TurboBlockQuant final : public Method {
 public:
  static constexpr int kBlockSize = 128;

  // indexBits 2, 3 or 4 selects turbo2/turbo3/turbo4; cfg.bits is ignored. n must be a positive
  // multiple of 128.
  TurboBlockQuant(const MethodConfig& config, int n, int indexBits);

  RowScope scope() const override { return RowScope::LayerRow; }
  uint64_t storageBytes(int64_t rows) const override { return uint64_t(rows) * blocksPerRow() * bytesPerBlock(); }
  void encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const override;
  void decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const override;

  int indexBits() const { return m_quantizer.bits(); }
  int normsPerBlock() const { return m_normsPerBlock; }
  uint64_t blocksPerRow() const { return uint64_t(m_n / kBlockSize); }
  uint64_t bytesPerBlock() const { return 2 * uint64_t(m_normsPerBlock) + uint64_t(kBlockSize * indexBits() / 8); }

 private:
  Rotation m_rotation;
  ScalarQuantizer m_quantizer;
  int m_normsPerBlock;
};

}  // namespace vq::quant
