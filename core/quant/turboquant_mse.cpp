#include "core/quant/turboquant_mse.h"

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
  requireBits("turboquant_mse", config.bits, 1, 8);
  requireRowLength("turboquant_mse", n, 2);
  return config;
}

}  // namespace

TurboQuantMse::TurboQuantMse(const MethodConfig& config, int n)
    : Method(validated(config, n), n),
      m_rotation(n, config.seed),
      m_quantizer(*unitSphereCoordinateCodebook(n, config.bits)),
      m_bytesPerVector(packedBytes(size_t(n), config.bits) + 2) {}

void TurboQuantMse::quantizeRows(const float* x, int64_t rows, uint8_t* idx, float* storedScale,
                                 float* rotated) const {
  const size_t n = size_t(m_n);
  m_rotation.apply(x, rotated, rows);
  for (int64_t r = 0; r < rows; ++r) {
    const float norm = l2Norm(x + size_t(r) * n, n);
    const float inverse = norm > 0.0f ? 1.0f / norm : 0.0f;
    uint8_t* rowIdx = idx + size_t(r) * n;
    m_quantizer.quantize(rotated + size_t(r) * n, inverse, n, rowIdx);
    float scale = norm;
    if (m_config.normCorrection) {
      const float unitNorm = std::sqrt(m_quantizer.squaredNorm(rowIdx, n));
      scale = unitNorm > 0.0f ? norm / unitNorm : 0.0f;
    }
    storedScale[r] = roundMagnitudeToHalf(scale);
  }
}

void TurboQuantMse::reconstructRows(const uint8_t* idx, const float* storedScale, int64_t rows, float* out) const {
  const size_t n = size_t(m_n);
  for (int64_t r = 0; r < rows; ++r) m_quantizer.dequantize(idx + size_t(r) * n, storedScale[r], n, out + size_t(r) * n);
  m_rotation.applyInverse(out, out, rows);
}

void TurboQuantMse::packRow(const uint8_t* idx, float storedScale, std::byte* out) const {
  storeHalf(out, storedScale);
  packIndices(idx, size_t(m_n), m_quantizer.bits(), out + 2);
}

float TurboQuantMse::unpackRow(const std::byte* in, uint8_t* idx) const {
  unpackIndices(in + 2, size_t(m_n), m_quantizer.bits(), idx);
  return loadHalf(in);
}

void TurboQuantMse::encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const {
  requireEncodeBuffers(*this, x, rows, out);
  const size_t n = size_t(m_n);
  const int64_t batch = std::min<int64_t>(rows, kRowsPerBatch);
  std::vector<float> rotated(size_t(batch) * n), scale(static_cast<size_t>(batch));
  std::vector<uint8_t> idx(size_t(batch) * n);
  for (int64_t r0 = 0; r0 < rows; r0 += batch) {
    const int64_t count = std::min(batch, rows - r0);
    quantizeRows(x.data() + size_t(r0) * n, count, idx.data(), scale.data(), rotated.data());
    for (int64_t r = 0; r < count; ++r)
      packRow(idx.data() + size_t(r) * n, scale[size_t(r)], out.data() + size_t(r0 + r) * m_bytesPerVector);
  }
}

void TurboQuantMse::decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const {
  requireDecodeBuffers(*this, in, rows, out);
  const size_t n = size_t(m_n);
  const int64_t batch = std::min<int64_t>(rows, kRowsPerBatch);
  std::vector<float> scale(static_cast<size_t>(batch));
  std::vector<uint8_t> idx(size_t(batch) * n);
  for (int64_t r0 = 0; r0 < rows; r0 += batch) {
    const int64_t count = std::min(batch, rows - r0);
    for (int64_t r = 0; r < count; ++r)
      scale[size_t(r)] = unpackRow(in.data() + size_t(r0 + r) * m_bytesPerVector, idx.data() + size_t(r) * n);
    reconstructRows(idx.data(), scale.data(), count, out.data() + size_t(r0) * n);
  }
}

void TurboQuantMse::roundTrip(std::span<const float> x, int64_t rows, std::span<float> out) const {
  // Same steps as encode + decode without the bit packing (the stored scale is already rounded
  // to fp16 by quantizeRows), hence the same floats.
  requireRoundTripBuffers(*this, x, rows, out);
  const size_t n = size_t(m_n);
  const int64_t batch = std::min<int64_t>(rows, kRowsPerBatch);
  std::vector<float> rotated(size_t(batch) * n), scale(static_cast<size_t>(batch));
  std::vector<uint8_t> idx(size_t(batch) * n);
  for (int64_t r0 = 0; r0 < rows; r0 += batch) {
    const int64_t count = std::min(batch, rows - r0);
    quantizeRows(x.data() + size_t(r0) * n, count, idx.data(), scale.data(), rotated.data());
    reconstructRows(idx.data(), scale.data(), count, out.data() + size_t(r0) * n);
  }
}

}  // namespace vq::quant
