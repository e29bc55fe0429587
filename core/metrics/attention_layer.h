// Attention metrics of a whole layer: every KV head with its query-head group (GQA), evaluated
// in parallel on the thread pool. The data comes through reader callbacks, so this works for a
// Dump (see dump_metrics.h), a synthetic generator or an in-memory test fixture alike.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <stop_token>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/attention.h"

namespace vq {
class ThreadPool;
}

namespace vq::metrics {

struct AttentionOptions {
  int64_t sampleQueries = 256;  // query positions per head (sampleQueryPositions); <= 0: all
  uint64_t seed = 0;            // sampling seed
};

// Fills `out` ([tokens x headDim] f32) with one head of the original tensor of `role`
// (Role::Q: query head index; Role::K / Role::V: KV head index).
using LayerHeadReader = std::function<void(Role role, int head, std::span<float> out)>;
// Fills `out` ([tokens x headDim] f32) with the reconstruction of one KV head.
using ReconstructionReader = std::function<void(int kvHead, std::span<float> out)>;

struct LayerAttentionInput {
  int qHeads = 0;   // 0: the layer has no queries -> no attention metrics
  int kvHeads = 0;
  int64_t tokens = 0;
  int headDim = 0;
  LayerHeadReader read;
  ReconstructionReader readKHat;  // empty: keys are not quantized (no K metrics)
  ReconstructionReader readVHat;  // empty: values are not quantized (no V metrics)
};

struct LayerAttentionResult {
  std::vector<int64_t> positions;       // the evaluated query positions
  std::vector<AttentionSums> perKvHead;  // KV head j with query heads j·G .. j·G+G−1, G = Hq/Hkv
  AttentionSums total;                   // all heads merged (in head order)
};

// Returns nullopt when the layer has no queries (qHeads == 0): the metrics are unavailable, not 0.
// Throws Error(InvalidArgument) when Hq is not a multiple of Hkv or a shape is not positive,
// Error(Cancelled) when `stop` is requested, and whatever a reader throws.
// Memory per running KV head: (G + 4)·tokens·headDim floats plus the AttentionReference.
std::optional<LayerAttentionResult> evaluateLayerAttention(const LayerAttentionInput& in,
                                                           const AttentionOptions& options,
                                                           ThreadPool& pool,
                                                           std::stop_token stop = {});

}  // namespace vq::metrics
