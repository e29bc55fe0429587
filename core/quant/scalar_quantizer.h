// A Lloyd-Max codebook in float, ready for the hot loops: index = number of decision boundaries
// strictly below the value (nearest centroid; ties go to the lower cell), and centroid lookup.
// quantizeOne() is the readable reference; quantize() is the batch path (branchless counting
// against the sorted boundaries for <= 4 bits, branchless binary search above; with AVX2 a
// vectorized binary search for <= 4 bits) and gives the same indices. dequantize() uses AVX2
// register lookups for <= 4 bits when available (the same floats).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/quant/lloyd_max.h"

namespace vq::quant {

class ScalarQuantizer {
 public:
  ScalarQuantizer() = default;
  // Centroids and boundaries of `codebook` multiplied by `scale`.
  explicit ScalarQuantizer(const Codebook& codebook, double scale = 1.0);

  int bits() const { return m_bits; }
  int levels() const { return int(m_centroids.size()); }
  const std::vector<float>& centroids() const { return m_centroids; }
  const std::vector<float>& boundaries() const { return m_boundaries; }
  double mse() const { return m_mse; }  // the codebook's MSE × scale²

  // Reference: index of v.
  uint8_t quantizeOne(float v) const;
  // idx[j] = quantizeOne(x[j] * inputScale) for j < count.
  void quantize(const float* x, float inputScale, size_t count, uint8_t* idx) const;
  // out[j] = centroid[idx[j]] * outputScale.
  void dequantize(const uint8_t* idx, float outputScale, size_t count, float* out) const;
  // Σ_j centroid[idx[j]]² (the squared norm of the quantized vector).
  float squaredNorm(const uint8_t* idx, size_t count) const;

 private:
  int m_bits = 0;
  double m_mse = 0.0;
  std::vector<float> m_centroids;
  std::vector<float> m_boundaries;
  std::vector<float> m_searchTable;  // 2^bits entries: boundaries then +inf (binary search)
  std::vector<float> m_searchSteps;  // bits <= 4, sorted: 8 floats per step of the SIMD search
};

}  // namespace vq::quant
