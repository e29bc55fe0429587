#include "core/quant/turboquant_rvq.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/quant/bitpack.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/packed_indices.h"
#include "core/quant/rotation_method_support.h"

namespace vq::quant {
namespace {

const MethodConfig& validated(const MethodConfig& config, int n) {
  requireBits("turboquant_rvq", config.bits, 1, 8);
  requireRowLength("turboquant_rvq", n, 2);
  return config;
}

}  // namespace

TurboQuantRvq::TurboQuantRvq(const MethodConfig& config, int n)
    : Method(validated(config, n), n),
      m_rotation(n, config.seed),
      m_stage1(*unitSphereCoordinateCodebook(n, config.bits)),
      m_residualStd(std::sqrt(unitSphereCoordinateCodebook(n, config.bits)->mse)),
      m_stage2(*lloydMaxCodebook(Density::laplacian(), config.bits), m_residualStd),
      m_bytesPerVector(packedBytes(2 * size_t(n), config.bits) + 2) {}

void TurboQuantRvq::encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const {
  requireEncodeBuffers(*this, x, rows, out);
  const size_t n = size_t(m_n);
  const int64_t batch = std::min<int64_t>(rows, kRowsPerBatch);
  std::vector<float> rotated(size_t(batch) * n), stage1Values(n);
  std::vector<uint8_t> idx(2 * n);  // stage 1 then stage 2, the packed order
  for (int64_t r0 = 0; r0 < rows; r0 += batch) {
    const int64_t count = std::min(batch, rows - r0);
    const float* xb = x.data() + size_t(r0) * n;
    m_rotation.apply(xb, rotated.data(), count);
    for (int64_t r = 0; r < count; ++r) {
      const float norm = l2Norm(xb + size_t(r) * n, n);
      const float inverse = norm > 0.0f ? 1.0f / norm : 0.0f;
      float* u = rotated.data() + size_t(r) * n;
      for (size_t i = 0; i < n; ++i) u[i] *= inverse;
      m_stage1.quantize(u, 1.0f, n, idx.data());
      m_stage1.dequantize(idx.data(), 1.0f, n, stage1Values.data());
      for (size_t i = 0; i < n; ++i) u[i] -= stage1Values[i];  // the stage-1 residual
      m_stage2.quantize(u, 1.0f, n, idx.data() + n);
      std::byte* code = out.data() + size_t(r0 + r) * m_bytesPerVector;
      storeHalf(code, norm);
      packIndices(idx.data(), 2 * n, m_stage1.bits(), code + 2);
    }
  }
}

void TurboQuantRvq::decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const {
  requireDecodeBuffers(*this, in, rows, out);
  const size_t n = size_t(m_n);
  std::vector<uint8_t> idx(2 * n);
  std::vector<float> stage2Values(n);
  for (int64_t r = 0; r < rows; ++r) {
    const std::byte* code = in.data() + size_t(r) * m_bytesPerVector;
    float* row = out.data() + size_t(r) * n;
    const float norm = loadHalf(code);
    unpackIndices(code + 2, 2 * n, m_stage1.bits(), idx.data());
    m_stage1.dequantize(idx.data(), 1.0f, n, row);
    m_stage2.dequantize(idx.data() + n, 1.0f, n, stage2Values.data());
    for (size_t i = 0; i < n; ++i) row[i] = (row[i] + stage2Values[i]) * norm;
  }
  m_rotation.applyInverse(out.data(), out.data(), rows);
}

}  // namespace vq::quant
