#include "ui/jobs/quality_job.h"

#include <QCoreApplication>
#include <map>
#include <string>

#include "core/alloc/verify.h"
#include "core/common/thread_pool.h"
#include "ui/jobs/compute.h"
#include "ui/jobs/job_runner.h"

namespace vq::ui {

namespace {

std::string key(Role role, const quant::MethodConfig& c) {
  return std::string(role == Role::K ? "K|" : "V|") + c.method + "|" + std::to_string(c.bits) + "|" +
         std::to_string(c.groupSize) + "|" + std::to_string(c.normCorrection) + "|" + std::to_string(c.sketchDim) +
         "|" + std::to_string(c.residualWindow) + "|" + std::to_string(c.seed);
}

// The menu entry of (head, role) in `layer` under `choice`; -1 when no group covers it.
int entryOf(const calib::CalibrationTable& t, const std::vector<int>& choice, int layer, int head, Role role) {
  int e = -1;
  for (size_t g = 0; g < t.groupCount(); ++g) {
    const auto& k = t.groups[g].key;
    if (k.layer == layer && k.coversHead(head) && k.coversRole(role)) e = choice[g];
  }
  return e;
}

LayerQuality measure(LayerSession& session, const calib::CalibrationTable& t, const std::vector<int>& choice,
                     std::map<std::string, RoleReconstruction>& cache, const quant::ProtectionConfig& protection,
                     bool queries, const Progress& progress) {
  const LayerData& d = session.data();
  metrics::ReconstructionAccumulator rk, rv;
  metrics::AttentionSums sums;
  double bytes = 0, values = 0;
  for (int h = 0; h < d.kvHeads; ++h) {
    const RoleReconstruction* rec[2] = {nullptr, nullptr};
    for (Role role : {Role::K, Role::V}) {
      const int e = entryOf(t, choice, d.layer, h, role);
      if (e < 0) throw Error(ErrorCode::InvalidArgument,
                            QCoreApplication::translate("vq::ui::Jobs", "The allocation does not cover layer %1.")
                                .arg(d.layer)
                                .toStdString());
      quant::MethodConfig cfg = t.menu[size_t(e)].config;
      cfg.seed += uint64_t(d.layer);
      const std::string k = key(role, cfg);
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

QFuture<QualityRow> startQuality(JobRunner& runner, std::shared_ptr<const Dump> dump,
                                 std::shared_ptr<const calib::CalibrationTable> table, const alloc::Allocation& allocation,
                                 const alloc::Allocation& uniform) {
  return runner.start<QualityRow>(
      QCoreApplication::translate("vq::ui::Jobs", "Quality"),
      [dump, table, a = allocation.choice, u = uniform.choice](QPromise<QualityRow>& promise, const Progress& progress) {
        const auto backend = makeJobBackend();
        const alloc::VerifyOptions o = alloc::verifyOptions(table->settings);
        const bool queries = o.useQueries && dump->info().hasQueries;
        const auto& layers = table->settings.layers;
        for (size_t i = 0; i < layers.size(); ++i) {
          progress.checkCancelled();
          auto session = backend->openLayer(loadLayer(*dump, layers[i], queries, &defaultThreadPool()), o.attention);
          std::map<std::string, RoleReconstruction> cache;  // shared by both plans
          QualityRow row;
          row.layer = layers[i];
          row.uniform = measure(*session, *table, u, cache, o.protection, queries, progress);
          row.allocation = measure(*session, *table, a, cache, o.protection, queries, progress);
          promise.addResult(std::move(row));
          progress.report(double(i + 1) / double(layers.size()), "layer " + std::to_string(layers[i]));
        }
      });
}

}  // namespace vq::ui
