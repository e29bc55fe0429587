// The 1-bit Johnson-Lindenstrauss sketch of QJL (arXiv 2406.03482): S is an m×d matrix of
// i.i.d. N(0, 1) entries (seeded, filled row by row); a vector v is stored as the m signs of S v.
// For Gaussian rows s, E[⟨s, q⟩ sign⟨s, v⟩] = sqrt(2/π) ⟨q, v⟩/‖v‖, hence the unbiased estimate
//   ⟨q, v⟩ ≈ sqrt(π/2)/m · ‖v‖ · Σ_k sign_k (S q)_k
// and the (unbiased, noisy) vector reconstruction v̂ = sqrt(π/2)/m · ‖v‖ · Sᵀ signs.
// Sign convention: bit k is 1 when (S v)_k >= 0 (sign +1), packed LSB first.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>

namespace vq::quant {

class GaussianSketch {
 public:
  using RowMajorMatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

  GaussianSketch(int rows, int dim, uint64_t seed);

  int rows() const { return int(m_matrix.rows()); }
  int dim() const { return int(m_matrix.cols()); }
  const RowMajorMatrixF& matrix() const { return m_matrix; }
  size_t signBytes() const { return (size_t(rows()) + 7) / 8; }
  // sqrt(π/2)/m: the factor of the estimator and of the reconstruction.
  float estimatorScale() const { return m_estimatorScale; }

  // out (count × m) = S v_r for `count` vectors v_r of dim() floats.
  void project(const float* v, int64_t count, float* out) const;
  // Packs the signs of m projections into signBytes() bytes.
  void packSigns(const float* projected, std::byte* out) const;
  // Σ_k sign_k · projectedQuery_k.
  float signedSum(const float* projectedQuery, const std::byte* signBits) const;
  // out (dim floats) = scale · Sᵀ signs.
  void reconstruct(const std::byte* signBits, float scale, float* out) const;

 private:
  RowMajorMatrixF m_matrix;
  float m_estimatorScale;
};

}  // namespace vq::quant
