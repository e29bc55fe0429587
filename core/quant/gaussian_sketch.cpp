#include "core/quant/gaussian_sketch.h"

#include <cmath>
#include <numbers>

#include "core/quant/seeded_random.h"

namespace vq::quant {

GaussianSketch::GaussianSketch(int rows, int dim, uint64_t seed) : m_matrix(rows, dim) {
  SeededRandom rng(seed);
  for (int k = 0; k < rows; ++k)
    for (int i = 0; i < dim; ++i) m_matrix(k, i) = float(rng.normal());
  m_estimatorScale = float(std::sqrt(0.5 * std::numbers::pi) / double(rows));
}

void GaussianSketch::project(const float* v, int64_t count, float* out) const {
  Eigen::Map<const RowMajorMatrixF> in(v, count, dim());
  Eigen::Map<RowMajorMatrixF> projected(out, count, rows());
  projected.noalias() = in * m_matrix.transpose();
}

void GaussianSketch::packSigns(const float* projected, std::byte* out) const {
  const int m = rows();
  for (size_t b = 0; b < signBytes(); ++b) out[b] = std::byte{0};
  for (int k = 0; k < m; ++k)
    if (projected[k] >= 0.0f) out[k >> 3] |= std::byte(uint8_t(1u << (k & 7)));
}

float GaussianSketch::signedSum(const float* projectedQuery, const std::byte* signBits) const {
  float sum = 0.0f;
  for (int k = 0; k < rows(); ++k) {
    const bool positive = (std::to_integer<unsigned>(signBits[k >> 3]) >> (k & 7)) & 1u;
    sum += positive ? projectedQuery[k] : -projectedQuery[k];
  }
  return sum;
}

void GaussianSketch::reconstruct(const std::byte* signBits, float scale, float* out) const {
  const int m = rows();
  Eigen::VectorXf signs(m);
  for (int k = 0; k < m; ++k) {
    const bool positive = (std::to_integer<unsigned>(signBits[k >> 3]) >> (k & 7)) & 1u;
    signs[k] = positive ? scale : -scale;
  }
  Eigen::Map<Eigen::RowVectorXf> result(out, dim());
  result.noalias() = signs.transpose() * m_matrix;
}

}  // namespace vq::quant
