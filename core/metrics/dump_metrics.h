// Thin adapters from a Dump to the metrics: they only read heads (Dump::readHead) and shapes
// (Dump::layer / heads / has) and hand them to the callback-based functions of value_stats.h and
// attention_layer.h. This is the only metrics file that needs Dump's implementation (core/io).
#pragma once

#include <optional>
#include <stop_token>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/attention_layer.h"
#include "core/metrics/value_stats.h"

namespace vq::metrics {

// Statistics of one layer and role. Throws Error(MissingTensor) if the dump lacks it.
ValueStats computeValueStats(const Dump& dump, int layer, Role role, int topN = 8,
                             ThreadPool* pool = nullptr);

struct LayerRoleStats {
  int layer = 0;
  Role role = Role::K;
  ValueStats stats;
};

// Every layer and every role it has, ordered by layer then q, k, v, k_pre_rope; (layer, role)
// pairs run in parallel. Throws Error(Cancelled) when `stop` is requested.
std::vector<LayerRoleStats> computeDumpValueStats(const Dump& dump, int topN, ThreadPool& pool,
                                                  std::stop_token stop = {});

// Attention metrics of one layer of the dump against reconstructed keys and/or values (either
// reader may be empty). nullopt when the layer has no queries.
std::optional<LayerAttentionResult> evaluateLayerAttention(const Dump& dump, int layer,
                                                           ReconstructionReader readKHat,
                                                           ReconstructionReader readVHat,
                                                           const AttentionOptions& options,
                                                           ThreadPool& pool,
                                                           std::stop_token stop = {});

}  // namespace vq::metrics
