#include "ui/jobs/compare_job.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

#include "core/eval/evaluator.h"
#include "core/quant/registry.h"
#include "ui/jobs/compute.h"
#include "ui/jobs/job_runner.h"

namespace vq::ui {

std::vector<quant::MethodConfig> compareConfigs(const CompareRequest& request) {
  std::vector<quant::MethodConfig> configs;
  std::vector<int> bits = request.bits;
  std::sort(bits.begin(), bits.end());
  for (const auto& name : request.methods) {
    const auto* info = quant::findMethod(name);
    if (!info) continue;
    quant::MethodConfig c;
    c.method = name;
    if (info->bits.empty()) {
      configs.push_back(c);
      continue;
    }
    for (int b : bits)
      if (std::find(info->bits.begin(), info->bits.end(), b) != info->bits.end()) {
        c.bits = b;
        configs.push_back(c);
      }
  }
  return configs;
}

namespace {
CompareRow rowOf(const EvalSummary& s) {
  CompareRow r;
  r.config = s.config;
  r.method = s.config.method;
  const auto* info = quant::findMethod(s.config.method);
  r.bits = info && !info->bits.empty() ? s.config.bits : 0;
  r.bpv = s.bpv;
  r.bpvK = s.bpvK;
  r.bpvV = s.bpvV;
  r.compression = s.compressionVsFp16;
  r.relMseK = s.reconK.relMse;
  r.relMseV = s.reconV.relMse;
  r.cosineK = s.reconK.cosineMean;
  r.cosineV = s.reconV.cosineMean;
  r.wastedBitsK = s.reconK.wastedBits;
  r.wastedBitsV = s.reconV.wastedBits;
  if (s.attention) {
    if (s.attention->both) r.outputError = s.attention->both->aggregate;
    if (s.attention->kOnly) r.outputErrorK = s.attention->kOnly->aggregate;
    if (s.attention->vOnly) r.outputErrorV = s.attention->vOnly->aggregate;
  }
  r.seconds = s.seconds;
  return r;
}
}  // namespace

QFuture<CompareRow> startCompare(JobRunner& runner, std::shared_ptr<const Dump> dump, const CompareRequest& request) {
  return runner.start<CompareRow>(
      QCoreApplication::translate("vq::ui::Jobs", "Comparison"),
      [dump, request](QPromise<CompareRow>& promise, const Progress& progress) {
        const auto backend = makeJobBackend();
        EvalOptions options;
        options.attention.sampleQueries = request.queries;
        const auto all = compareConfigs(request);
        // Runnable configurations, by method (a method's bit-widths share each layer's load).
        std::vector<std::vector<quant::MethodConfig>> byMethod;
        std::vector<CompareRow> skipped;  // reported after the measured rows
        for (const auto& c : all) {
          if (const auto why = inapplicableReason(*dump, c)) {
            CompareRow r;
            r.config = c;
            r.method = c.method;
            const auto* info = quant::findMethod(c.method);
            r.bits = info && !info->bits.empty() ? c.bits : 0;
            r.skipped = *why;
            skipped.push_back(std::move(r));
            continue;
          }
          if (byMethod.empty() || byMethod.back().front().method != c.method) byMethod.emplace_back();
          byMethod.back().push_back(c);
        }
        size_t done = 0;
        for (const auto& configs : byMethod) {
          const double base = double(done) / double(std::max<size_t>(all.size(), 1));
          const double span = double(configs.size()) / double(std::max<size_t>(all.size(), 1));
          const Progress sub(progress.stopToken(), [&progress, base, span, &configs](double f, std::string_view) {
            progress.report(base + span * f, configs.front().method);
          });
          for (const auto& s : evaluateSweep(*dump, configs, options, *backend, sub)) promise.addResult(rowOf(s));
          done += configs.size();
        }
        for (auto& r : skipped) promise.addResult(std::move(r));
        progress.report(1.0, "compared");
      });
}

}  // namespace vq::ui
