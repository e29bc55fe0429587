#include "core/eval/layer_quality.h"

#include <map>
#include <string>

#include "core/alloc/verify.h"
#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "core/compute/layer_data.h"

namespace vq {

namespace {

// Reconstructions of one layer by (role, configuration): both plans reuse what they share.
using ReconstructionCache = std::map<std::string, RoleReconstruction>;

std::string cacheKey(Role role, const quant::MethodConfig& c) {
  return std::string(role == Role::K ? "K|" : "V|") + c.method + "|" + std::to_string(c.bits) + "|" +
         std::to_string(c.groupSize) + "|" + std::to_string(c.normCorrection) + "|" + std::to_string(c.sketchDim) +
         "|" + std::to_string(c.residualWindow) + "|" + std::to_string(c.seed);
}

// The menu entry of (head, role) in `layer` under `choice` (the last group covering it wins);
// -1 when no group covers it.
int entryOf(const calib::CalibrationTable& t, const std::vector<int>& choice, int layer, int head, Role role) {
  int e = -1;
  for (size_t g = 0; g < t.groupCount(); ++g) {
    const auto& k = t.groups[g].key;
    if (k.layer == layer && k.coversHead(head) && k.coversRole(role)) e = choice[g];
  }
  return e;
}

LayerQuality measurePlan(LayerSession& session, const calib::CalibrationTable& t, const std::vector<int>& choice,
                         ReconstructionCache& cache, const quant::ProtectionConfig& protection, bool queries,
                         const Progress& progress) {
  const LayerData& d = session.data();
  metrics::ReconstructionAccumulator rk, rv;
  metrics::AttentionSums sums;
  double bytes = 0, values = 0;
  for (int h = 0; h < d.kvHeads; ++h) {
    const RoleReconstruction* rec[2] = {nullptr, nullptr};
    for (Role role : {Role::K, Role::V}) {
      const int e = entryOf(t, choice, d.layer, h, role);
      if (e < 0)
        throw Error(ErrorCode::InvalidArgument, "the allocation does not cover layer " + std::to_string(d.layer) +
                                                    " head " + std::to_string(h) + (role == Role::K ? " keys" : " values"));
      if (size_t(e) >= t.menu.size())
        throw Error(ErrorCode::InvalidArgument, "menu entry " + std::to_string(e) + " is outside the table's menu of " +
                                                    std::to_string(t.menu.size()));
      quant::MethodConfig cfg = t.menu[size_t(e)].config;
      cfg.seed += uint64_t(d.layer);
      const std::string k = cacheKey(role, cfg);
      auto it = cache.find(k);
      if (it == cache.end()) {
        progress.checkCancelled();
        it = cache.emplace(k, session.quantize(role, cfg, protection)).first;
      }
      rec[role == Role::K ? 0 : 1] = &it->second;
      bytes += it->second.headBytes[size_t(h)];
      values += double(d.headSize());
    }
    rk.merge(session.reconstruction(*rec[0], h));
    rv.merge(session.reconstruction(*rec[1], h));
    if (queries)
      if (auto s = session.attention(h, rec[0], rec[1])) sums.merge(*s);
  }
  LayerQuality q;
  const auto mk = rk.finish(), mv = rv.finish();
  q.cosineK = mk.cosineMean;
  q.cosineV = mv.cosineMean;
  q.relMseK = mk.relMse;
  q.relMseV = mv.relMse;
  q.bpv = values > 0 ? bytes * 8.0 / values : 0.0;
  if (queries && sums.queries > 0) {
    const auto m = sums.finish();
    if (m.both) q.outputError = m.both->aggregate;
    q.outputErr2 = sums.both.err2;
    q.outputRef2 = sums.both.ref2;
    if (m.kOnly) q.outputErrorK = m.kOnly->aggregate;
    if (m.vOnly) q.outputErrorV = m.vOnly->aggregate;
  }
  return q;
}

}  // namespace

void measureLayerQuality(ComputeBackend& backend, const Dump& dump, const calib::CalibrationTable& table,
                         const std::vector<int>& allocation, const std::vector<int>& baseline,
                         const Progress& progress, const std::function<void(LayerQualityRow&&)>& onRow) {
  for (const auto* plan : {&allocation, &baseline})
    if (plan->size() != table.groupCount())
      throw Error(ErrorCode::InvalidArgument, "the plan has " + std::to_string(plan->size()) +
                                                  " choices for a table of " + std::to_string(table.groupCount()) +
                                                  " groups");
  const alloc::VerifyOptions o = alloc::verifyOptions(table.settings);
  const bool queries = o.useQueries && dump.info().hasQueries;
  const auto& layers = table.settings.layers;
  for (size_t i = 0; i < layers.size(); ++i) {
    progress.checkCancelled();
    auto session = backend.openLayer(loadLayer(dump, layers[i], queries, &defaultThreadPool()), o.attention);
    ReconstructionCache cache;
    LayerQualityRow row;
    row.layer = layers[i];
    row.uniform = measurePlan(*session, table, baseline, cache, o.protection, queries, progress);
    row.allocation = measurePlan(*session, table, allocation, cache, o.protection, queries, progress);
    onRow(std::move(row));
    progress.report(double(i + 1) / double(layers.size()), "layer " + std::to_string(layers[i]));
  }
}

}  // namespace vq
