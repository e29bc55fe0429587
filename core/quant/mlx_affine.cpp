#include "core/quant/mlx_affine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/common/error.h"
#include "core/common/half.h"
#include "core/quant/bitpack.h"
#include "core/quant/format_io.h"

namespace vq::quant {

bool isMlxAffineBits(int bits) {
  return bits == 2 || bits == 3 || bits == 4 || bits == 6 || bits == 8;
}

MlxAffine::MlxAffine(MethodConfig config, int n) : Method(std::move(config), n) {
  if (n <= 0)
    throw Error(ErrorCode::InvalidArgument,
                "mlx_affine needs a positive head_dim, got " + std::to_string(n));
  if (!isMlxAffineBits(m_config.bits))
    throw Error(ErrorCode::InvalidArgument,
                "mlx_affine bits must be one of 2, 3, 4, 6, 8 (MLX's affine widths), got " +
                    std::to_string(m_config.bits));
  if (m_config.groupSize < 0)
    throw Error(ErrorCode::InvalidArgument,
                "mlx_affine groupSize must be positive (0: default 64), got " +
                    std::to_string(m_config.groupSize));
  const int g = m_config.groupSize == 0 ? kMlxDefaultGroupSize : m_config.groupSize;
  m_group = std::min(g, n);
  if (n % m_group != 0)
    throw Error(ErrorCode::InvalidArgument,
                "mlx_affine groupSize " + std::to_string(g) + " must divide head_dim " +
                    std::to_string(n) + " (or exceed it: then the group is the whole vector)");
}

size_t MlxAffine::rowBytes() const {
  return size_t(groupsPerRow()) * (packedBytes(size_t(m_group), bits()) + 4);
}

uint64_t MlxAffine::storageBytes(int64_t rows) const {
  return rows <= 0 ? 0 : uint64_t(rows) * rowBytes();
}

void MlxAffine::encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const {
  requireBuffers("mlx_affine", rows, x.size(), uint64_t(rows) * uint64_t(m_n), out.size(),
                 storageBytes(rows));
  const int groups = groupsPerRow();
  const size_t codeBytes = packedBytes(size_t(m_group), bits());
  const float bins = float((1 << bits()) - 1);
  const float eps = 1e-7f;
  std::vector<uint8_t> groupCodes(static_cast<size_t>(m_group), 0);  // one group at a time, reused

  for (int64_t r = 0; r < rows; ++r) {
    const float* row = x.data() + size_t(r) * size_t(m_n);
    std::byte* rowOut = out.data() + size_t(r) * rowBytes();
    std::byte* scalesOut = rowOut + size_t(groups) * codeBytes;
    std::byte* biasesOut = scalesOut + 2 * size_t(groups);
    for (int gi = 0; gi < groups; ++gi) {
      const float* w = row + size_t(gi) * size_t(m_group);
      // MLX's GPU kernels: the running min starts at the largest float, the running max at 0.
      float wMin = std::numeric_limits<float>::max(), wMax = 0.0f;
      for (int j = 0; j < m_group; ++j) {
        wMax = std::max(wMax, w[j]);
        wMin = std::min(wMin, w[j]);
      }
      const bool anchorIsMin = std::fabs(wMin) > std::fabs(wMax);
      float scale = std::max((wMax - wMin) / bins, eps);
      scale = anchorIsMin ? scale : -scale;
      const float anchor = anchorIsMin ? wMin : wMax;
      const float q0 = std::round(anchor / scale);  // halves away from zero, as Metal's round()
      float bias = 0.0f;
      if (q0 != 0.0f) {
        scale = anchor / q0;
        bias = anchor;
      }
      for (int j = 0; j < m_group; ++j) {
        const float q = std::min(std::round((w[j] - bias) / scale), bins);
        groupCodes[size_t(j)] = q > 0.0f ? uint8_t(q) : 0;  // q > 0 also rejects NaN
      }
      packBits(groupCodes, bits(), rowOut + size_t(gi) * codeBytes);
      storeLittleEndian16(floatToFp16(scale), scalesOut + 2 * size_t(gi));
      storeLittleEndian16(floatToFp16(bias), biasesOut + 2 * size_t(gi));
    }
  }
}

void MlxAffine::decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const {
  requireBuffers("mlx_affine", rows, out.size(), uint64_t(rows) * uint64_t(m_n), in.size(),
                 storageBytes(rows));
  const int groups = groupsPerRow();
  const size_t codeBytes = packedBytes(size_t(m_group), bits());
  std::vector<uint8_t> groupCodes(static_cast<size_t>(m_group), 0);  // one group at a time, reused

  for (int64_t r = 0; r < rows; ++r) {
    const std::byte* rowIn = in.data() + size_t(r) * rowBytes();
    const std::byte* scalesIn = rowIn + size_t(groups) * codeBytes;
    const std::byte* biasesIn = scalesIn + 2 * size_t(groups);
    float* y = out.data() + size_t(r) * size_t(m_n);
    for (int gi = 0; gi < groups; ++gi) {
      unpackBits(rowIn + size_t(gi) * codeBytes, bits(), groupCodes);
      const float scale = fp16ToFloat(loadLittleEndian16(scalesIn + 2 * size_t(gi)));
      const float bias = fp16ToFloat(loadLittleEndian16(biasesIn + 2 * size_t(gi)));
      for (int j = 0; j < m_group; ++j)
        y[size_t(gi) * size_t(m_group) + size_t(j)] = scale * float(groupCodes[size_t(j)]) + bias;
    }
  }
}

}  // namespace vq::quant
