#include "core/quant/qjl.h"

#include <algorithm>
#include <vector>

#include "core/common/error.h"
#include "core/quant/rotation_method_support.h"

namespace vq::quant {
namespace {

const MethodConfig& validated(const MethodConfig& config, int n) {
  requireRowLength("qjl", n, 1);
  requireSketchDim("qjl", config.sketchDim);
  return config;
}

}  // namespace

Qjl::Qjl(const MethodConfig& config, int n)
    : Method(validated(config, n), n), m_sketch(config.sketchDim > 0 ? config.sketchDim : n, n, config.seed) {}

void Qjl::encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const {
  requireEncodeBuffers(*this, x, rows, out);
  const size_t n = size_t(m_n), m = size_t(m_sketch.rows());
  const int64_t batch = std::min<int64_t>(rows, kRowsPerBatch);
  std::vector<float> projected(size_t(batch) * m);
  for (int64_t r0 = 0; r0 < rows; r0 += batch) {
    const int64_t count = std::min(batch, rows - r0);
    m_sketch.project(x.data() + size_t(r0) * n, count, projected.data());
    for (int64_t r = 0; r < count; ++r) {
      std::byte* code = out.data() + size_t(r0 + r) * bytesPerVector();
      storeHalf(code, l2Norm(x.data() + size_t(r0 + r) * n, n));
      m_sketch.packSigns(projected.data() + size_t(r) * m, code + 2);
    }
  }
}

void Qjl::decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const {
  requireDecodeBuffers(*this, in, rows, out);
  const size_t n = size_t(m_n);
  for (int64_t r = 0; r < rows; ++r) {
    const std::byte* code = in.data() + size_t(r) * bytesPerVector();
    m_sketch.reconstruct(code + 2, m_sketch.estimatorScale() * loadHalf(code), out.data() + size_t(r) * n);
  }
}

float Qjl::estimateDot(std::span<const std::byte> code, std::span<const float> q) const {
  float result = 0.0f;
  estimateDots(code, 1, q, std::span<float>(&result, 1));
  return result;
}

void Qjl::estimateDots(std::span<const std::byte> codes, int64_t rows, std::span<const float> q,
                       std::span<float> out) const {
  if (q.size() < size_t(m_n) || codes.size() < storageBytes(rows) || out.size() < size_t(std::max<int64_t>(rows, 0)))
    throw Error(ErrorCode::InvalidArgument, "qjl: estimateDots buffers too small");
  std::vector<float> projectedQuery(size_t(m_sketch.rows()));
  m_sketch.project(q.data(), 1, projectedQuery.data());
  for (int64_t r = 0; r < rows; ++r) {
    const std::byte* code = codes.data() + size_t(r) * bytesPerVector();
    out[size_t(r)] = m_sketch.estimatorScale() * loadHalf(code) * m_sketch.signedSum(projectedQuery.data(), code + 2);
  }
}

}  // namespace vq::quant
