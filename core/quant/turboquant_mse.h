// turboquant_mse (TurboQuant, arXiv 2504.19874, MSE variant). Per vector x in R^d:
//   store ‖x‖ as fp16; u = Π x/‖x‖ (random rotation, rotation.h); each coordinate of u is
//   quantized with the b-bit Lloyd-Max codebook of one coordinate of a uniform unit vector
//   (N(0, 1/d) for d >= 64, the exact Beta marginal below); indices packed b bits each.
// Decode: centroids -> Πᵀ -> × stored norm. With cfg.normCorrection the stored scale is
// ‖x‖/‖x̂_unit‖ (x̂_unit = the decoded unit vector), so ‖x̂‖ = ‖x‖ and inner products lose the
// (1 - D) shrink. A zero vector stores norm 0 and decodes to exact zeros.
// Layout per vector: [fp16 scale][ceil(d·b/8) bytes of indices], i.e. ceil(d·b/8) + 2 bytes.
#pragma once

#include <memory>

#include "core/quant/method.h"
#include "core/quant/rotation.h"
#include "core/quant/scalar_quantizer.h"

namespace vq::quant {

class TurboQuantMse final : public Method {
 public:
  // bits 1..8, n >= 2. Throws Error(InvalidArgument) otherwise.
  TurboQuantMse(const MethodConfig& config, int n);

  RowScope scope() const override { return RowScope::Vector; }
  uint64_t storageBytes(int64_t rows) const override { return uint64_t(rows) * bytesPerVector(); }
  void encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const override;
  void decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const override;
  void roundTrip(std::span<const float> x, int64_t rows, std::span<float> out) const override;

  uint64_t bytesPerVector() const { return m_bytesPerVector; }
  const Rotation& rotation() const { return m_rotation; }
  const ScalarQuantizer& quantizer() const { return m_quantizer; }

  // Building blocks (also used by turboquant_prod), for `rows` <= kRowsPerBatch vectors:
  // indices (rows·n) and the stored scale per row, already rounded to fp16 precision.
  // `rotated` is scratch of rows·n floats.
  void quantizeRows(const float* x, int64_t rows, uint8_t* idx, float* storedScale, float* rotated) const;
  // out = Πᵀ(centroid[idx] · storedScale) per row.
  void reconstructRows(const uint8_t* idx, const float* storedScale, int64_t rows, float* out) const;
  // Per-vector byte layout.
  void packRow(const uint8_t* idx, float storedScale, std::byte* out) const;
  float unpackRow(const std::byte* in, uint8_t* idx) const;  // returns the stored scale

 private:
  Rotation m_rotation;
  ScalarQuantizer m_quantizer;
  uint64_t m_bytesPerVector;
};

}  // namespace vq::quant
