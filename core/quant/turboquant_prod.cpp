#include "core/quant/turboquant_prod.h"

#include <algorithm>
#include <vector>

#include "core/common/error.h"
#include "core/quant/rotation_method_support.h"

namespace vq::quant {
namespace {

const MethodConfig& validated(const MethodConfig& config, int n) {
  requireBits("turboquant_prod", config.bits, 2, 8);
  requireRowLength("turboquant_prod", n, 2);
  requireSketchDim("turboquant_prod", config.sketchDim);
  return config;
}

MethodConfig stage1Config(const MethodConfig& config) {
  MethodConfig c = config;
  c.method = "turboquant_mse";
  c.bits = config.bits - 1;
  c.normCorrection = false;
  return c;
}

}  // namespace

TurboQuantProd::TurboQuantProd(const MethodConfig& config, int n)
    : Method(validated(config, n), n),
      m_stage1(stage1Config(config), n),
      m_sketch(config.sketchDim > 0 ? config.sketchDim : n, n, config.seed + 1) {}

void TurboQuantProd::encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const {
  requireEncodeBuffers(*this, x, rows, out);
  const size_t n = size_t(m_n), m = size_t(m_sketch.rows());
  const uint64_t stage1Bytes = m_stage1.bytesPerVector();
  const int64_t batch = std::min<int64_t>(rows, kRowsPerBatch);
  std::vector<float> scratch(size_t(batch) * n), residual(size_t(batch) * n), projected(size_t(batch) * m);
  std::vector<float> scale(static_cast<size_t>(batch));
  std::vector<uint8_t> idx(size_t(batch) * n);
  for (int64_t r0 = 0; r0 < rows; r0 += batch) {
    const int64_t count = std::min(batch, rows - r0);
    const float* xb = x.data() + size_t(r0) * n;
    m_stage1.quantizeRows(xb, count, idx.data(), scale.data(), scratch.data());
    m_stage1.reconstructRows(idx.data(), scale.data(), count, residual.data());
    for (size_t i = 0; i < size_t(count) * n; ++i) residual[i] = xb[i] - residual[i];
    m_sketch.project(residual.data(), count, projected.data());
    for (int64_t r = 0; r < count; ++r) {
      std::byte* code = out.data() + size_t(r0 + r) * bytesPerVector();
      m_stage1.packRow(idx.data() + size_t(r) * n, scale[size_t(r)], code);
      storeHalf(code + stage1Bytes, l2Norm(residual.data() + size_t(r) * n, n));
      m_sketch.packSigns(projected.data() + size_t(r) * m, code + stage1Bytes + 2);
    }
  }
}

void TurboQuantProd::decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const {
  requireDecodeBuffers(*this, in, rows, out);
  const size_t n = size_t(m_n);
  const uint64_t stage1Bytes = m_stage1.bytesPerVector();
  std::vector<uint8_t> idx(n);
  std::vector<float> correction(n);
  for (int64_t r = 0; r < rows; ++r) {
    const std::byte* code = in.data() + size_t(r) * bytesPerVector();
    float* row = out.data() + size_t(r) * n;
    const float scale = m_stage1.unpackRow(code, idx.data());
    m_stage1.reconstructRows(idx.data(), &scale, 1, row);
    const float residualNorm = loadHalf(code + stage1Bytes);
    m_sketch.reconstruct(code + stage1Bytes + 2, m_sketch.estimatorScale() * residualNorm, correction.data());
    for (size_t i = 0; i < n; ++i) row[i] += correction[i];
  }
}

float TurboQuantProd::estimateDot(std::span<const std::byte> code, std::span<const float> q) const {
  float result = 0.0f;
  estimateDots(code, 1, q, std::span<float>(&result, 1));
  return result;
}

void TurboQuantProd::estimateDots(std::span<const std::byte> codes, int64_t rows, std::span<const float> q,
                                  std::span<float> out) const {
  if (q.size() < size_t(m_n) || codes.size() < storageBytes(rows) || out.size() < size_t(std::max<int64_t>(rows, 0)))
    throw Error(ErrorCode::InvalidArgument, "turboquant_prod: estimateDots buffers too small");
  const size_t n = size_t(m_n);
  const uint64_t stage1Bytes = m_stage1.bytesPerVector();
  // ⟨q, Πᵀ(c·s)⟩ = s·⟨Π q, c⟩: rotate the query once instead of un-rotating every code.
  std::vector<float> rotatedQuery(n), projectedQuery(size_t(m_sketch.rows())), centroids(n);
  std::vector<uint8_t> idx(n);
  m_stage1.rotation().apply(q.data(), rotatedQuery.data(), 1);
  m_sketch.project(q.data(), 1, projectedQuery.data());
  for (int64_t r = 0; r < rows; ++r) {
    const std::byte* code = codes.data() + size_t(r) * bytesPerVector();
    const float scale = m_stage1.unpackRow(code, idx.data());
    m_stage1.quantizer().dequantize(idx.data(), scale, n, centroids.data());
    const float stage1Dot = dotProduct(rotatedQuery.data(), centroids.data(), n);
    const float residualNorm = loadHalf(code + stage1Bytes);
    out[size_t(r)] = stage1Dot + m_sketch.estimatorScale() * residualNorm *
                                     m_sketch.signedSum(projectedQuery.data(), code + stage1Bytes + 2);
  }
}

}  // namespace vq::quant
