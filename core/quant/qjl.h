// qjl (QJL, arXiv 2406.03482): a vector x in R^d is stored as ‖x‖ (fp16) and the m signs of
// S x (gaussian_sketch.h), m = cfg.sketchDim or d; S is seeded with cfg.seed.
//  - estimateDot(code, q) = sqrt(π/2)/m · ‖x‖ · ⟨S q, signs⟩ is unbiased for ⟨q, x⟩ (over S).
//  - decode returns x̂ = sqrt(π/2)/m · ‖x‖ · Sᵀ signs (unbiased too, but its squared error is
//    about (π/2 · d/m − 1/m)‖x‖²: QJL is an inner-product code, not a reconstruction code).
// cfg.bits is ignored (one bit per sketch row). Layout per vector: [fp16 ‖x‖][ceil(m/8) bytes].
#pragma once

#include "core/quant/gaussian_sketch.h"
#include "core/quant/method.h"

namespace vq::quant {

class Qjl final : public Method {
 public:
  Qjl(const MethodConfig& config, int n);

  RowScope scope() const override { return RowScope::Vector; }
  uint64_t storageBytes(int64_t rows) const override { return uint64_t(rows) * bytesPerVector(); }
  void encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const override;
  void decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const override;

  uint64_t bytesPerVector() const { return 2 + m_sketch.signBytes(); }
  int sketchRows() const { return m_sketch.rows(); }
  const GaussianSketch& sketch() const { return m_sketch; }

  // Unbiased estimate of ⟨q, x⟩ from one vector's code (bytesPerVector() bytes).
  float estimateDot(std::span<const std::byte> code, std::span<const float> q) const;
  // The same for `rows` consecutive codes against one query (S q computed once).
  void estimateDots(std::span<const std::byte> codes, int64_t rows, std::span<const float> q,
                    std::span<float> out) const;

 private:
  GaussianSketch m_sketch;
};

}  // namespace vq::quant
