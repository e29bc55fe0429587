#include "core/quant/scalar_quantizer.h"

#include <cmath>
#include <cstring>
#include <limits>

#if defined(__AVX2__)
#include <immintrin.h>
#define VQ_SCALAR_QUANTIZER_AVX2 1
#endif

namespace vq::quant {

#if defined(VQ_SCALAR_QUANTIZER_AVX2)
namespace {

// Indices of x[j]·inputScale for j < count rounded down to a multiple of 8, 8 lanes at a time,
// by a branchless binary search over the sorted boundaries: before step s the index is a
// multiple of span = 2^(B-s), the step compares against boundary[pos + span/2 - 1], read from
// that step's table of candidates (steps[s][pos / span], at most 8: one permutevar), and adds
// span/2 when v is above it. For sorted boundaries {k : v > t_k} is a prefix, so this is the
// count of boundaries below v, i.e. quantizeOne (NaN compares false everywhere: index 0).
// Returns how many values it did.
template <int B>
size_t quantizeSearchAvx2(const float* x, float inputScale, size_t count, const float* steps, uint8_t* idx) {
  const __m256 scale = _mm256_set1_ps(inputScale);
  __m256 table[B];
  table[0] = _mm256_broadcast_ss(steps);  // one candidate: compared in every lane
  for (int s = 1; s < B; ++s) table[s] = _mm256_loadu_ps(steps + 8 * s);
  auto indices = [&](const float* p) {
    const __m256 v = _mm256_mul_ps(_mm256_loadu_ps(p), scale);
    __m256i pos = _mm256_and_si256(_mm256_castps_si256(_mm256_cmp_ps(v, table[0], _CMP_GT_OQ)),
                                   _mm256_set1_epi32(1 << (B - 1)));
    for (int s = 1; s < B; ++s) {
      const __m256 threshold = _mm256_permutevar8x32_ps(table[s], _mm256_srli_epi32(pos, B - s));
      const __m256i above = _mm256_castps_si256(_mm256_cmp_ps(v, threshold, _CMP_GT_OQ));
      pos = _mm256_add_epi32(pos, _mm256_and_si256(above, _mm256_set1_epi32(1 << (B - s - 1))));
    }
    return pos;
  };
  size_t j = 0;
  for (; j + 32 <= count; j += 32) {
    const __m256i c0 = indices(x + j), c1 = indices(x + j + 8);
    const __m256i c2 = indices(x + j + 16), c3 = indices(x + j + 24);
    // packs work per 128-bit lane: the bytes come out as 4-value groups c0[0..3] c1[0..3]
    // c2[0..3] c3[0..3] c0[4..7] ...; the dword permutation puts them back in order.
    const __m256i bytes = _mm256_packs_epi16(_mm256_packs_epi32(c0, c1), _mm256_packs_epi32(c2, c3));
    const __m256i ordered = _mm256_permutevar8x32_epi32(bytes, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(idx + j), ordered);
  }
  for (; j + 8 <= count; j += 8) {
    const __m256i c = indices(x + j);
    const __m128i words = _mm_packs_epi32(_mm256_castsi256_si128(c), _mm256_extracti128_si256(c, 1));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(idx + j), _mm_packs_epi16(words, words));
  }
  return j;
}

}  // namespace
#endif

ScalarQuantizer::ScalarQuantizer(const Codebook& codebook, double scale)
    : m_bits(codebook.bits), m_mse(codebook.mse * scale * scale) {
  for (double c : codebook.centroids) m_centroids.push_back(float(c * scale));
  for (double t : codebook.boundaries) m_boundaries.push_back(float(t * scale));
  m_searchTable = m_boundaries;
  m_searchTable.push_back(std::numeric_limits<float>::infinity());
  // Per-step candidate tables of the vectorized binary search (bits <= 4, sorted boundaries
  // only; otherwise the counting loops run): step s, entry i = boundary[i·span + span/2 - 1],
  // span = 2^(bits - s), i < 2^s, padded to 8 floats.
  bool sorted = m_bits >= 1 && m_bits <= 4 && m_boundaries.size() == (size_t(1) << m_bits) - 1;
  for (size_t k = 0; sorted && k < m_boundaries.size(); ++k)
    sorted = !std::isnan(m_boundaries[k]) && (k == 0 || m_boundaries[k - 1] <= m_boundaries[k]);
  if (sorted) {
    m_searchSteps.assign(size_t(8 * m_bits), 0.0f);
    for (int s = 0; s < m_bits; ++s) {
      const int span = 1 << (m_bits - s);
      for (int i = 0; i < (1 << s); ++i) m_searchSteps[size_t(8 * s + i)] = m_boundaries[size_t(i * span + span / 2 - 1)];
    }
  }
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
#if defined(VQ_SCALAR_QUANTIZER_AVX2)
    if (!m_searchSteps.empty()) {
      switch (m_bits) {
        case 1: j = quantizeSearchAvx2<1>(x, inputScale, count, m_searchSteps.data(), idx); break;
        case 2: j = quantizeSearchAvx2<2>(x, inputScale, count, m_searchSteps.data(), idx); break;
        case 3: j = quantizeSearchAvx2<3>(x, inputScale, count, m_searchSteps.data(), idx); break;
        case 4: j = quantizeSearchAvx2<4>(x, inputScale, count, m_searchSteps.data(), idx); break;
        default: break;
      }
    }
#endif
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
  size_t j = 0;
#if defined(VQ_SCALAR_QUANTIZER_AVX2)
  if (m_bits <= 4) {
    // The centroid lookup as two 8-entry register tables: permutevar picks by the low 3 bits of
    // the index, bit 3 (moved to the sign bit) chooses the table. Indices are < 2^bits <= 16.
    float table[16] = {};
    std::memcpy(table, c, m_centroids.size() * sizeof(float));
    const __m256 low = _mm256_loadu_ps(table), high = _mm256_loadu_ps(table + 8);
    const __m256 scale = _mm256_set1_ps(outputScale);
    for (; j + 8 <= count; j += 8) {
      const __m256i i = _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(idx + j)));
      const __m256 v = _mm256_blendv_ps(_mm256_permutevar8x32_ps(low, i), _mm256_permutevar8x32_ps(high, i),
                                        _mm256_castsi256_ps(_mm256_slli_epi32(i, 28)));
      _mm256_storeu_ps(out + j, _mm256_mul_ps(v, scale));
    }
  }
#endif
  for (; j < count; ++j) out[j] = c[idx[j]] * outputScale;
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
