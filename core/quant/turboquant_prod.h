// turboquant_prod (TurboQuant, arXiv 2504.19874, inner-product variant), b bits:
//   stage 1: turboquant_mse with b-1 bits (same seed, no norm correction) -> x̂_mse;
//   stage 2: QJL sketch of the residual r = x - x̂_mse: m signs of S r (S m×d Gaussian, seeded
//            with seed + 1, m = cfg.sketchDim or d) and ‖r‖ as fp16.
// estimateDot(code, q) = ⟨q, x̂_mse⟩ + sqrt(π/2)/m·‖r‖·⟨S q, signs⟩ is unbiased for ⟨q, x⟩.
// decode returns the vector x̂_mse + sqrt(π/2)/m·‖r‖·Sᵀ signs: unbiased as well, but the QJL part
// adds about (π/2·d/m)·‖r‖² of squared error, so as a reconstruction it is worse than
// turboquant_mse at b-1 bits. Use decode for inner products only through estimateDot.
// b = 1 is an error (there is no 0-bit stage 1). Layout per vector:
//   [turboquant_mse(b-1) code: ceil(d(b-1)/8) + 2][fp16 ‖r‖][ceil(m/8) sign bytes].
#pragma once

#include "core/quant/gaussian_sketch.h"
#include "core/quant/method.h"
#include "core/quant/turboquant_mse.h"

namespace vq::quant {

class TurboQuantProd final : public Method {
 public:
  // bits 2..8, n >= 2, 0 <= sketchDim <= 65536.
  TurboQuantProd(const MethodConfig& config, int n);

  RowScope scope() const override { return RowScope::Vector; }
  uint64_t storageBytes(int64_t rows) const override { return uint64_t(rows) * bytesPerVector(); }
  void encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const override;
  void decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const override;

  uint64_t bytesPerVector() const { return m_stage1.bytesPerVector() + 2 + m_sketch.signBytes(); }
  const TurboQuantMse& stage1() const { return m_stage1; }
  const GaussianSketch& sketch() const { return m_sketch; }

  // Unbiased estimate of ⟨q, x⟩ from one vector's code (bytesPerVector() bytes).
  float estimateDot(std::span<const std::byte> code, std::span<const float> q) const;
  // The same for `rows` consecutive codes against one query (Π q and S q computed once).
  void estimateDots(std::span<const std::byte> codes, int64_t rows, std::span<const float> q,
                    std::span<float> out) const;

 private:
  TurboQuantMse m_stage1;
  GaussianSketch m_sketch;
};

}  // namespace vq::quant
