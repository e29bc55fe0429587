// `evaluate` (one method at several bit-widths) and `compare` (several methods side by side):
// the same sweep, printed as one table.
#include <cstdio>

#include "app/cli/args.h"
#include "app/cli/backend_options.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/eval_report.h"
#include "app/cli/exit_codes.h"
#include "app/cli/method_options.h"
#include "core/compute/compute_backend.h"
#include "core/io/dump.h"

namespace vq::cli {

namespace {

int runSweep(Args& a, int argc, char** argv, bool compare) {
  a.option("bits", "LIST", "bits per coordinate, e.g. 1,2,3,4 or 2-4", "1,2,3,4")
      .option("heads", "LIST", "KV heads listed in the per-group CSV (default: all)")
      .option("csv", "FILE", "write the summary table as CSV")
      .option("groups-csv", "FILE", "write per (method, layer, KV head) metrics as CSV")
      .flag("json", "machine-readable output on stdout")
      .flag("quiet", "no progress on stderr");
  addMethodOptions(a);
  addProtectionOptions(a);
  addScopeOptions(a);
  addBackendOptions(a);
  a.positional("DUMP", "the dump to evaluate");
  if (!a.parse(argc, argv)) return kOk;

  const std::vector<std::string> methods = compare ? a.getList("methods") : std::vector<std::string>{a.get("method")};
  if (methods.empty()) throw UsageError(compare ? "--methods is required" : "--method is required");
  const EvalOptions options = evalOptionsFrom(a);
  const std::vector<int> heads = a.has("heads") ? a.getIntList("heads") : std::vector<int>{};
  const Dump dump = Dump::open(a.get("DUMP"));
  std::vector<quant::MethodConfig> configs;
  for (const auto& c : sweepConfigs(a, methods, a.getIntList("bits"))) {
    if (auto why = inapplicableReason(dump, c)) {
      std::fprintf(stderr, "note: %s cannot run on this dump (%s); skipped\n", configLabel(c).c_str(), why->c_str());
      continue;
    }
    configs.push_back(c);
  }
  if (configs.empty()) throw Error(ErrorCode::InvalidArgument, "no requested method can run on this dump", a.get("DUMP"));
  std::string fallbackReason;
  auto backend = backendFrom(a, a.has("quiet"), &fallbackReason);
  GroupCsv groups;
  const bool wantGroups = a.has("groups-csv");
  const auto summaries =
      evaluateSweep(dump, configs, options, *backend, consoleProgress(a.has("quiet")),
                    [&](size_t c, const LayerEval& e) {
                      if (wantGroups) groups.add(configs[c], e, heads);
                    });
  finishProgressLine();
  if (a.has("csv")) summaryCsv(summaries).write(a.get("csv"));
  if (wantGroups) groups.table().write(a.get("groups-csv"));
  if (a.has("json")) {
    nlohmann::json j = {{"dump", a.get("DUMP")},
                        {"backend", backend->name()},
                        {"backend_note", fallbackReason},
                        {"protection", options.protection.describe()},
                        {"query_positions_per_head", options.attention.sampleQueries},
                        {"results", summaryJson(summaries)}};
    std::puts(j.dump(2).c_str());
  } else {
    std::printf("%s: %d layer(s), %s, protection: %s\n\n", a.get("DUMP").c_str(), summaries.front().layers,
                backend->name().c_str(), options.protection.describe().c_str());
    printSummaryTable(summaries, dump.info().hasQueries && options.useQueries);
  }
  return kOk;
}

}  // namespace

int runEvaluate(int argc, char** argv) {
  Args a("evaluate",
         "Quantizes every key and value of DUMP with one method at each bit-width and measures, on the\n"
         "real data: relative MSE, cosine (mean, 1st percentile), SNR and the distance to the 4^-b limit\n"
         "for K and V, and with the dump's real queries the logit error, inner-product shrink, attention\n"
         "KL, top-8 overlap and the causal attention output error for K-only, V-only and both.");
  a.option("method", "NAME", "quantization method (veloxquant methods lists them)", "turboquant_mse");
  return runSweep(a, argc, argv, false);
}

int runCompare(int argc, char** argv) {
  Args a("compare",
         "Runs several methods side by side on the same real activations (each at every bit-width it\n"
         "supports; fixed formats such as q4_0 once) and prints one table: method, bits, bits per value,\n"
         "compression vs fp16 and every metric of `evaluate`.");
  a.option("methods", "LIST", "methods, e.g. turboquant_mse,kivi,q4_0");
  return runSweep(a, argc, argv, true);
}

}  // namespace vq::cli
