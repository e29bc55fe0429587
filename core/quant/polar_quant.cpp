#include "core/quant/polar_quant.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "core/common/error.h"
#include "core/quant/bitpack.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/packed_indices.h"
#include "core/quant/rotation_method_support.h"

namespace vq::quant {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

const MethodConfig& validated(const MethodConfig& config, int n) {
  requireBits("polar", config.bits, 1, 8 - PolarQuant::kLevelOneExtraBits);
  if (n < 16 || n % 16 != 0)
    throw Error(ErrorCode::InvalidArgument, "polar needs head_dim divisible by 16, got " + std::to_string(n));
  return config;
}

// Number of angles at level ℓ (1-based) for dimension d: d / 2^ℓ.
size_t anglesAt(int level, size_t d) { return d >> level; }

}  // namespace

PolarQuant::PolarQuant(const MethodConfig& config, int n)
    : Method(validated(config, n), n), m_rotation(n, config.seed) {
  const size_t d = size_t(n);
  for (int level = 2; level <= kLevels; ++level)
    m_angle[size_t(level - 2)] = ScalarQuantizer(*lloydMaxCodebook(Density::polarAngle(level), config.bits));
  // Level 1: uniform cells of width 2π/K on [0, 2π), centroids at the cell centres.
  const int k1 = 1 << levelBits(1);
  for (int i = 0; i < k1; ++i) {
    const double c = (i + 0.5) * kTwoPi / k1;
    m_tables[0].cosine.push_back(float(std::cos(c)));
    m_tables[0].sine.push_back(float(std::sin(c)));
  }
  for (int level = 2; level <= kLevels; ++level)
    for (float c : m_angle[size_t(level - 2)].centroids()) {
      m_tables[size_t(level - 1)].cosine.push_back(float(std::cos(double(c))));
      m_tables[size_t(level - 1)].sine.push_back(float(std::sin(double(c))));
    }
  const size_t upperAngles = anglesAt(2, d) + anglesAt(3, d) + anglesAt(4, d);  // 7d/16
  m_radiiBytes = 2 * (d / 16);
  m_levelOneBytes = packedBytes(anglesAt(1, d), levelBits(1));
  m_bytesPerVector = m_radiiBytes + m_levelOneBytes + packedBytes(upperAngles, config.bits);
}

// idx: d/2 + 7d/16 scratch indices (level 1, then levels 2..4); radii: d/2 scratch floats.
void PolarQuant::encodeRow(const float* y, std::byte* code, uint8_t* idx, float* radii) const {
  const size_t d = size_t(m_n);
  const int k1 = 1 << levelBits(1);
  const float cellsPerRadian = float(k1 / kTwoPi);
  // Level 1: pairs of rotated coordinates.
  for (size_t i = 0; i < d / 2; ++i) {
    const float a = y[2 * i], b = y[2 * i + 1];
    radii[i] = std::sqrt(a * a + b * b);
    float psi = std::atan2(b, a);
    if (psi < 0.0f) psi += float(kTwoPi);
    idx[i] = uint8_t(std::min(int(psi * cellsPerRadian), k1 - 1));
  }
  // Levels 2..4: pairs of radii of the level below (in place: radii[i] <- norm of the pair).
  uint8_t* upper = idx + d / 2;
  size_t count = d / 2;
  for (int level = 2; level <= kLevels; ++level) {
    const ScalarQuantizer& q = m_angle[size_t(level - 2)];
    for (size_t i = 0; i < count / 2; ++i) {
      const float a = radii[2 * i], b = radii[2 * i + 1];
      const float psi = std::atan2(b, a);  // in [0, π/2]: both non-negative
      *upper++ = q.quantizeOne(psi);
      radii[i] = std::sqrt(a * a + b * b);
    }
    count /= 2;
  }
  for (size_t i = 0; i < d / 16; ++i) storeHalf(code + 2 * i, radii[i]);
  packIndices(idx, d / 2, levelBits(1), code + m_radiiBytes);
  packIndices(idx + d / 2, anglesAt(2, d) + anglesAt(3, d) + anglesAt(4, d), m_config.bits,
              code + m_radiiBytes + m_levelOneBytes);
}

void PolarQuant::decodeRow(const std::byte* code, float* out, uint8_t* idx, float* radii) const {
  const size_t d = size_t(m_n);
  unpackIndices(code + m_radiiBytes, d / 2, levelBits(1), idx);
  const size_t upperCount = anglesAt(2, d) + anglesAt(3, d) + anglesAt(4, d);
  unpackIndices(code + m_radiiBytes + m_levelOneBytes, upperCount, m_config.bits, idx + d / 2);
  // radii holds d/2 floats; the top level's d/16 radii first, expanded top-down in place
  // (from the back so that no value is overwritten before it is read).
  for (size_t i = 0; i < d / 16; ++i) radii[i] = loadHalf(code + 2 * i);
  // Offsets of each level's indices inside idx + d/2: level 2 at 0, level 3 at d/4, level 4 at d/4 + d/8.
  size_t offset[kLevels + 1] = {0, 0, d / 2, d / 2 + d / 4, d / 2 + d / 4 + d / 8};
  size_t count = d / 16;  // radii at the current level
  for (int level = kLevels; level >= 2; --level) {
    const AngleTable& t = m_tables[size_t(level - 1)];
    const uint8_t* levelIdx = idx + offset[level];
    for (size_t i = count; i-- > 0;) {
      const float r = radii[i];
      radii[2 * i] = r * t.cosine[levelIdx[i]];
      radii[2 * i + 1] = r * t.sine[levelIdx[i]];
    }
    count *= 2;
  }
  const AngleTable& t1 = m_tables[0];
  for (size_t i = 0; i < d / 2; ++i) {
    out[2 * i] = radii[i] * t1.cosine[idx[i]];
    out[2 * i + 1] = radii[i] * t1.sine[idx[i]];
  }
}

void PolarQuant::encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const {
  requireEncodeBuffers(*this, x, rows, out);
  const size_t d = size_t(m_n);
  const int64_t batch = std::min<int64_t>(rows, kRowsPerBatch);
  std::vector<float> rotated(size_t(batch) * d), radii(d / 2);
  std::vector<uint8_t> idx(d);
  for (int64_t r0 = 0; r0 < rows; r0 += batch) {
    const int64_t count = std::min(batch, rows - r0);
    m_rotation.apply(x.data() + size_t(r0) * d, rotated.data(), count);
    for (int64_t r = 0; r < count; ++r)
      encodeRow(rotated.data() + size_t(r) * d, out.data() + size_t(r0 + r) * m_bytesPerVector, idx.data(),
                radii.data());
  }
}

void PolarQuant::decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const {
  requireDecodeBuffers(*this, in, rows, out);
  const size_t d = size_t(m_n);
  std::vector<float> radii(d / 2);
  std::vector<uint8_t> idx(d);
  for (int64_t r = 0; r < rows; ++r)
    decodeRow(in.data() + size_t(r) * m_bytesPerVector, out.data() + size_t(r) * d, idx.data(), radii.data());
  m_rotation.applyInverse(out.data(), out.data(), rows);
}

}  // namespace vq::quant
