// turboquant_rvq: two-stage residual quantization in the rotated domain, 2b bits per coordinate.
//   u = Π x/‖x‖ (rotation.h), stored ‖x‖ as fp16;
//   stage 1: b-bit Lloyd-Max codebook of a unit-vector coordinate (as turboquant_mse:
//            N(0, 1/d) for d >= 64, exact Beta marginal below) -> c1;
//   stage 2: e = u - c1 quantized with the b-bit Lloyd-Max codebook of a LAPLACIAN whose standard
//            deviation is the stage-1 residual std, sqrt(D1) with D1 = the stage-1 codebook's own
//            MSE per coordinate (= D_b/d for the Gaussian codebook, D_b the N(0,1) table value).
//            This is the scale the residual actually has: E e_i² = D1 exactly for a Lloyd-Max
//            stage 1, so the stage-2 codebook is neither too narrow nor too wide (VeloxQuant-MLX
//            used a fixed scale 0.13-0.64x too small).
// Decode: (c1 + c2) -> Πᵀ -> × ‖x‖.
// Layout per vector: [fp16 ‖x‖][2d indices of b bits: the d stage-1 indices, then the d stage-2
// indices, one bit stream] = ceil(2·d·b/8) + 2 bytes.
#pragma once

#include "core/quant/method.h"
#include "core/quant/rotation.h"
#include "core/quant/scalar_quantizer.h"

namespace vq::quant {

class TurboQuantRvq final : public Method {
 public:
  // bits (per stage) 1..8, n >= 2.
  TurboQuantRvq(const MethodConfig& config, int n);

  RowScope scope() const override { return RowScope::Vector; }
  uint64_t storageBytes(int64_t rows) const override { return uint64_t(rows) * bytesPerVector(); }
  void encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const override;
  void decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const override;

  uint64_t bytesPerVector() const { return m_bytesPerVector; }
  const ScalarQuantizer& stage1() const { return m_stage1; }
  const ScalarQuantizer& stage2() const { return m_stage2; }
  // The stage-2 Laplacian scale (std of the stage-1 residual per coordinate of the unit vector).
  double residualStd() const { return m_residualStd; }

 private:
  Rotation m_rotation;
  ScalarQuantizer m_stage1;
  double m_residualStd;
  ScalarQuantizer m_stage2;
  uint64_t m_bytesPerVector;
};

}  // namespace vq::quant
