#include "core/quant/scalar_quantizer.h"

#include <cstring>
#include <limits>

namespace vq::quant {

ScalarQuantizer::ScalarQuantizer(const Codebook& codebook, double scale)
    : m_bits(codebook.bits), m_mse(codebook.mse * scale * scale) {
  for (double c : codebook.centroids) m_centroids.push_back(float(c * scale));
  for (double t : codebook.boundaries) m_boundaries.push_back(float(t * scale));
  m_searchTable = m_boundaries;
  m_searchTable.push_back(std::numeric_limits<float>::infinity());
}

uint8_t ScalarQuantizer::quantizeOne(float v) const {
  int idx = 0;
  for (float t : m_boundaries) idx += (v > t) ? 1 : 0;
  return uint8_t(idx);
}

void ScalarQuantizer::quantize(const float* x, float inputScale, size_t count, uint8_t* idx) const {
  const float* t = m_boundaries.data();
  const int nb = int(m_boundaries.size());
  if (m_bits <= 4) {
    size_t j = 0;
#if defined(__GNUC__) || defined(__clang__)
    // 16 values at a time in four 4-lane vectors; each boundary costs one compare and one
    // subtract per vector (a true compare is -1 in every bit).
    typedef float F4 __attribute__((vector_size(16)));
    typedef int32_t I4 __attribute__((vector_size(16)));
    for (; j + 16 <= count; j += 16) {
      F4 v[4];
      I4 c[4];
      for (int l = 0; l < 4; ++l) {
        std::memcpy(&v[l], x + j + size_t(4 * l), sizeof(F4));
        v[l] *= inputScale;
        c[l] = I4{0, 0, 0, 0};
      }
      for (int k = 0; k < nb; ++k) {
        const F4 tk = {t[k], t[k], t[k], t[k]};
        for (int l = 0; l < 4; ++l) c[l] -= (v[l] > tk);
      }
      for (int l = 0; l < 4; ++l)
        for (int lane = 0; lane < 4; ++lane) idx[j + size_t(4 * l + lane)] = uint8_t(c[l][lane]);
    }
#endif
    // Portable form of the same counting (and the tail).
    for (; j + 8 <= count; j += 8) {
      float v[8];
      int32_t c[8];
      for (int l = 0; l < 8; ++l) {
        v[l] = x[j + size_t(l)] * inputScale;
        c[l] = 0;
      }
      for (int k = 0; k < nb; ++k) {
        const float tk = t[k];
        for (int l = 0; l < 8; ++l) c[l] += (v[l] > tk) ? 1 : 0;
      }
      for (int l = 0; l < 8; ++l) idx[j + size_t(l)] = uint8_t(c[l]);
    }
    for (; j < count; ++j) idx[j] = quantizeOne(x[j] * inputScale);
    return;
  }
  // Branchless binary search over 2^bits - 1 sorted boundaries (table padded with +inf):
  // at each step pos is a multiple of 2·step, so pos + step - 1 <= 2^bits - 2.
  const float* table = m_searchTable.data();
  const int levels = 1 << m_bits;
  for (size_t j = 0; j < count; ++j) {
    const float v = x[j] * inputScale;
    int pos = 0;
    for (int step = levels >> 1; step > 0; step >>= 1) pos += (v > table[pos + step - 1]) ? step : 0;
    idx[j] = uint8_t(pos);
  }
}

void ScalarQuantizer::dequantize(const uint8_t* idx, float outputScale, size_t count, float* out) const {
  const float* c = m_centroids.data();
  for (size_t j = 0; j < count; ++j) out[j] = c[idx[j]] * outputScale;
}

float ScalarQuantizer::squaredNorm(const uint8_t* idx, size_t count) const {
  const float* c = m_centroids.data();
  float acc[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  size_t j = 0;
  for (; j + 4 <= count; j += 4)
    for (int l = 0; l < 4; ++l) {
      const float v = c[idx[j + size_t(l)]];
      acc[l] += v * v;
    }
  for (; j < count; ++j) acc[0] += c[idx[j]] * c[idx[j]];
  return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

}  // namespace vq::quant
