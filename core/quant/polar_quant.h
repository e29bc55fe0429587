// polar (PolarQuant, arXiv 2502.02617). Per vector x in R^d, d divisible by 16:
//   y = Π x (rotation.h), then 4 levels of the polar transform of adjacent pairs:
//   level 1: (y_2i, y_2i+1) -> radius, angle ψ in [0, 2π)             (d/2 angles)
//   level ℓ = 2..4: (r_2i, r_2i+1) of level ℓ-1 -> radius, ψ in [0, π/2] (d/2^ℓ angles)
//   leaving d/16 radii (norms of 16-coordinate blocks), stored as fp16.
// For a rotated (uniformly oriented) vector the angles are independent with known laws:
// level 1 uniform on [0, 2π); level ℓ >= 2 with pdf ∝ sin^(2^(ℓ-1)-1)(2ψ) on [0, π/2]
// (densities.h). Each level has its own Lloyd-Max codebook (level 1: the uniform quantizer,
// which is Lloyd-Max for a uniform law).
// Bit split (cfg.bits = b, 1..6): level 1 gets b + 2 bits, levels 2-4 get b bits. Level-1
// angles span 2π, four times the range of the others, so two more bits give them the same
// angular resolution; at b = 2 this is the paper's 4/2/2/2 configuration (3.875 bits per value
// at any d). Decode: radii -> angles top-down -> y -> Πᵀ.
// Layout per vector: [d/16 fp16 radii][d/2 level-1 indices of b+2 bits]
//                    [7d/16 indices of b bits: level 2, then 3, then 4]
//   = d/8 + d(b+2)/16 + ceil(7db/128) bytes.
#pragma once

#include <array>
#include <vector>

#include "core/quant/method.h"
#include "core/quant/rotation.h"
#include "core/quant/scalar_quantizer.h"

namespace vq::quant {

class PolarQuant final : public Method {
 public:
  static constexpr int kLevels = 4;
  static constexpr int kLevelOneExtraBits = 2;

  // bits 1..6; n divisible by 16 ("polar needs head_dim divisible by 16, got N").
  PolarQuant(const MethodConfig& config, int n);

  RowScope scope() const override { return RowScope::Vector; }
  uint64_t storageBytes(int64_t rows) const override { return uint64_t(rows) * bytesPerVector(); }
  void encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const override;
  void decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const override;

  uint64_t bytesPerVector() const { return m_bytesPerVector; }
  int levelBits(int level) const { return level == 1 ? m_config.bits + kLevelOneExtraBits : m_config.bits; }
  // Level ℓ = 2..4 angle quantizer.
  const ScalarQuantizer& angleQuantizer(int level) const { return m_angle[size_t(level - 2)]; }

 private:
  struct AngleTable {
    std::vector<float> cosine, sine;  // of each centroid
  };
  void encodeRow(const float* rotated, std::byte* code, uint8_t* idx, float* radii) const;
  void decodeRow(const std::byte* code, float* out, uint8_t* idx, float* radii) const;

  Rotation m_rotation;
  std::array<ScalarQuantizer, kLevels - 1> m_angle;  // levels 2..4
  std::array<AngleTable, kLevels> m_tables;          // levels 1..4
  uint64_t m_radiiBytes, m_levelOneBytes, m_bytesPerVector;
};

}  // namespace vq::quant
