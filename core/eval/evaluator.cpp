#include "core/eval/evaluator.h"

#include <chrono>
#include <string>

#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "core/quant/registry.h"

namespace vq {

LayerEval evaluateInLayer(LayerSession& session, const quant::MethodConfig& config,
                          const quant::ProtectionConfig& protection) {
  const LayerData& d = session.data();
  quant::MethodConfig cfg = config;
  cfg.seed = config.seed + uint64_t(d.layer);
  const RoleReconstruction k = session.quantizeResident(Role::K, cfg, protection);
  const RoleReconstruction v = session.quantizeResident(Role::V, cfg, protection);
  LayerEval out;
  out.layer = d.layer;
  out.bytesK = k.bytes;
  out.bytesV = v.bytes;
  out.protectedRowsK = k.protectedRows;
  out.protectedRowsV = v.protectedRows;
  out.heads.resize(size_t(d.kvHeads));
  for (int h = 0; h < d.kvHeads; ++h) {
    HeadEval& e = out.heads[size_t(h)];
    e.layer = d.layer;
    e.kvHead = h;
    e.bytesK = k.headBytes[size_t(h)];
    e.bytesV = v.headBytes[size_t(h)];
    e.values = int64_t(d.headSize());
    e.reconK = session.reconstruction(k, h);
    e.reconV = session.reconstruction(v, h);
    e.attention = session.attention(h, &k, &v);
  }
  return out;
}

std::optional<std::string> inapplicableReason(const Dump& dump, const quant::MethodConfig& config) {
  const quant::MethodInfo* info = quant::findMethod(config.method);
  if (!info) return "unknown method '" + config.method + "'";
  for (const auto& l : dump.info().layers) {
    const int n = info->scope == quant::RowScope::LayerRow ? l.kvHeads * l.headDim : l.headDim;
    try {
      info->create(config, n);
    } catch (const Error& e) {
      return "layer " + std::to_string(l.index) + ": " + e.detail();
    }
  }
  return std::nullopt;
}

namespace {

struct Totals {
  uint64_t bytesK = 0, bytesV = 0;
  int64_t values = 0;
  int layers = 0;
  metrics::ReconstructionAccumulator reconK, reconV;
  std::optional<metrics::AttentionSums> attention;
  bool attentionMissing = false;  // some layer had no queries
  double seconds = 0;

  void add(const LayerEval& l) {
    ++layers;
    bytesK += l.bytesK;
    bytesV += l.bytesV;
    for (const auto& h : l.heads) {
      values += h.values;
      reconK.merge(h.reconK);
      reconV.merge(h.reconV);
      if (!h.attention) {
        attentionMissing = true;
      } else if (!attention) {
        attention = *h.attention;
      } else {
        attention->merge(*h.attention);
      }
    }
  }

  EvalSummary finish(const quant::MethodConfig& cfg) const {
    EvalSummary s;
    s.config = cfg;
    s.layers = layers;
    s.valuesPerRole = values;
    s.bytesK = bytesK;
    s.bytesV = bytesV;
    s.bpvK = values ? double(bytesK) * 8.0 / double(values) : 0.0;
    s.bpvV = values ? double(bytesV) * 8.0 / double(values) : 0.0;
    s.bpv = 0.5 * (s.bpvK + s.bpvV);
    s.compressionVsFp16 = s.bpv > 0 ? 16.0 / s.bpv : 0.0;
    s.reconK = reconK.finish(s.bpvK);
    s.reconV = reconV.finish(s.bpvV);
    if (attention && !attentionMissing) s.attention = attention->finish();
    s.seconds = seconds;
    return s;
  }
};

}  // namespace

std::vector<EvalSummary> evaluateSweep(const Dump& dump, const std::vector<quant::MethodConfig>& configs,
                                       const EvalOptions& options, ComputeBackend& backend,
                                       const Progress& progress, const LayerCallback& onLayer) {
  std::vector<int> layers = options.layers;
  if (layers.empty())
    for (int l = 0; l < dump.numLayers(); ++l) layers.push_back(l);
  for (int l : layers)
    if (l < 0 || l >= dump.numLayers())
      throw Error(ErrorCode::InvalidArgument, "layer " + std::to_string(l) + " does not exist (the dump has " +
                                                  std::to_string(dump.numLayers()) + " layers)");
  quant::validate(options.protection);
  std::vector<Totals> totals(configs.size());
  const double steps = double(layers.size() * std::max<size_t>(1, configs.size()));
  size_t done = 0;
  for (int l : layers) {
    progress.checkCancelled();
    auto session = backend.openLayer(loadLayer(dump, l, options.useQueries, &defaultThreadPool()), options.attention);
    for (size_t c = 0; c < configs.size(); ++c) {
      progress.checkCancelled();
      const auto t0 = std::chrono::steady_clock::now();
      const LayerEval e = evaluateInLayer(*session, configs[c], options.protection);
      totals[c].seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      totals[c].add(e);
      if (onLayer) onLayer(c, e);
      progress.report(double(++done) / steps, "layer " + std::to_string(l) + " " + configs[c].method);
    }
  }
  std::vector<EvalSummary> out;
  for (size_t c = 0; c < configs.size(); ++c) out.push_back(totals[c].finish(configs[c]));
  return out;
}

}  // namespace vq
