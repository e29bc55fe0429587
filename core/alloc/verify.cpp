#include "core/alloc/verify.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>

#include "core/common/error.h"
#include "core/common/thread_pool.h"

namespace vq::alloc {

using calib::GroupRole;

VerifyPlan verifyPlan(const calib::CalibrationTable& table, const Allocation& allocation) {
  return VerifyPlan{table.groups, table.menu, allocation.choice};
}

VerifyOptions verifyOptions(const calib::CalibrationSettings& s) {
  VerifyOptions o;
  o.metric = s.metric;
  o.protection = s.protection;
  o.attention.sampleQueries = s.queries ? s.queryPositions : 256;
  o.attention.seed = s.querySeed;
  o.useQueries = true;
  return o;
}

namespace {

std::string configKey(const quant::MethodConfig& c) {
  return c.method + "|" + std::to_string(c.bits) + "|" + std::to_string(c.groupSize) + "|" +
         std::to_string(c.normCorrection) + "|" + std::to_string(c.sketchDim) + "|" + std::to_string(c.residualWindow) +
         "|" + std::to_string(c.seed);
}

struct Totals {
  double bytesK = 0, bytesV = 0, valuesK = 0, valuesV = 0;
  metrics::AttentionSums attention;
  bool attentionMissing = false;
  metrics::ReconstructionAccumulator reconK, reconV;
};

// For one plan and one layer: which menu entry each (head, role) uses.
struct LayerAssignment {
  std::vector<int> k, v;  // [head] -> menu entry
};

LayerAssignment assignment(const VerifyPlan& p, int layer, int kvHeads) {
  LayerAssignment a;
  a.k.assign(size_t(kvHeads), -1);
  a.v.assign(size_t(kvHeads), -1);
  for (size_t g = 0; g < p.groups.size(); ++g) {
    const calib::GroupKey& key = p.groups[g].key;
    if (key.layer != layer) continue;
    const int e = p.choice[g];
    for (int h = 0; h < kvHeads; ++h) {
      if (!key.coversHead(h)) continue;
      if (key.coversRole(Role::K)) a.k[size_t(h)] = e;
      if (key.coversRole(Role::V)) a.v[size_t(h)] = e;
    }
  }
  for (int h = 0; h < kvHeads; ++h)
    if (a.k[size_t(h)] < 0 || a.v[size_t(h)] < 0)
      throw Error(ErrorCode::InvalidArgument, "the allocation does not cover layer " + std::to_string(layer) +
                                                  " KV head " + std::to_string(h));
  return a;
}

// Whether calibration's measurements are what this verify pass would measure: the same menu
// (entry by entry), protection and query sample.
bool reusable(const calib::CalibrationMeasurements& m, const std::vector<VerifyPlan>& plans, const VerifyOptions& o,
              bool queries) {
  if (m.protection.describe() != o.protection.describe() || m.queries != queries) return false;
  if (queries && (m.attention.sampleQueries != o.attention.sampleQueries || m.attention.seed != o.attention.seed))
    return false;
  for (const auto& p : plans) {
    if (p.menu.size() != m.menu.size()) return false;
    for (size_t c = 0; c < p.menu.size(); ++c)
      if (configKey(p.menu[c].config) != configKey(m.menu[c].config)) return false;
  }
  return true;
}

const LayerInfo& layerInfo(const Dump& dump, int layer) {
  for (const auto& l : dump.info().layers)
    if (l.index == layer) return l;
  throw Error(ErrorCode::InvalidArgument, "the dump has no layer " + std::to_string(layer));
}

// One plan's measurements of one layer, per KV head.
struct LayerMeasured {
  std::vector<double> bytesK, bytesV;
  std::vector<metrics::ReconstructionAccumulator> reconK, reconV;
  std::vector<metrics::AttentionSums> attention;
};

}  // namespace

std::vector<VerifyResult> verifyAllocations(const Dump& dump, const std::vector<VerifyPlan>& plans,
                                            const VerifyOptions& options, ComputeBackend& backend,
                                            const Progress& progress, calib::CalibrationMeasurements* reuse) {
  quant::validate(options.protection);
  std::set<int> layerSet;
  for (const auto& p : plans) {
    if (p.choice.size() != p.groups.size())
      throw Error(ErrorCode::InvalidArgument, "the allocation has " + std::to_string(p.choice.size()) +
                                                  " choices for " + std::to_string(p.groups.size()) + " groups");
    for (size_t g = 0; g < p.groups.size(); ++g) {
      if (p.choice[g] < 0 || size_t(p.choice[g]) >= p.menu.size())
        throw Error(ErrorCode::InvalidArgument, "group " + p.groups[g].id + ": no menu entry chosen");
      const int l = p.groups[g].key.layer;
      if (l < 0 || l >= dump.numLayers())
        throw Error(ErrorCode::InvalidArgument, "group " + p.groups[g].id + ": the dump has " +
                                                    std::to_string(dump.numLayers()) + " layers");
      layerSet.insert(l);
    }
  }
  const bool queries = options.useQueries && dump.info().hasQueries;
  if (reuse && !reusable(*reuse, plans, options, queries)) reuse = nullptr;
  std::vector<Totals> totals(plans.size());
  std::vector<VerifyResult> results(plans.size());
  for (size_t i = 0; i < plans.size(); ++i) {
    results[i].groupDistortion.assign(plans[i].groups.size(), 0.0);
    results[i].groupBpv.assign(plans[i].groups.size(), 0.0);
  }
  std::vector<double> seconds(plans.size(), 0.0);
  size_t done = 0;
  for (int layer : layerSet) {
    progress.checkCancelled();
    const LayerInfo& info = layerInfo(dump, layer);
    const int kvHeads = info.kvHeads;
    const size_t hs = size_t(info.tokens) * size_t(info.headDim);
    const std::vector<calib::EntryMeasurement>* kept = nullptr;
    if (reuse)
      if (auto it = reuse->layers.find(layer); it != reuse->layers.end() && it->second.size() == reuse->menu.size() &&
                                               it->second.front().bytesK.size() == size_t(kvHeads))
        kept = &it->second;
    std::vector<LayerAssignment> assigned;
    for (const auto& p : plans) assigned.push_back(assignment(p, layer, kvHeads));
    // Heads to evaluate on the layer: all without measurements, else those whose K and V entries
    // differ (calibration measured each entry's K̂ and V̂ together only).
    std::vector<std::vector<bool>> evaluate(plans.size(), std::vector<bool>(size_t(kvHeads), kept == nullptr));
    bool load = kept == nullptr;
    if (kept && queries)
      for (size_t pi = 0; pi < plans.size(); ++pi)
        for (int h = 0; h < kvHeads; ++h)
          if (assigned[pi].k[size_t(h)] != assigned[pi].v[size_t(h)]) load = evaluate[pi][size_t(h)] = true;

    std::unique_ptr<LayerSession> opened;
    LayerSession* session = nullptr;
    std::map<std::string, RoleReconstruction> cache;  // "K|config" / "V|config" -> reconstruction
    auto cacheKey = [&](Role role, const calib::MenuEntry& e) {
      quant::MethodConfig cfg = e.config;
      cfg.seed = e.config.seed + uint64_t(layer);
      return std::string(role == Role::K ? "K|" : "V|") + configKey(cfg);
    };
    if (load && kept) {
      if (auto it = reuse->kept.find(layer); it != reuse->kept.end() && it->second.session &&
                                             it->second.k.size() == reuse->menu.size()) {
        session = it->second.session.get();
        for (size_t c = 0; c < reuse->menu.size(); ++c) {
          cache.emplace(cacheKey(Role::K, reuse->menu[c]), it->second.k[c]);
          cache.emplace(cacheKey(Role::V, reuse->menu[c]), it->second.v[c]);
        }
      }
    }
    if (load && !session) {
      opened = backend.openLayer(loadLayer(dump, layer, queries, &defaultThreadPool()), options.attention);
      session = opened.get();
    }
    auto reconstruction = [&](Role role, const calib::MenuEntry& e) -> const RoleReconstruction* {
      quant::MethodConfig cfg = e.config;
      cfg.seed = e.config.seed + uint64_t(layer);
      const std::string key = cacheKey(role, e);
      auto it = cache.find(key);
      if (it == cache.end()) {
        progress.checkCancelled();
        it = cache.emplace(key, session->quantizeResident(role, cfg, options.protection)).first;
      }
      return &it->second;
    };
    for (size_t pi = 0; pi < plans.size(); ++pi) {
      const auto t0 = std::chrono::steady_clock::now();
      const VerifyPlan& plan = plans[pi];
      const LayerAssignment& a = assigned[pi];
      LayerMeasured m;
      m.bytesK.assign(size_t(kvHeads), 0.0);
      m.bytesV.assign(size_t(kvHeads), 0.0);
      m.reconK.resize(size_t(kvHeads));
      m.reconV.resize(size_t(kvHeads));
      m.attention.resize(size_t(kvHeads));
      if (kept) {
        for (int h = 0; h < kvHeads; ++h) {
          const calib::EntryMeasurement& ek = (*kept)[size_t(a.k[size_t(h)])];
          const calib::EntryMeasurement& ev = (*kept)[size_t(a.v[size_t(h)])];
          m.bytesK[size_t(h)] = ek.bytesK[size_t(h)];
          m.bytesV[size_t(h)] = ev.bytesV[size_t(h)];
          m.reconK[size_t(h)] = ek.reconK[size_t(h)];
          m.reconV[size_t(h)] = ev.reconV[size_t(h)];
          if (queries && !evaluate[pi][size_t(h)]) m.attention[size_t(h)] = ek.attention[size_t(h)];
        }
      }
      if (std::find(evaluate[pi].begin(), evaluate[pi].end(), true) != evaluate[pi].end()) {
        std::vector<const RoleReconstruction*> srcK, srcV;
        for (int h = 0; h < kvHeads; ++h) {
          srcK.push_back(reconstruction(Role::K, plan.menu[size_t(a.k[size_t(h)])]));
          srcV.push_back(reconstruction(Role::V, plan.menu[size_t(a.v[size_t(h)])]));
        }
        const RoleReconstruction k = session->composeHeads(Role::K, srcK);
        const RoleReconstruction v = session->composeHeads(Role::V, srcV);
        for (int h = 0; h < kvHeads; ++h) {
          if (!kept) {
            m.bytesK[size_t(h)] = k.headBytes[size_t(h)];
            m.bytesV[size_t(h)] = v.headBytes[size_t(h)];
            m.reconK[size_t(h)] = session->reconstruction(k, h);
            m.reconV[size_t(h)] = session->reconstruction(v, h);
          }
          if (queries && evaluate[pi][size_t(h)]) {
            auto s = session->attention(h, &k, &v);
            if (!s) throw Error(ErrorCode::Internal, "verify: attention unavailable");
            m.attention[size_t(h)] = *s;
          }
        }
      }
      Totals& tot = totals[pi];
      for (int h = 0; h < kvHeads; ++h) {
        tot.reconK.merge(m.reconK[size_t(h)]);
        tot.reconV.merge(m.reconV[size_t(h)]);
        tot.bytesK += m.bytesK[size_t(h)];
        tot.bytesV += m.bytesV[size_t(h)];
        tot.valuesK += double(hs);
        tot.valuesV += double(hs);
        if (queries) tot.attention.merge(m.attention[size_t(h)]);
      }
      if (!queries) tot.attentionMissing = true;
      for (size_t g = 0; g < plan.groups.size(); ++g) {
        const calib::Group& grp = plan.groups[g];
        if (grp.key.layer != layer) continue;
        double bytes = 0, dist = 0;
        metrics::OutputErrorSums e;
        metrics::ReconstructionAccumulator ak, av;
        for (int h = 0; h < kvHeads; ++h) {
          if (!grp.key.coversHead(h)) continue;
          if (grp.key.coversRole(Role::K)) bytes += m.bytesK[size_t(h)];
          if (grp.key.coversRole(Role::V)) bytes += m.bytesV[size_t(h)];
          ak.merge(m.reconK[size_t(h)]);
          av.merge(m.reconV[size_t(h)]);
          if (queries) {
            const auto& s = m.attention[size_t(h)];
            e.merge(grp.key.role == GroupRole::K ? s.kOnly : grp.key.role == GroupRole::V ? s.vOnly : s.both);
          }
        }
        if (options.metric == calib::Metric::Attention && queries) {
          dist = e.ref2 > 0 ? e.err2 / e.ref2 : 0.0;
        } else {
          auto relMse = [](const metrics::ReconstructionAccumulator& acc) {
            const auto r = acc.finish();
            return r.usedVectors > 0 ? r.relMse : 0.0;
          };
          if (grp.key.coversRole(Role::K)) dist += relMse(ak);
          if (grp.key.coversRole(Role::V)) dist += relMse(av);
        }
        results[pi].groupDistortion[g] = dist;
        results[pi].groupBpv[g] = bytes * 8.0 / double(grp.values);
      }
      seconds[pi] += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    progress.report(double(++done) / double(layerSet.size()), "verified layer " + std::to_string(layer));
  }
  for (size_t pi = 0; pi < plans.size(); ++pi) {
    const Totals& t = totals[pi];
    VerifyResult& r = results[pi];
    r.bpvK = t.valuesK > 0 ? t.bytesK * 8.0 / t.valuesK : 0.0;
    r.bpvV = t.valuesV > 0 ? t.bytesV * 8.0 / t.valuesV : 0.0;
    r.bpv = t.valuesK + t.valuesV > 0 ? (t.bytesK + t.bytesV) * 8.0 / (t.valuesK + t.valuesV) : 0.0;
    r.relMseK = t.reconK.finish().relMse;
    r.relMseV = t.reconV.finish().relMse;
    if (!t.attentionMissing && t.attention.queries > 0) {
      const auto m = t.attention.finish();
      r.queries = m.queries;
      if (m.both) r.outputError = m.both->aggregate;
      if (m.kOnly) r.outputErrorK = m.kOnly->aggregate;
      if (m.vOnly) r.outputErrorV = m.vOnly->aggregate;
    }
    r.seconds = seconds[pi];
  }
  return results;
}

}  // namespace vq::alloc
