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

LayerAssignment assignment(const VerifyPlan& p, const LayerData& d) {
  LayerAssignment a;
  a.k.assign(size_t(d.kvHeads), -1);
  a.v.assign(size_t(d.kvHeads), -1);
  for (size_t g = 0; g < p.groups.size(); ++g) {
    const calib::GroupKey& key = p.groups[g].key;
    if (key.layer != d.layer) continue;
    const int e = p.choice[g];
    for (int h = 0; h < d.kvHeads; ++h) {
      if (!key.coversHead(h)) continue;
      if (key.coversRole(Role::K)) a.k[size_t(h)] = e;
      if (key.coversRole(Role::V)) a.v[size_t(h)] = e;
    }
  }
  for (int h = 0; h < d.kvHeads; ++h)
    if (a.k[size_t(h)] < 0 || a.v[size_t(h)] < 0)
      throw Error(ErrorCode::InvalidArgument, "the allocation does not cover layer " + std::to_string(d.layer) +
                                                  " KV head " + std::to_string(h));
  return a;
}

}  // namespace

std::vector<VerifyResult> verifyAllocations(const Dump& dump, const std::vector<VerifyPlan>& plans,
                                            const VerifyOptions& options, ComputeBackend& backend,
                                            const Progress& progress) {
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
    auto session = backend.openLayer(loadLayer(dump, layer, queries, &defaultThreadPool()), options.attention);
    const LayerData& d = session->data();
    std::map<std::string, RoleReconstruction> cache;  // "K|config" / "V|config" -> reconstruction
    auto reconstruction = [&](Role role, const calib::MenuEntry& e) -> const RoleReconstruction& {
      quant::MethodConfig cfg = e.config;
      cfg.seed = e.config.seed + uint64_t(layer);
      const std::string key = std::string(role == Role::K ? "K|" : "V|") + configKey(cfg);
      auto it = cache.find(key);
      if (it == cache.end()) {
        progress.checkCancelled();
        it = cache.emplace(key, session->quantize(role, cfg, options.protection)).first;
      }
      return it->second;
    };
    for (size_t pi = 0; pi < plans.size(); ++pi) {
      const auto t0 = std::chrono::steady_clock::now();
      const VerifyPlan& plan = plans[pi];
      const LayerAssignment a = assignment(plan, d);
      const size_t hs = d.headSize();
      RoleReconstruction k, v;
      k.role = Role::K;
      v.role = Role::V;
      k.values.resize(d.k.size());
      v.values.resize(d.v.size());
      k.headBytes.assign(size_t(d.kvHeads), 0.0);
      v.headBytes.assign(size_t(d.kvHeads), 0.0);
      for (int h = 0; h < d.kvHeads; ++h) {
        for (Role role : {Role::K, Role::V}) {
          RoleReconstruction& dst = role == Role::K ? k : v;
          const int e = role == Role::K ? a.k[size_t(h)] : a.v[size_t(h)];
          const RoleReconstruction& src = reconstruction(role, plan.menu[size_t(e)]);
          std::copy_n(src.values.begin() + std::ptrdiff_t(size_t(h) * hs), hs,
                      dst.values.begin() + std::ptrdiff_t(size_t(h) * hs));
          dst.headBytes[size_t(h)] = src.headBytes[size_t(h)];
        }
      }
      Totals& tot = totals[pi];
      std::vector<metrics::AttentionSums> sums(size_t(d.kvHeads));
      std::vector<metrics::ReconstructionAccumulator> rk(size_t(d.kvHeads)), rv(size_t(d.kvHeads));
      for (int h = 0; h < d.kvHeads; ++h) {
        rk[size_t(h)] = session->reconstruction(k, h);
        rv[size_t(h)] = session->reconstruction(v, h);
        tot.reconK.merge(rk[size_t(h)]);
        tot.reconV.merge(rv[size_t(h)]);
        tot.bytesK += k.headBytes[size_t(h)];
        tot.bytesV += v.headBytes[size_t(h)];
        tot.valuesK += double(hs);
        tot.valuesV += double(hs);
        if (queries) {
          auto s = session->attention(h, &k, &v);
          if (!s) throw Error(ErrorCode::Internal, "verify: attention unavailable");
          sums[size_t(h)] = *s;
          tot.attention.merge(*s);
        }
      }
      if (!queries) tot.attentionMissing = true;
      for (size_t g = 0; g < plan.groups.size(); ++g) {
        const calib::Group& grp = plan.groups[g];
        if (grp.key.layer != layer) continue;
        double bytes = 0, dist = 0;
        metrics::OutputErrorSums e;
        metrics::ReconstructionAccumulator ak, av;
        for (int h = 0; h < d.kvHeads; ++h) {
          if (!grp.key.coversHead(h)) continue;
          if (grp.key.coversRole(Role::K)) bytes += k.headBytes[size_t(h)];
          if (grp.key.coversRole(Role::V)) bytes += v.headBytes[size_t(h)];
          ak.merge(rk[size_t(h)]);
          av.merge(rv[size_t(h)]);
          if (queries) {
            const auto& s = sums[size_t(h)];
            e.merge(grp.key.role == GroupRole::K ? s.kOnly : grp.key.role == GroupRole::V ? s.vOnly : s.both);
          }
        }
        if (options.metric == calib::Metric::Attention && queries) {
          dist = e.ref2 > 0 ? e.err2 / e.ref2 : 0.0;
        } else {
          auto relMse = [](const metrics::ReconstructionAccumulator& acc) {
            const auto m = acc.finish();
            return m.usedVectors > 0 ? m.relMse : 0.0;
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
