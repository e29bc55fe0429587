// Random orthogonal rotation Π of R^d, deterministic for a seed.
//  - d a power of two: randomized Walsh-Hadamard Π = H·D, D = diag(±1) from the seed, H the
//    orthonormal Sylvester-Hadamard matrix, applied in place in O(d log d).
//  - otherwise: a dense Haar-distributed orthogonal matrix, the Q of a QR decomposition of a
//    seeded Gaussian matrix with each column's sign fixed by sign(R_jj).
// The seed is used as given (callers add the layer index).
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <vector>

namespace vq::quant {

// Unnormalized in-place fast Walsh-Hadamard transform (Sylvester order) of n = 2^k values:
// x <- H_n x with entries ±1 (the orthonormal transform is this times 1/sqrt(n)).
// Builds with AVX2+FMA use a vectorized form for n >= 8 that gives bit-identical floats (the same
// butterflies, stage after stage in increasing stride).
void fastWalshHadamard(float* x, int n);

constexpr bool isPowerOfTwo(int n) { return n > 0 && (n & (n - 1)) == 0; }

class Rotation {
 public:
  using RowMajorMatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

  // Builds Π for dimension dim >= 1. Dense rotations are limited to dim <= kMaxDenseDim.
  Rotation(int dim, uint64_t seed);

  static constexpr int kMaxDenseDim = 4096;

  int dim() const { return m_dim; }
  uint64_t seed() const { return m_seed; }
  bool isHadamard() const { return m_hadamard; }

  // out_r = Π in_r for `rows` contiguous vectors of dim() floats. in == out is allowed
  // (in place); other overlaps are not.
  void apply(const float* in, float* out, int64_t rows = 1) const;
  // out_r = Πᵀ in_r (the inverse).
  void applyInverse(const float* in, float* out, int64_t rows = 1) const;

  void apply(std::span<const float> in, std::span<float> out) const;
  void applyInverse(std::span<const float> in, std::span<float> out) const;

  // The dense matrix Π (for tests and the teaching views); O(d^2) memory.
  Eigen::MatrixXd matrix() const;
  // Hadamard case: the ±1 diagonal of D (empty for a dense rotation).
  std::vector<float> signs() const;

 private:
  int m_dim;
  uint64_t m_seed;
  bool m_hadamard;
  std::vector<float> m_scaledSigns;  // Hadamard: D_ii / sqrt(d), folds H's normalization in
  RowMajorMatrixF m_dense;           // dense: Π, row-major
};

}  // namespace vq::quant
