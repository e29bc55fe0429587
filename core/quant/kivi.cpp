#include "core/quant/kivi.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/common/error.h"
#include "core/common/half.h"
#include "core/quant/bitpack.h"
#include "core/quant/format_io.h"

namespace vq::quant {
namespace {

constexpr float kFp16Max = 65504.0f;

// The stored (fp16-rounded) parameters of one group, and how values map to codes with them.
struct GroupParams {
  uint16_t scaleBits = 0, zeroBits = 0;
  float scale = 0.0f, zero = 0.0f;  // the fp16 values as floats

  GroupParams(float min, float max, int levels) {
    const float rawScale = (max - min) / float(levels);
    scaleBits = floatToFp16(std::min(rawScale, kFp16Max));
    zeroBits = floatToFp16(std::clamp(min, -kFp16Max, kFp16Max));
    scale = fp16ToFloat(scaleBits);
    zero = fp16ToFloat(zeroBits);
  }
  uint8_t code(float x, int levels) const {
    if (!(scale > 0.0f)) return 0;
    const float q = std::nearbyint((x - zero) / scale);  // ties to even, as torch.round
    if (!(q > 0.0f)) return 0;  // also NaN
    return q >= float(levels) ? uint8_t(levels) : uint8_t(q);
  }
};

}  // namespace

Kivi::Kivi(MethodConfig config, int n) : Method(std::move(config), n) {
  if (n <= 0)
    throw Error(ErrorCode::InvalidArgument, "kivi needs a positive head_dim, got " + std::to_string(n));
  if (m_config.bits < 1 || m_config.bits > 8)
    throw Error(ErrorCode::InvalidArgument,
                "kivi bits must be 1..8, got " + std::to_string(m_config.bits));
  if (m_config.groupSize < 0)
    throw Error(ErrorCode::InvalidArgument,
                "kivi groupSize must be positive (0: default 32), got " +
                    std::to_string(m_config.groupSize));
  if (m_config.residualWindow < 0)
    throw Error(ErrorCode::InvalidArgument,
                "kivi residualWindow must be >= 0, got " + std::to_string(m_config.residualWindow));
  const int g = m_config.groupSize == 0 ? kKiviDefaultGroupSize : m_config.groupSize;
  if (m_config.isKey) {
    m_group = g;
  } else {
    m_group = std::min(g, n);
    if (n % m_group != 0)
      throw Error(ErrorCode::InvalidArgument,
                  "kivi values are grouped per token: groupSize " + std::to_string(g) +
                      " must divide head_dim " + std::to_string(n) +
                      " (or exceed it: then the group is the whole vector)");
  }
}

int64_t Kivi::residualRows(int64_t rows) const {
  return std::clamp<int64_t>(m_config.residualWindow, 0, std::max<int64_t>(rows, 0));
}

int64_t Kivi::quantizedRows(int64_t rows) const { return std::max<int64_t>(rows, 0) - residualRows(rows); }

int64_t Kivi::groupCount(int64_t rows) const {
  const int64_t tq = quantizedRows(rows);
  if (m_config.isKey) return (tq + m_group - 1) / m_group * m_n;
  return tq * (m_n / m_group);
}

uint64_t Kivi::storageBytes(int64_t rows) const {
  const uint64_t tq = uint64_t(quantizedRows(rows));
  return packedBytes(size_t(tq) * size_t(m_n), bits()) + 4 * uint64_t(groupCount(rows)) +
         2 * uint64_t(residualRows(rows)) * uint64_t(m_n);
}

void Kivi::encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const {
  requireBuffers("kivi", rows, x.size(), uint64_t(rows) * uint64_t(m_n), out.size(), storageBytes(rows));
  const int64_t tq = quantizedRows(rows);
  const size_t d = size_t(m_n);
  const int levels = (1 << bits()) - 1;
  std::vector<uint8_t> codes(size_t(tq) * d);
  std::byte* params = out.data() + packedBytes(codes.size(), bits());

  if (m_config.isKey) {
    std::vector<float> mins(d), maxs(d);
    std::vector<GroupParams> group;
    group.reserve(d);
    for (int64_t t0 = 0; t0 < tq; t0 += m_group) {
      const int64_t t1 = std::min<int64_t>(t0 + m_group, tq);
      std::copy_n(&x[size_t(t0) * d], d, mins.begin());
      std::copy_n(&x[size_t(t0) * d], d, maxs.begin());
      for (int64_t t = t0 + 1; t < t1; ++t)
        for (size_t c = 0; c < d; ++c) {
          mins[c] = std::min(mins[c], x[size_t(t) * d + c]);
          maxs[c] = std::max(maxs[c], x[size_t(t) * d + c]);
        }
      group.clear();
      for (size_t c = 0; c < d; ++c) {
        group.emplace_back(mins[c], maxs[c], levels);
        storeLittleEndian16(group[c].scaleBits, params);
        storeLittleEndian16(group[c].zeroBits, params + 2);
        params += 4;
      }
      for (int64_t t = t0; t < t1; ++t)
        for (size_t c = 0; c < d; ++c)
          codes[size_t(t) * d + c] = group[c].code(x[size_t(t) * d + c], levels);
    }
  } else {
    const size_t g = size_t(m_group);
    for (int64_t t = 0; t < tq; ++t)
      for (size_t c0 = 0; c0 < d; c0 += g) {
        const float* v = &x[size_t(t) * d + c0];
        const auto [lo, hi] = std::minmax_element(v, v + g);
        const GroupParams p(*lo, *hi, levels);
        storeLittleEndian16(p.scaleBits, params);
        storeLittleEndian16(p.zeroBits, params + 2);
        params += 4;
        for (size_t c = 0; c < g; ++c) codes[size_t(t) * d + c0 + c] = p.code(v[c], levels);
      }
  }
  packBits(codes, bits(), out.data());

  std::byte* residual = params;
  for (size_t i = size_t(tq) * d; i < size_t(rows) * d; ++i, residual += 2)
    storeLittleEndian16(floatToFp16(x[i]), residual);
}

void Kivi::decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const {
  requireBuffers("kivi", rows, out.size(), uint64_t(rows) * uint64_t(m_n), in.size(), storageBytes(rows));
  const int64_t tq = quantizedRows(rows);
  const size_t d = size_t(m_n);
  std::vector<uint8_t> codes(size_t(tq) * d);
  unpackBits(in.data(), bits(), codes);
  const std::byte* params = in.data() + packedBytes(codes.size(), bits());
  auto readPair = [&params](float& scale, float& zero) {
    scale = fp16ToFloat(loadLittleEndian16(params));
    zero = fp16ToFloat(loadLittleEndian16(params + 2));
    params += 4;
  };

  if (m_config.isKey) {
    std::vector<float> scales(d), zeros(d);
    for (int64_t t0 = 0; t0 < tq; t0 += m_group) {
      const int64_t t1 = std::min<int64_t>(t0 + m_group, tq);
      for (size_t c = 0; c < d; ++c) readPair(scales[c], zeros[c]);
      for (int64_t t = t0; t < t1; ++t)
        for (size_t c = 0; c < d; ++c) {
          const size_t i = size_t(t) * d + c;
          out[i] = float(codes[i]) * scales[c] + zeros[c];
        }
    }
  } else {
    const size_t g = size_t(m_group);
    for (int64_t t = 0; t < tq; ++t)
      for (size_t c0 = 0; c0 < d; c0 += g) {
        float scale, zero;
        readPair(scale, zero);
        for (size_t c = 0; c < g; ++c) {
          const size_t i = size_t(t) * d + c0 + c;
          out[i] = float(codes[i]) * scale + zero;
        }
      }
  }

  const std::byte* residual = params;
  for (size_t i = size_t(tq) * d; i < size_t(rows) * d; ++i, residual += 2)
    out[i] = fp16ToFloat(loadLittleEndian16(residual));
}

}  // namespace vq::quant
