#include "core/quant/turbo_block.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/common/error.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/packed_indices.h"
#include "core/quant/rotation_method_support.h"

namespace vq::quant {
namespace {

const MethodConfig& validated(const MethodConfig& config, int n, int indexBits) {
  if (indexBits < 2 || indexBits > 4)
    throw Error(ErrorCode::InvalidArgument, "turbo block type must be turbo2, turbo3 or turbo4, got turbo" +
                                                std::to_string(indexBits));
  if (n <= 0 || n % TurboBlockQuant::kBlockSize != 0)
    throw Error(ErrorCode::InvalidArgument, "turbo" + std::to_string(indexBits) +
                                                " needs a row length (KV heads x head_dim) divisible by 128, got " +
                                                std::to_string(n));
  return config;
}

}  // namespace

TurboBlockQuant::TurboBlockQuant(const MethodConfig& config, int n, int indexBits)
    : Method(validated(config, n, indexBits), n),
      m_rotation(kBlockSize, config.seed),
      m_quantizer(*unitSphereCoordinateCodebook(kBlockSize, indexBits)),
      m_normsPerBlock(indexBits == 4 ? 2 : 1) {}

void TurboBlockQuant::encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const {
  requireEncodeBuffers(*this, x, rows, out);
  constexpr size_t block = kBlockSize;
  const int64_t totalBlocks = rows * int64_t(blocksPerRow());
  const size_t group = block / size_t(m_normsPerBlock);
  const int64_t batch = std::min<int64_t>(totalBlocks, kRowsPerBatch);
  std::vector<float> rotated(size_t(batch) * block);
  std::vector<uint8_t> idx(block);
  for (int64_t b0 = 0; b0 < totalBlocks; b0 += batch) {
    const int64_t count = std::min(batch, totalBlocks - b0);
    const float* xb = x.data() + size_t(b0) * block;
    m_rotation.apply(xb, rotated.data(), count);
    for (int64_t b = 0; b < count; ++b) {
      const float* y = rotated.data() + size_t(b) * block;
      const float norm = l2Norm(xb + size_t(b) * block, block);
      m_quantizer.quantize(y, norm > 0.0f ? 1.0f / norm : 0.0f, block, idx.data());
      std::byte* code = out.data() + size_t(b0 + b) * bytesPerBlock();
      for (int g = 0; g < m_normsPerBlock; ++g) {
        const float groupNorm = l2Norm(y + size_t(g) * group, group);
        const float unitNorm = std::sqrt(m_quantizer.squaredNorm(idx.data() + size_t(g) * group, group));
        storeHalf(code + 2 * g, unitNorm > 0.0f ? groupNorm / unitNorm : 0.0f);
      }
      packIndices(idx.data(), block, indexBits(), code + 2 * m_normsPerBlock);
    }
  }
}

void TurboBlockQuant::decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const {
  requireDecodeBuffers(*this, in, rows, out);
  constexpr size_t block = kBlockSize;
  const int64_t totalBlocks = rows * int64_t(blocksPerRow());
  const size_t group = block / size_t(m_normsPerBlock);
  std::vector<uint8_t> idx(block);
  for (int64_t b = 0; b < totalBlocks; ++b) {
    const std::byte* code = in.data() + size_t(b) * bytesPerBlock();
    float* y = out.data() + size_t(b) * block;
    unpackIndices(code + 2 * m_normsPerBlock, block, indexBits(), idx.data());
    for (int g = 0; g < m_normsPerBlock; ++g)
      m_quantizer.dequantize(idx.data() + size_t(g) * group, loadHalf(code + 2 * g), group, y + size_t(g) * group);
  }
  m_rotation.applyInverse(out.data(), out.data(), totalBlocks);
}

}  // namespace vq::quant
