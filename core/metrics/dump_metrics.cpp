#include "core/metrics/dump_metrics.h"

#include <string>

#include "core/common/error.h"
#include "core/common/thread_pool.h"

namespace vq::metrics {

ValueStats computeValueStats(const Dump& dump, int layer, Role role, int topN, ThreadPool* pool) {
  const LayerInfo& info = dump.layer(layer);
  if (!dump.has(layer, role)) {
    throw Error(ErrorCode::MissingTensor, "layer " + std::to_string(layer) + " has no " +
                                              std::string(roleName(role)));
  }
  const HeadReader reader = [&](int head, std::span<float> out) {
    dump.readHead(layer, role, head, out);
  };
  return computeValueStats(dump.heads(layer, role), info.tokens, info.headDim, reader, topN, pool);
}

std::vector<LayerRoleStats> computeDumpValueStats(const Dump& dump, int topN, ThreadPool& pool,
                                                  std::stop_token stop) {
  std::vector<LayerRoleStats> out;
  for (int l = 0; l < dump.numLayers(); ++l) {
    for (Role r : {Role::Q, Role::K, Role::V, Role::KPreRope}) {
      if (dump.has(l, r)) out.push_back({l, r, {}});
    }
  }
  const bool complete = pool.parallelFor(
      0, int64_t(out.size()),
      [&](int64_t i) {
        LayerRoleStats& s = out[size_t(i)];
        s.stats = computeValueStats(dump, s.layer, s.role, topN, &pool);
      },
      stop);
  if (!complete) throw Error(ErrorCode::Cancelled, "value statistics cancelled");
  return out;
}

std::optional<LayerAttentionResult> evaluateLayerAttention(const Dump& dump, int layer,
                                                           ReconstructionReader readKHat,
                                                           ReconstructionReader readVHat,
                                                           const AttentionOptions& options,
                                                           ThreadPool& pool,
                                                           std::stop_token stop) {
  if (!dump.has(layer, Role::Q)) return std::nullopt;
  const LayerInfo& info = dump.layer(layer);
  LayerAttentionInput in;
  in.qHeads = dump.heads(layer, Role::Q);
  in.kvHeads = dump.heads(layer, Role::K);
  in.tokens = info.tokens;
  in.headDim = info.headDim;
  in.read = [&dump, layer](Role role, int head, std::span<float> out) {
    dump.readHead(layer, role, head, out);
  };
  in.readKHat = std::move(readKHat);
  in.readVHat = std::move(readVHat);
  return evaluateLayerAttention(in, options, pool, std::move(stop));
}

}  // namespace vq::metrics
