#include "core/quant/llamacpp_iq4_nl.h"

#include <cmath>
#include <cstring>

#include "core/common/half.h"

namespace vq::quant {
namespace {

constexpr float kAllZeroThreshold = 1e-15f;  // ggml's GROUP_MAX_EPS

// Weighted least-squares fit of d to the indices chosen with inverse scale `id`:
// d = sum(w q x) / sum(w q^2), w = x^2. Accumulated in ggml's order ((w*q)*x, (w*q)*q).
struct Fit {
  float sumQX = 0.0f;
  float sumQ2 = 0.0f;
};

Fit fitIndices(const float* x, float id, uint8_t* indicesOut) {
  Fit fit;
  for (int j = 0; j < kGgmlBlockValues; ++j) {
    const int l = nearestIq4NlIndex(id * x[j]);
    if (indicesOut) indicesOut[j] = uint8_t(l);
    const float q = float(kIq4NlValues[size_t(l)]);
    const float w = x[j] * x[j];
    fit.sumQX += w * q * x[j];
    fit.sumQ2 += w * q * q;
  }
  return fit;
}

}  // namespace

int nearestIq4NlIndex(float x) {
  // Binary search over the 15 midpoints: 2x is exact, and so is the integer sum of neighbours.
  const float twice = x + x;
  int index = 0;
  for (int step = 8; step > 0; step >>= 1) {
    const int candidate = index + step;
    if (twice >= float(kIq4NlValues[size_t(candidate - 1)] + kIq4NlValues[size_t(candidate)]))
      index = candidate;
  }
  return index;
}

BlockIq4Nl quantizeBlockIq4Nl(const float* x, Iq4NlScaleSearch search) {
  float amax = 0.0f, max = 0.0f;
  for (int j = 0; j < kGgmlBlockValues; ++j) {
    const float a = std::fabs(x[j]);
    if (a > amax) {
      amax = a;
      max = x[j];
    }
  }

  std::array<uint8_t, 32> indices{};  // an all-zero block keeps index 0 (ggml clears them)
  float d = 0.0f;
  if (!(amax < kAllZeroThreshold)) {
    const float first = float(kIq4NlValues[0]);  // -127
    // None (ggml's ntry = -1): d0 = max / -127; PlusMinus7 (ntry = 7): d0 = -max / -127.
    const float d0 = search == Iq4NlScaleSearch::None ? max / first : -max / first;
    Fit fit = fitIndices(x, 1.0f / d0, indices.data());
    d = fit.sumQ2 > 0.0f ? fit.sumQX / fit.sumQ2 : 0.0f;
    if (search == Iq4NlScaleSearch::PlusMinus7) {
      float best = d * fit.sumQX;
      for (int itry = -7; itry <= 7; ++itry) {
        const float id = float(itry + kIq4NlValues[0]) / max;
        fit = fitIndices(x, id, nullptr);
        if (fit.sumQ2 > 0.0f && fit.sumQX * fit.sumQX > best * fit.sumQ2) {
          d = fit.sumQX / fit.sumQ2;
          best = d * fit.sumQX;
        }
      }
    }
  }
  if (search == Iq4NlScaleSearch::PlusMinus7) {
    // Indices from the final d (ggml does this even for an all-zero block: id = 0 -> index 8).
    const float id = d != 0.0f ? 1.0f / d : 0.0f;
    for (int j = 0; j < kGgmlBlockValues; ++j)
      indices[size_t(j)] = uint8_t(nearestIq4NlIndex(id * x[j]));
  }

  BlockIq4Nl block{};
  block.d = floatToFp16(d);
  for (int j = 0; j < 16; ++j)
    block.qs[j] = uint8_t(indices[size_t(j)] | (indices[size_t(j) + 16] << 4));
  return block;
}

void dequantizeBlockIq4Nl(const BlockIq4Nl& block, float* y) {
  const float d = fp16ToFloat(block.d);
  for (int j = 0; j < 16; ++j) {
    y[j] = d * float(kIq4NlValues[block.qs[j] & 0x0Fu]);
    y[j + 16] = d * float(kIq4NlValues[block.qs[j] >> 4]);
  }
}

LlamaCppIq4Nl::LlamaCppIq4Nl(MethodConfig config, int n, Iq4NlScaleSearch search)
    : LlamaCppBlockMethod(std::move(config), n, sizeof(BlockIq4Nl)), m_search(search) {}

void LlamaCppIq4Nl::quantizeRow(const float* x, std::byte* out) const {
  const Iq4NlScaleSearch search = m_search;
  quantizeBlocks<BlockIq4Nl>(x, blocksPerRow(), out,
                             [search](const float* block) { return quantizeBlockIq4Nl(block, search); });
}

void LlamaCppIq4Nl::dequantizeRow(const std::byte* in, float* y) const {
  dequantizeBlocks<BlockIq4Nl>(in, blocksPerRow(), y, dequantizeBlockIq4Nl);
}

}  // namespace vq::quant
