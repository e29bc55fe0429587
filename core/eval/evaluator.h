// Evaluates quantization methods on a dump: per layer and KV head, the reconstruction error of
// keys and values and the attention metrics of real queries (K-only, V-only and both), with the
// exact storage. Sweeps of several configurations open each layer once (DESIGN.md §5, §8).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/common/progress.h"
#include "core/compute/compute_backend.h"
#include "core/io/dump.h"

namespace vq {

struct EvalOptions {
  std::vector<int> layers;              // empty: every layer
  metrics::AttentionOptions attention;  // sampled query positions (sampleQueries <= 0: all)
  quant::ProtectionConfig protection;   // applied to keys and values alike
  bool useQueries = true;               // false: reconstruction metrics only
};

// One KV head of one layer under one configuration.
struct HeadEval {
  int layer = 0;
  int kvHead = 0;
  double bytesK = 0, bytesV = 0;        // exact storage share of this head
  int64_t values = 0;                   // values per role (tokens·headDim)
  metrics::ReconstructionAccumulator reconK, reconV;
  std::optional<metrics::AttentionSums> attention;  // K̂ and V̂ together: keys, kOnly, vOnly, both
};

struct LayerEval {
  int layer = 0;
  uint64_t bytesK = 0, bytesV = 0;
  int64_t protectedRowsK = 0, protectedRowsV = 0;
  std::vector<HeadEval> heads;
};

// Aggregate over every evaluated layer and head.
struct EvalSummary {
  quant::MethodConfig config;
  int layers = 0;
  int64_t valuesPerRole = 0;
  uint64_t bytesK = 0, bytesV = 0;
  double bpvK = 0, bpvV = 0, bpv = 0;   // bits per value (K, V, K+V)
  double compressionVsFp16 = 0;         // 16 / bpv
  metrics::ReconstructionMetrics reconK, reconV;
  std::optional<metrics::AttentionMetrics> attention;  // nullopt without queries
  double seconds = 0;                   // wall time spent on this configuration
};

using LayerCallback = std::function<void(size_t configIndex, const LayerEval&)>;

// Evaluates every configuration on the selected layers. Layers are loaded one at a time and
// kept resident in the backend while all configurations run on them. cfg.seed + layer index is
// the seed of each layer. Throws Error(Cancelled) when progress is cancelled (between layers
// and configurations), Error(InvalidArgument) for a bad method/parameter/layer.
std::vector<EvalSummary> evaluateSweep(const Dump& dump, const std::vector<quant::MethodConfig>& configs,
                                       const EvalOptions& options, ComputeBackend& backend,
                                       const Progress& progress = {}, const LayerCallback& onLayer = {});

// Why `config` cannot run on some layer of the dump (e.g. "turbo3 needs rows divisible by 128,
// got 64"), or nullopt when it can run on every layer.
std::optional<std::string> inapplicableReason(const Dump& dump, const quant::MethodConfig& config);

// Evaluates one configuration inside an open layer session (the unit calibration reuses).
LayerEval evaluateInLayer(LayerSession& session, const quant::MethodConfig& config,
                          const quant::ProtectionConfig& protection);

}  // namespace vq
