#include "core/quant/rotation.h"

#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "core/common/error.h"
#include "core/quant/seeded_random.h"

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#define VQ_WHT_AVX2 1
#endif

namespace vq::quant {

namespace {

// The transform for a length known at compile time (kFixed > 0: loops fully unrolled and
// vectorized for the common head dimensions) or at run time (kFixed == 0, n given).
template <int kFixed>
void walshHadamardStages(float* x, int runtimeN) {
  const int n = kFixed > 0 ? kFixed : runtimeN;
  // log2(n) butterfly stages x[j], x[j+h] <- x[j] + x[j+h], x[j] - x[j+h] for h = 1, 2, 4, ...
  // Two consecutive stages are fused into one radix-4 pass (same additions in the same order,
  // so the same floats, with half the memory passes); the inner loops over j are contiguous.
  if (n < 2) return;
  int h = 1;
  if (n >= 4) {
    // Stages h = 1 and 2 within each group of four: (a,b,c,d) -> (s0+s1, d0+d1, s0-s1, d0-d1)
    // with s0 = a+b, d0 = a-b, s1 = c+d, d1 = c-d.
#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)
    // As 4-lane vectors: v·(1,-1,1,-1) + swap-pairs(v), then v·(1,1,-1,-1) + swap-halves(v).
    // Multiplying by ±1 is exact and -b + a == a - b, so the floats equal the scalar form's.
    typedef float F4 __attribute__((vector_size(16)));
    const F4 pairSigns = {1.0f, -1.0f, 1.0f, -1.0f};
    const F4 halfSigns = {1.0f, 1.0f, -1.0f, -1.0f};
    for (int i = 0; i < n; i += 4) {
      F4 v;
      std::memcpy(&v, x + i, sizeof(F4));
      v = v * pairSigns + __builtin_shufflevector(v, v, 1, 0, 3, 2);
      v = v * halfSigns + __builtin_shufflevector(v, v, 2, 3, 0, 1);
      std::memcpy(x + i, &v, sizeof(F4));
    }
#else
    for (int i = 0; i < n; i += 4) {
      const float a = x[i], b = x[i + 1], c = x[i + 2], d = x[i + 3];
      const float s0 = a + b, d0 = a - b, s1 = c + d, d1 = c - d;
      x[i] = s0 + s1;
      x[i + 1] = d0 + d1;
      x[i + 2] = s0 - s1;
      x[i + 3] = d0 - d1;
    }
#endif
    h = 4;
  }
  for (; 4 * h <= n; h *= 4) {
    for (int i = 0; i < n; i += 4 * h) {
      float* __restrict q0 = x + i;
      float* __restrict q1 = x + i + h;
      float* __restrict q2 = x + i + 2 * h;
      float* __restrict q3 = x + i + 3 * h;
      for (int j = 0; j < h; ++j) {
        const float a = q0[j], b = q1[j], c = q2[j], d = q3[j];
        const float s0 = a + b, d0 = a - b, s1 = c + d, d1 = c - d;
        q0[j] = s0 + s1;
        q1[j] = d0 + d1;
        q2[j] = s0 - s1;
        q3[j] = d0 - d1;
      }
    }
  }
  if (2 * h <= n) {  // one radix-2 stage left when log2(n) is odd
    float* __restrict lo = x;
    float* __restrict hi = x + h;
    for (int j = 0; j < h; ++j) {
      const float a = lo[j], b = hi[j];
      lo[j] = a + b;
      hi[j] = a - b;
    }
  }
}

#if defined(VQ_WHT_AVX2)
// AVX2 form of the same butterfly network, for n >= 8: stages h = 1, 2, 4 inside each 8-float
// register, then h = 8, 16, ... across registers, always in increasing h as the scalar form, and
// each output is a + b or a - b of the previous stage's values, so the floats are bit-identical.
// In-register stage: fma(v, (+1,-1,...), swapped(v)) gives v_j + v_partner on the + lanes and
// v_partner - v_j on the - lanes; v·(±1) is exact, so the fma rounds once, like the add/sub.
inline __m256 hadamard8(__m256 v) {
  const __m256 pairSigns = _mm256_setr_ps(1.0f, -1.0f, 1.0f, -1.0f, 1.0f, -1.0f, 1.0f, -1.0f);
  const __m256 quadSigns = _mm256_setr_ps(1.0f, 1.0f, -1.0f, -1.0f, 1.0f, 1.0f, -1.0f, -1.0f);
  const __m256 halfSigns = _mm256_setr_ps(1.0f, 1.0f, 1.0f, 1.0f, -1.0f, -1.0f, -1.0f, -1.0f);
  v = _mm256_fmadd_ps(v, pairSigns, _mm256_permute_ps(v, _MM_SHUFFLE(2, 3, 0, 1)));  // h = 1
  v = _mm256_fmadd_ps(v, quadSigns, _mm256_permute_ps(v, _MM_SHUFFLE(1, 0, 3, 2)));  // h = 2
  return _mm256_fmadd_ps(v, halfSigns, _mm256_permute2f128_ps(v, v, 1));            // h = 4
}

template <int kFixed>
void walshHadamardAvx2(float* x, int runtimeN) {
  const int n = kFixed > 0 ? kFixed : runtimeN;
  int h = 8;
  if (n >= 32) {
    // Stages 1, 2, 4 in registers, then 8 and 16 as one radix-4 step over four registers.
    for (int i = 0; i < n; i += 32) {
      const __m256 a = hadamard8(_mm256_loadu_ps(x + i));
      const __m256 b = hadamard8(_mm256_loadu_ps(x + i + 8));
      const __m256 c = hadamard8(_mm256_loadu_ps(x + i + 16));
      const __m256 d = hadamard8(_mm256_loadu_ps(x + i + 24));
      const __m256 s0 = _mm256_add_ps(a, b), d0 = _mm256_sub_ps(a, b);
      const __m256 s1 = _mm256_add_ps(c, d), d1 = _mm256_sub_ps(c, d);
      _mm256_storeu_ps(x + i, _mm256_add_ps(s0, s1));
      _mm256_storeu_ps(x + i + 8, _mm256_add_ps(d0, d1));
      _mm256_storeu_ps(x + i + 16, _mm256_sub_ps(s0, s1));
      _mm256_storeu_ps(x + i + 24, _mm256_sub_ps(d0, d1));
    }
    h = 32;
  } else {
    for (int i = 0; i < n; i += 8) _mm256_storeu_ps(x + i, hadamard8(_mm256_loadu_ps(x + i)));
  }
  for (; 4 * h <= n; h *= 4) {
    for (int i = 0; i < n; i += 4 * h) {
      float* q0 = x + i;
      float* q1 = q0 + h;
      float* q2 = q1 + h;
      float* q3 = q2 + h;
      for (int j = 0; j < h; j += 8) {
        const __m256 a = _mm256_loadu_ps(q0 + j), b = _mm256_loadu_ps(q1 + j);
        const __m256 c = _mm256_loadu_ps(q2 + j), d = _mm256_loadu_ps(q3 + j);
        const __m256 s0 = _mm256_add_ps(a, b), d0 = _mm256_sub_ps(a, b);
        const __m256 s1 = _mm256_add_ps(c, d), d1 = _mm256_sub_ps(c, d);
        _mm256_storeu_ps(q0 + j, _mm256_add_ps(s0, s1));
        _mm256_storeu_ps(q1 + j, _mm256_add_ps(d0, d1));
        _mm256_storeu_ps(q2 + j, _mm256_sub_ps(s0, s1));
        _mm256_storeu_ps(q3 + j, _mm256_sub_ps(d0, d1));
      }
    }
  }
  if (2 * h <= n) {  // one radix-2 stage left
    for (int j = 0; j < h; j += 8) {
      const __m256 a = _mm256_loadu_ps(x + j), b = _mm256_loadu_ps(x + h + j);
      _mm256_storeu_ps(x + j, _mm256_add_ps(a, b));
      _mm256_storeu_ps(x + h + j, _mm256_sub_ps(a, b));
    }
  }
}
#endif

}  // namespace

void fastWalshHadamard(float* x, int n) {
#if defined(VQ_WHT_AVX2)
  switch (n) {
    case 64: walshHadamardAvx2<64>(x, n); return;
    case 128: walshHadamardAvx2<128>(x, n); return;
    case 256: walshHadamardAvx2<256>(x, n); return;
    default:
      if (n >= 8) {
        walshHadamardAvx2<0>(x, n);
        return;
      }
  }
#endif
  switch (n) {
    case 16: walshHadamardStages<16>(x, n); break;
    case 32: walshHadamardStages<32>(x, n); break;
    case 64: walshHadamardStages<64>(x, n); break;
    case 128: walshHadamardStages<128>(x, n); break;
    case 256: walshHadamardStages<256>(x, n); break;
    default: walshHadamardStages<0>(x, n); break;
  }
}

Rotation::Rotation(int dim, uint64_t seed) : m_dim(dim), m_seed(seed), m_hadamard(isPowerOfTwo(dim)) {
  if (dim < 1) throw Error(ErrorCode::InvalidArgument, "rotation dimension must be >= 1, got " + std::to_string(dim));
  SeededRandom rng(seed);
  if (m_hadamard) {
    const float scale = float(1.0 / std::sqrt(double(dim)));
    m_scaledSigns.resize(size_t(dim));
    for (auto& s : m_scaledSigns) s = rng.sign() * scale;
    return;
  }
  if (dim > kMaxDenseDim)
    throw Error(ErrorCode::InvalidArgument, "dense random rotation limited to dimension " +
                                                std::to_string(kMaxDenseDim) + " (not a power of two), got " +
                                                std::to_string(dim));
  Eigen::MatrixXd gaussian(dim, dim);
  for (int i = 0; i < dim; ++i)
    for (int j = 0; j < dim; ++j) gaussian(i, j) = rng.normal();
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(gaussian);
  Eigen::MatrixXd q = qr.householderQ();
  const Eigen::MatrixXd& r = qr.matrixQR();  // R is its upper triangle
  for (int j = 0; j < dim; ++j)
    if (r(j, j) < 0.0) q.col(j) = -q.col(j);
  m_dense = q.cast<float>();
}

void Rotation::apply(const float* in, float* out, int64_t rows) const {
  const int d = m_dim;
  if (m_hadamard) {
    for (int64_t r = 0; r < rows; ++r) {
      const float* src = in + r * d;
      float* dst = out + r * d;
      for (int i = 0; i < d; ++i) dst[i] = src[i] * m_scaledSigns[size_t(i)];
      fastWalshHadamard(dst, d);
    }
    return;
  }
  // Rows are row vectors: Y = X Πᵀ.
  Eigen::Map<const RowMajorMatrixF> x(in, rows, d);
  Eigen::Map<RowMajorMatrixF> y(out, rows, d);
  if (in == out) {
    RowMajorMatrixF tmp = x * m_dense.transpose();
    y = tmp;
  } else {
    y.noalias() = x * m_dense.transpose();
  }
}

void Rotation::applyInverse(const float* in, float* out, int64_t rows) const {
  const int d = m_dim;
  if (m_hadamard) {
    // Πᵀ = D·H (H symmetric): transform, then signs (with the 1/sqrt(d) normalization).
    for (int64_t r = 0; r < rows; ++r) {
      const float* src = in + r * d;
      float* dst = out + r * d;
      if (dst != src)
        for (int i = 0; i < d; ++i) dst[i] = src[i];
      fastWalshHadamard(dst, d);
      for (int i = 0; i < d; ++i) dst[i] *= m_scaledSigns[size_t(i)];
    }
    return;
  }
  Eigen::Map<const RowMajorMatrixF> y(in, rows, d);
  Eigen::Map<RowMajorMatrixF> x(out, rows, d);
  if (in == out) {
    RowMajorMatrixF tmp = y * m_dense;
    x = tmp;
  } else {
    x.noalias() = y * m_dense;
  }
}

void Rotation::apply(std::span<const float> in, std::span<float> out) const {
  apply(in.data(), out.data(), int64_t(in.size() / size_t(m_dim)));
}

void Rotation::applyInverse(std::span<const float> in, std::span<float> out) const {
  applyInverse(in.data(), out.data(), int64_t(in.size() / size_t(m_dim)));
}

Eigen::MatrixXd Rotation::matrix() const {
  if (!m_hadamard) return m_dense.cast<double>();
  // Column j of Π = H·D is Π e_j.
  Eigen::MatrixXd m(m_dim, m_dim);
  std::vector<float> e(static_cast<size_t>(m_dim));
  for (int j = 0; j < m_dim; ++j) {
    std::fill(e.begin(), e.end(), 0.0f);
    e[size_t(j)] = 1.0f;
    apply(e.data(), e.data(), 1);
    for (int i = 0; i < m_dim; ++i) m(i, j) = e[size_t(i)];
  }
  return m;
}

std::vector<float> Rotation::signs() const {
  std::vector<float> s;
  if (!m_hadamard) return s;
  s.reserve(m_scaledSigns.size());
  for (float v : m_scaledSigns) s.push_back(v < 0.0f ? -1.0f : 1.0f);
  return s;
}

}  // namespace vq::quant
