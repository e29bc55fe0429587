// `verify`: applies an allocation file to a dump — every group quantized with its chosen entry —
// and prints predicted vs measured distortion per group and end to end, against uniform at the
// same budget.
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "app/cli/alloc_report.h"
#include "app/cli/args.h"
#include "app/cli/backend_options.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/exit_codes.h"
#include "core/alloc/allocator.h"
#include "core/common/thread_pool.h"
#include "core/io/allocation_csv.h"
#include "core/io/allocation_file.h"

namespace vq::cli {

namespace {

// The plain uniform baseline at the file's target: from its calibration table when it keeps one,
// else the largest menu entry whose rate is within the target. -1 when none fits.
int uniformEntry(const io::AllocationFile& f, std::optional<alloc::Allocation>& predicted) {
  const auto& r = f.allocation.request;
  if (const auto table = io::calibrationTableOf(f)) {
    try {
      predicted = alloc::uniformBaseline(*table, r.unit, r.target);
      return predicted->choice.front();
    } catch (const Error&) {
      return -1;
    }
  }
  int best = -1;
  double bestRate = 0;
  for (size_t c = 0; c < f.menu.size(); ++c) {
    const double rate = r.unit == calib::RateUnit::Bits ? f.menu[c].bits : f.menu[c].bpv;
    if (rate > 0 && rate <= r.target + 1e-12 && (best < 0 || rate > bestRate)) {
      best = int(c);
      bestRate = rate;
    }
  }
  return best;
}

}  // namespace

int runVerify(int argc, char** argv) {
  Args a("verify",
         "Quantizes DUMP as the allocation file says (each group with its chosen menu entry; heads of one layer\n"
         "may differ) and measures per group the calibrated distortion and end to end the attention output\n"
         "error with every group quantized at once, the relative MSE of keys and values and the exact storage.\n"
         "Prints predicted vs measured, and the same for uniform at the same budget (one menu entry for every\n"
         "group, no pins).");
  a.option("queries", "N", "query positions per head (default: the calibration's)")
      .option("query-seed", "N", "seed of the query sampling (default: the calibration's)")
      .option("csv", "FILE", "per-group predicted and measured distortion as CSV")
      .option("out", "FILE", "write the allocation file again with the measured values")
      .flag("no-uniform", "do not measure the uniform baseline")
      .flag("json", "machine-readable output on stdout")
      .flag("quiet", "no progress on stderr");
  addBackendOptions(a);
  a.positional("DUMP", "the dump to quantize")
      .positional("ALLOCATION", "a *.vqalloc.json file");
  if (!a.parse(argc, argv)) return kOk;
  io::AllocationFile f = io::loadAllocationFile(a.get("ALLOCATION"));
  const Dump dump = Dump::open(a.get("DUMP"));
  const auto warnings = io::checkAgainstDump(f, dump);
  for (const auto& w : warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  alloc::VerifyOptions options = alloc::verifyOptions(f.calibration);
  if (a.has("queries")) options.attention.sampleQueries = a.getInt64("queries");
  if (a.has("query-seed")) options.attention.seed = uint64_t(a.getInt64("query-seed"));
  std::vector<alloc::VerifyPlan> plans = {io::verifyPlanFor(f, dump)};
  std::optional<alloc::Allocation> uniformPredicted;
  const int uniform = a.has("no-uniform") || f.allocation.allocator == "uniform" ? -1 : uniformEntry(f, uniformPredicted);
  if (uniform >= 0) {
    alloc::VerifyPlan u = plans.front();
    std::fill(u.choice.begin(), u.choice.end(), uniform);
    plans.push_back(std::move(u));
  }
  std::string fallbackReason;
  auto backend = backendFrom(a, a.has("quiet"), &fallbackReason);
  const auto results = alloc::verifyAllocations(dump, plans, options, *backend, consoleProgress(a.has("quiet")));
  finishProgressLine();

  // Predicted per group, matched by id (the plan's groups are rebuilt for this dump).
  std::map<std::string, const io::AllocatedGroup*> byId;
  for (const auto& g : f.groups) byId[g.group.id] = &g;
  const auto& groups = plans.front().groups;
  std::vector<double> predicted;
  std::vector<std::string> labels;
  for (size_t g = 0; g < groups.size(); ++g) {
    const auto* ag = byId.at(groups[g].id);
    predicted.push_back(ag->predicted);
    labels.push_back(f.menu[size_t(ag->entry)].label);
  }
  alloc::Allocation uniformRow;
  if (uniform >= 0) {
    uniformRow = uniformPredicted ? *uniformPredicted : alloc::Allocation{};
    uniformRow.allocator = "uniform";
    uniformRow.request = f.allocation.request;
    if (!uniformPredicted) {
      const auto& e = f.menu[size_t(uniform)];
      uniformRow.achieved = f.allocation.request.unit == calib::RateUnit::Bits ? e.bits : e.bpv;
      uniformRow.achievedBpv = results[1].bpv;
      uniformRow.predicted = std::numeric_limits<double>::quiet_NaN();
    }
  }
  std::vector<ReportRow> rows = {{f.allocation.allocator, &f.allocation, &results[0]}};
  if (uniform >= 0) rows.push_back({"uniform", &uniformRow, &results[1]});

  if (a.has("out") || a.has("csv")) {
    alloc::VerifyResult mapped = results[0];
    std::map<std::string, size_t> planIndex;
    for (size_t g = 0; g < groups.size(); ++g) planIndex[groups[g].id] = g;
    mapped.groupDistortion.clear();
    for (const auto& g : f.groups) mapped.groupDistortion.push_back(results[0].groupDistortion[planIndex.at(g.group.id)]);
    io::setMeasured(f, mapped);
    throwIfInterrupted();
    if (a.has("out")) io::saveAllocationFile(f, a.get("out"));
    if (a.has("csv")) {
      CsvTable t;
      t.header = {"group", "choice", "predicted", "measured", "uniform_measured"};
      for (size_t g = 0; g < groups.size(); ++g)
        t.rows.push_back({groups[g].id, labels[g], csvNumber(predicted[g]), csvNumber(results[0].groupDistortion[g]),
                          uniform >= 0 ? csvNumber(results[1].groupDistortion[g]) : ""});
      t.write(a.get("csv"));
    }
  }
  if (a.has("json")) {
    nlohmann::json j = {{"allocation", a.get("ALLOCATION")},
                        {"dump", a.get("DUMP")},
                        {"warnings", warnings},
                        {"backend", backend->name()},
                        {"backend_note", fallbackReason},
                        {"allocator", f.allocation.allocator},
                        {"predicted", f.allocation.predicted},
                        {"measured", verifyJson(results[0])}};
    j["uniform"] = uniform >= 0 ? nlohmann::json{{"entry", f.menu[size_t(uniform)].label},
                                                 {"predicted", uniformPredicted ? nlohmann::json(uniformPredicted->predicted)
                                                                                : nlohmann::json(nullptr)},
                                                 {"measured", verifyJson(results[1])}}
                                : nlohmann::json(nullptr);
    std::puts(j.dump(2).c_str());
    return kOk;
  }
  std::printf("%s on %s (%s)\n\n", a.get("ALLOCATION").c_str(), a.get("DUMP").c_str(), backend->name().c_str());
  printVerification(groups, predicted, rows, labels);
  if (uniform >= 0) std::printf("uniform: %s for every group\n", f.menu[size_t(uniform)].label.c_str());
  if (results[0].outputError && uniform >= 0 && results[1].outputError)
    std::printf("%s vs uniform, measured output error: %.4g vs %.4g (%+.1f%%)\n", f.allocation.allocator.c_str(),
                *results[0].outputError, *results[1].outputError,
                100.0 * (*results[0].outputError / *results[1].outputError - 1.0));
  return kOk;
}

}  // namespace vq::cli
