#include "core/metrics/reconstruction.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/common/error.h"

namespace vq::metrics {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

void ReconstructionAccumulator::add(std::span<const float> x, std::span<const float> xhat,
                                    int64_t rows, int dim) {
  if (rows < 0 || dim <= 0 || x.size() != size_t(rows) * size_t(dim) || xhat.size() != x.size()) {
    throw Error(ErrorCode::InvalidArgument,
                "reconstruction metrics: expected " + std::to_string(rows) + " x " +
                    std::to_string(dim) + " values, got " + std::to_string(x.size()) + " and " +
                    std::to_string(xhat.size()));
  }
  m_oneMinusCos.reserve(m_oneMinusCos.size() + size_t(rows));
  for (int64_t r = 0; r < rows; ++r) {
    const float* a = x.data() + r * dim;
    const float* b = xhat.data() + r * dim;
    VectorSums v;
    for (int i = 0; i < dim; ++i) {
      const double u = a[i], w = b[i];
      v.dot += u * w;
      v.norm2 += u * u;
      v.hatNorm2 += w * w;
      v.err2 += (u - w) * (u - w);
    }
    if (!std::isfinite(v.dot + v.norm2 + v.hatNorm2 + v.err2)) {  // slow path only for rows that need it
      for (int i = 0; i < dim; ++i) {
        v.nan += std::isnan(a[i]) + std::isnan(b[i]);
        v.inf += std::isinf(a[i]) + std::isinf(b[i]);
      }
    }
    addVector(v);
  }
}

void ReconstructionAccumulator::addVector(const VectorSums& v) {
  ++m_vectors;
  if (v.nan + v.inf > 0) {
    m_nan += v.nan;
    m_inf += v.inf;
    ++m_nonFinite;
    return;
  }
  m_sumErr2 += v.err2;
  m_sumNorm2 += v.norm2;
  if (v.norm2 == 0) {
    ++m_zero;
    return;
  }
  ++m_used;
  m_sumRelMse += v.err2 / v.norm2;
  const double cos = v.hatNorm2 > 0 ? v.dot / std::sqrt(v.norm2 * v.hatNorm2) : 0.0;
  m_sumCos += cos;
  m_oneMinusCos.push_back(float(1.0 - cos));
}

void ReconstructionAccumulator::merge(const ReconstructionAccumulator& o) {
  m_vectors += o.m_vectors;
  m_used += o.m_used;
  m_zero += o.m_zero;
  m_nonFinite += o.m_nonFinite;
  m_nan += o.m_nan;
  m_inf += o.m_inf;
  m_sumRelMse += o.m_sumRelMse;
  m_sumErr2 += o.m_sumErr2;
  m_sumNorm2 += o.m_sumNorm2;
  m_sumCos += o.m_sumCos;
  m_oneMinusCos.insert(m_oneMinusCos.end(), o.m_oneMinusCos.begin(), o.m_oneMinusCos.end());
}

ReconstructionMetrics ReconstructionAccumulator::finish(double bitsPerValue) const {
  ReconstructionMetrics m;
  m.vectors = m_vectors;
  m.usedVectors = m_used;
  m.zeroVectors = m_zero;
  m.nonFiniteVectors = m_nonFinite;
  m.nanCount = m_nan;
  m.infCount = m_inf;
  m.relMse = m_used > 0 ? m_sumRelMse / double(m_used) : kNaN;
  m.cosineMean = m_used > 0 ? m_sumCos / double(m_used) : kNaN;
  if (m_used > 0) {
    // The k-th smallest cosine is the (n-k+1)-th smallest of 1 - cosine.
    std::vector<float> d = m_oneMinusCos;
    const int64_t n = int64_t(d.size());
    const int64_t k = (n + 99) / 100;  // max(1, ceil(n/100)) for n >= 1, in integers
    const auto nth = d.begin() + (n - k);
    std::nth_element(d.begin(), nth, d.end());
    m.cosineP01 = 1.0 - double(*nth);
  } else {
    m.cosineP01 = kNaN;
  }
  const bool anyRows = m_vectors - m_nonFinite > 0;
  m.relMseAggregate = anyRows && m_sumNorm2 > 0 ? m_sumErr2 / m_sumNorm2 : kNaN;
  if (!anyRows || m_sumNorm2 == 0) {
    m.snrDb = kNaN;
  } else if (m_sumErr2 == 0) {
    m.snrDb = std::numeric_limits<double>::infinity();
  } else {
    m.snrDb = 10.0 * std::log10(m_sumNorm2 / m_sumErr2);
  }
  if (bitsPerValue > 0 && std::isfinite(bitsPerValue)) {
    m.bitsPerValue = bitsPerValue;
    m.limitRatio = m.relMse * std::exp2(2.0 * bitsPerValue);
    m.wastedBits = 0.5 * std::log2(m.limitRatio);
  } else {
    m.bitsPerValue = kNaN;
    m.limitRatio = kNaN;
    m.wastedBits = kNaN;
  }
  return m;
}

ReconstructionMetrics reconstructionMetrics(std::span<const float> x, std::span<const float> xhat,
                                            int64_t rows, int dim, double bitsPerValue) {
  ReconstructionAccumulator acc;
  acc.add(x, xhat, rows, dim);
  return acc.finish(bitsPerValue);
}

double nearestRankPercentile(std::span<float> values, double p) {
  if (values.empty()) return kNaN;
  const int64_t n = int64_t(values.size());
  const double q = std::clamp(p, 0.0, 100.0);
  const int64_t k = std::clamp<int64_t>(int64_t(std::ceil(q * double(n) / 100.0)), 1, n);
  const auto nth = values.begin() + (k - 1);
  std::nth_element(values.begin(), nth, values.end());
  return double(*nth);
}

}  // namespace vq::metrics
