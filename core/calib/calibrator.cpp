#include "core/calib/calibrator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <string>

#include "core/calib/probes.h"
#include "core/common/error.h"
#include "core/common/thread_pool.h"

namespace vq::calib {

namespace {

int roleClass(GroupRole r) { return r == GroupRole::K ? 0 : r == GroupRole::V ? 1 : 2; }

const metrics::OutputErrorSums& outputSums(const metrics::AttentionSums& s, GroupRole r) {
  return r == GroupRole::K ? s.kOnly : r == GroupRole::V ? s.vOnly : s.both;
}

void requireFinite(double d, const Group& g, const MenuEntry& e) {
  if (!std::isfinite(d) || d < 0)
    throw Error(ErrorCode::InvalidArgument, "group " + g.id + " with " + e.label +
                                                ": the distortion is not finite (does the dump hold NaN or inf?)");
}

// Rows of the table being filled, plus the unnormalised weights.
struct Accumulating {
  CalibrationTable table;
  std::vector<std::vector<double>> storedBits;  // [g][c]
  std::vector<double> rawWeight;                 // [g]
  std::vector<double> share;                     // [g]: Σ‖o‖² (attention) or values (mse/keynorm)
};

// Stored bits of every group of the layer for one entry.
void addStorage(Accumulating& acc, size_t g0, size_t g1, size_t c, const HeadStorage& st) {
  for (size_t g = g0; g < g1; ++g) {
    const GroupKey& key = acc.table.groups[g].key;
    double bytes = 0;
    for (size_t h = 0; h < st.k.size(); ++h) {
      if (!key.coversHead(int(h))) continue;
      if (key.coversRole(Role::K)) bytes += st.k[h];
      if (key.coversRole(Role::V)) bytes += st.v[h];
    }
    acc.storedBits[g][c] = bytes * 8.0;
  }
}

void measureEmpirical(Accumulating& acc, LayerSession& session, size_t g0, size_t g1, const CalibrationOptions& o,
                      const Progress& progress, std::vector<EntryMeasurement>* keep,
                      CalibrationMeasurements::KeptLayer* keptLayer) {
  const LayerData& d = session.data();
  const bool attention = acc.table.settings.metric == Metric::Attention;
  for (size_t c = 0; c < acc.table.menu.size(); ++c) {
    progress.checkCancelled();
    const MenuEntry& entry = acc.table.menu[c];
    quant::MethodConfig cfg = entry.config;
    cfg.seed = entry.config.seed + uint64_t(d.layer);
    // Only this session reads them: a device backend keeps them on the device.
    const RoleReconstruction k = session.quantizeResident(Role::K, cfg, o.protection);
    const RoleReconstruction v = session.quantizeResident(Role::V, cfg, o.protection);
    addStorage(acc, g0, g1, c, HeadStorage{k.headBytes, v.headBytes});
    std::vector<metrics::AttentionSums> sums(size_t(d.kvHeads));
    std::vector<metrics::ReconstructionAccumulator> rk(size_t(d.kvHeads)), rv(size_t(d.kvHeads));
    for (int h = 0; h < d.kvHeads; ++h) {
      if (attention) {
        auto s = session.attention(h, &k, &v);
        if (!s) throw Error(ErrorCode::Internal, "attention metric without queries");
        sums[size_t(h)] = *s;
      }
      if (!attention || keep) {
        rk[size_t(h)] = session.reconstruction(k, h);
        rv[size_t(h)] = session.reconstruction(v, h);
      }
    }
    if (keep) {
      EntryMeasurement& m = (*keep)[c];
      m.bytesK = k.headBytes;
      m.bytesV = v.headBytes;
      m.reconK = rk;
      m.reconV = rv;
      if (attention) m.attention = sums;
    }
    if (keptLayer) {
      keptLayer->k.push_back(k);
      keptLayer->v.push_back(v);
    }
    for (size_t g = g0; g < g1; ++g) {
      const Group& grp = acc.table.groups[g];
      double dist = 0;
      if (attention) {
        metrics::OutputErrorSums e;
        for (int h = 0; h < d.kvHeads; ++h)
          if (grp.key.coversHead(h)) e.merge(outputSums(sums[size_t(h)], grp.key.role));
        dist = e.ref2 > 0 ? e.err2 / e.ref2 : 0.0;
        if (c == 0) acc.share[g] = acc.rawWeight[g] = e.ref2;
      } else {
        metrics::ReconstructionAccumulator ak, av;
        for (int h = 0; h < d.kvHeads; ++h) {
          if (!grp.key.coversHead(h)) continue;
          ak.merge(rk[size_t(h)]);
          av.merge(rv[size_t(h)]);
        }
        auto relMse = [](const metrics::ReconstructionAccumulator& a) {
          const auto m = a.finish();
          return m.usedVectors > 0 ? m.relMse : 0.0;
        };
        if (grp.key.coversRole(Role::K)) dist += relMse(ak);
        if (grp.key.coversRole(Role::V)) dist += relMse(av);
        if (c == 0) acc.share[g] = acc.rawWeight[g] = double(grp.values);
      }
      requireFinite(dist, grp, entry);
      acc.table.distortion[g][c] = dist;
    }
  }
}

double modelRate(const MenuEntry& e, double storedBits, int64_t values) {
  return e.bits > 0 ? double(e.bits) : storedBits / double(values);
}

void measureModelProbe(Accumulating& acc, LayerSession& session, size_t g0, size_t g1, const CalibrationOptions& o,
                       const Progress& progress) {
  const LayerData& d = session.data();
  for (size_t c = 0; c < acc.table.menu.size(); ++c) {
    progress.checkCancelled();
    quant::MethodConfig cfg = acc.table.menu[c].config;
    cfg.seed += uint64_t(d.layer);
    addStorage(acc, g0, g1, c, entryStorage(session, cfg, o.protection));
    for (size_t g = g0; g < g1; ++g)
      acc.table.distortion[g][c] =
          modelDistortion(modelRate(acc.table.menu[c], acc.storedBits[g][c], acc.table.groups[g].values), o.beta);
  }
  if (o.probe == Probe::KeyNorm) {
    for (size_t g = g0; g < g1; ++g) {
      acc.rawWeight[g] = meanSquaredNorm(d, acc.table.groups[g]);
      acc.share[g] = 1.0;
    }
    return;
  }
  progress.checkCancelled();
  const auto heads = perturbLayer(session, o.noiseScale, o.noiseSeed);
  for (size_t g = g0; g < g1; ++g) {
    const Group& grp = acc.table.groups[g];
    metrics::OutputErrorSums e;
    double noise2 = 0, signal2 = 0;
    for (int h = 0; h < d.kvHeads; ++h) {
      if (!grp.key.coversHead(h)) continue;
      const PerturbHead& p = heads[size_t(h)];
      e.merge(outputSums(p.sums, grp.key.role));
      if (grp.key.coversRole(Role::K)) {
        noise2 += p.noiseK2;
        signal2 += p.signalK2;
      }
      if (grp.key.coversRole(Role::V)) {
        noise2 += p.noiseV2;
        signal2 += p.signalV2;
      }
    }
    const double outErr = e.ref2 > 0 ? e.err2 / e.ref2 : 0.0;
    const double rho = signal2 > 0 ? noise2 / signal2 : 0.0;
    const double s = rho > 0 ? outErr / rho : 0.0;
    acc.share[g] = e.ref2;
    acc.rawWeight[g] = s * e.ref2;
  }
}

}  // namespace

CalibrationTable calibrate(const Dump& dump, const CalibrationOptions& o, ComputeBackend& backend,
                           const Progress& progress, const GroupCallback& onGroup, CalibrationMeasurements* keep) {
  const DumpInfo& info = dump.info();
  const bool queries = info.hasQueries && o.useQueries;
  Accumulating acc;
  CalibrationTable& t = acc.table;
  CalibrationSettings& s = t.settings;
  s.probe = o.probe;
  s.granularity = o.granularity;
  s.kv = o.kv;
  s.menuKind = o.menu.kind;
  s.protection = o.protection;
  s.noiseScale = o.noiseScale;
  s.noiseSeed = o.noiseSeed;
  s.beta = o.beta;
  s.metric = o.metric.value_or(queries ? Metric::Attention : Metric::Mse);
  quant::validate(o.protection);
  if (o.probe == Probe::Perturb && !queries)
    throw Error(ErrorCode::InvalidArgument, "the perturb probe measures attention output and needs queries; " +
                                                std::string(info.hasQueries ? "queries are disabled"
                                                                            : "this dump has none") +
                                                " (use keynorm or empirical)");
  if (o.probe == Probe::Empirical && s.metric == Metric::Attention && !queries)
    throw Error(ErrorCode::InvalidArgument, "the attention metric needs queries; " +
                                                std::string(info.hasQueries ? "queries are disabled" : "this dump has none") +
                                                " (use the mse metric)");
  if ((o.probe == Probe::KeyNorm || o.probe == Probe::Perturb) && !(o.beta > 1.0 && std::isfinite(o.beta)))
    throw Error(ErrorCode::InvalidArgument, "beta must be > 1, got " + std::to_string(o.beta));
  const bool useAttention = (o.probe == Probe::Empirical && s.metric == Metric::Attention) || o.probe == Probe::Perturb;
  s.queries = useAttention;
  s.queryPositions = useAttention ? o.attention.sampleQueries : 0;
  s.querySeed = useAttention ? o.attention.seed : 0;
  if (o.probe == Probe::Empirical && s.metric == Metric::Mse && !o.metric)
    s.notes.push_back(info.hasQueries ? "queries were not used: distortion is the relative MSE of the reconstructed vectors"
                                      : "the dump has no queries: distortion is the relative MSE of the reconstructed vectors");
  if (o.probe != Probe::Empirical)
    s.notes.push_back("distortion is the model curve beta^-rate (beta " + std::to_string(o.beta) +
                      "), not a measurement; the probe sets the weights");

  t.dump = identifyDump(dump);
  t.menu = buildMenu(o.menu);
  checkMenuGranularity(t.menu, o.granularity);
  t.groups = makeGroups(info, o.granularity, o.kv, o.layers);
  for (const auto& g : t.groups)
    if (s.layers.empty() || s.layers.back() != g.key.layer) s.layers.push_back(g.key.layer);
  const size_t G = t.groups.size(), C = t.menu.size();
  t.distortion.assign(G, std::vector<double>(C, 0.0));
  t.bpv.assign(G, std::vector<double>(C, 0.0));
  t.weight.assign(G, 0.0);
  acc.storedBits.assign(G, std::vector<double>(C, 0.0));
  acc.rawWeight.assign(G, 0.0);
  acc.share.assign(G, 0.0);

  if (keep) {
    const bool keepLayers = keep->keepLayers;
    const uint64_t keepLimit = keep->keepLimitBytes;
    *keep = CalibrationMeasurements{};
    keep->keepLayers = keepLayers && o.probe == Probe::Empirical;
    keep->keepLimitBytes = keepLimit;
    keep->menu = t.menu;
    keep->protection = o.protection;
    keep->attention = o.attention;
    keep->queries = s.metric == Metric::Attention && o.probe == Probe::Empirical;
  }
  // On a device backend the next layer is read (f16 -> f32) on another thread while this one is
  // measured, when a layer is small enough that holding two costs little (W1: 100 MB; W2's 268 MB
  // layers are read one at a time). The CPU backend needs every core for its own work (and the
  // GUI thread its share). `loadSeconds` is the time spent waiting for layers.
  constexpr size_t kReadAheadBytes = size_t(256) << 20;
  const bool readAhead = backend.computesOffHost();
  auto readLayer = [&](size_t li) { return loadLayer(dump, s.layers[li], useAttention, &defaultThreadPool()); };
  std::future<LayerData> next;
  size_t g0 = 0;
  for (size_t li = 0; li < s.layers.size(); ++li) {
    progress.checkCancelled();
    const int layer = s.layers[li];
    size_t g1 = g0;
    while (g1 < G && t.groups[g1].key.layer == layer) ++g1;
    const auto loadStart = std::chrono::steady_clock::now();
    LayerData data = next.valid() ? next.get() : readLayer(li);
    if (keep) keep->loadSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - loadStart).count();
    const size_t layerBytes = (data.q.size() + data.k.size() + data.v.size()) * sizeof(float);
    if (readAhead && li + 1 < s.layers.size() && layerBytes <= kReadAheadBytes)
      next = std::async(std::launch::async, readLayer, li + 1);
    auto session = backend.openLayer(std::move(data), o.attention);
    if (o.probe == Probe::Empirical) {
      std::vector<EntryMeasurement>* kept = nullptr;
      if (keep) (kept = &keep->layers[layer])->assign(C, EntryMeasurement{});
      CalibrationMeasurements::KeptLayer* keptLayer = nullptr;
      if (keep && keep->keepLayers) {
        const LayerData& d = session->data();
        const uint64_t bytes = uint64_t(d.q.size() + d.k.size() + d.v.size() + 2 * C * d.k.size()) * 4;
        if (keep->keptBytes + bytes <= keep->keepLimitBytes) {
          keep->keptBytes += bytes;
          keptLayer = &keep->kept[layer];
        }
      }
      measureEmpirical(acc, *session, g0, g1, o, progress, kept, keptLayer);
      if (keptLayer) keptLayer->session = std::move(session);
    } else {
      measureModelProbe(acc, *session, g0, g1, o, progress);
    }
    for (size_t g = g0; g < g1; ++g)
      for (size_t c = 0; c < C; ++c) t.bpv[g][c] = acc.storedBits[g][c] / double(t.groups[g].values);
    if (onGroup)
      for (size_t g = g0; g < g1; ++g) onGroup(GroupResult{g, &t.groups[g], t.distortion[g], t.bpv[g], acc.rawWeight[g]});
    progress.report(double(li + 1) / double(s.layers.size()), "calibrated layer " + std::to_string(layer));
    g0 = g1;
  }

  // Weights: the group's share of its role class (see calibration_table.h); keynorm keeps the raw proxy.
  double classShare[3] = {0, 0, 0};
  for (size_t g = 0; g < G; ++g) classShare[roleClass(t.groups[g].key.role)] += acc.share[g];
  for (size_t g = 0; g < G; ++g) {
    if (o.probe == Probe::KeyNorm) {
      t.weight[g] = acc.rawWeight[g];
      continue;
    }
    const double total = classShare[roleClass(t.groups[g].key.role)];
    const double scale = o.probe == Probe::Perturb ? acc.rawWeight[g] / std::max(acc.share[g], 1e-300) : 1.0;
    t.weight[g] = total > 0 ? scale * acc.share[g] / total : 0.0;
  }
  double allBits = 0, allValues = 0;
  for (size_t c = 0; c < C; ++c) {
    allBits = allValues = 0;
    for (size_t g = 0; g < G; ++g) {
      allBits += acc.storedBits[g][c];
      allValues += double(t.groups[g].values);
    }
    t.menu[c].bpv = allBits / allValues;
  }
  t.refit();
  t.validate();
  return t;
}

}  // namespace vq::calib
