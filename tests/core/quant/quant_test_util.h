// Helpers shared by the rotation-method tests: seeded random data and error measures.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "core/quant/seeded_random.h"

namespace vq::quant::testing {

// rows x d i.i.d. N(0, sigma²) values.
inline std::vector<float> gaussianRows(int64_t rows, int d, uint64_t seed, double sigma = 1.0) {
  SeededRandom rng(seed);
  std::vector<float> v(size_t(rows) * size_t(d));
  for (auto& x : v) x = float(rng.normal() * sigma);
  return v;
}

// rows uniformly random unit vectors in R^d.
inline std::vector<float> unitRows(int64_t rows, int d, uint64_t seed) {
  std::vector<float> v = gaussianRows(rows, d, seed);
  for (int64_t r = 0; r < rows; ++r) {
    double s = 0.0;
    for (int i = 0; i < d; ++i) s += double(v[size_t(r) * d + i]) * v[size_t(r) * d + i];
    const double inv = 1.0 / std::sqrt(s);
    for (int i = 0; i < d; ++i) v[size_t(r) * d + i] = float(v[size_t(r) * d + i] * inv);
  }
  return v;
}

// Mean over rows of ‖x - y‖² / ‖x‖² (rows of length d).
inline double meanRelativeMse(const std::vector<float>& x, const std::vector<float>& y, int d) {
  const size_t rows = x.size() / size_t(d);
  double total = 0.0;
  for (size_t r = 0; r < rows; ++r) {
    double err = 0.0, norm = 0.0;
    for (int i = 0; i < d; ++i) {
      const double a = x[r * d + i], b = y[r * d + i];
      err += (a - b) * (a - b);
      norm += a * a;
    }
    total += err / norm;
  }
  return total / double(rows);
}

inline double dot(const float* a, const float* b, int d) {
  double s = 0.0;
  for (int i = 0; i < d; ++i) s += double(a[i]) * b[i];
  return s;
}

}  // namespace vq::quant::testing
