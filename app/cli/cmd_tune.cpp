// `tune`: the whole pipeline in one command — calibrate, allocate (optimal, ratequant, uniform at
// the same budget), verify all three on the dump, write the files and print the comparison.
#include <chrono>
#include <cstdio>
#include <unistd.h>
#include <filesystem>
#include <optional>

#include "app/cli/alloc_report.h"
#include "app/cli/args.h"
#include "app/cli/backend_options.h"
#include "app/cli/calibration_options.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/exit_codes.h"
#include "core/alloc/allocator.h"
#include "core/alloc/verify.h"
#include "core/calib/calibration_json.h"
#include "core/calib/calibrator.h"
#include "core/common/thread_pool.h"
#include "core/io/allocation_csv.h"
#include "core/io/allocation_file.h"

namespace vq::cli {

namespace {

// "L0  K 3 2 2 3  V 2 1 1 2" per layer (entry labels' bits, or labels for formats).
void printChoiceMap(const calib::CalibrationTable& t, const alloc::Allocation& a) {
  int layer = -1;
  std::string k, v;
  auto flush = [&] {
    if (layer >= 0) std::printf("  L%-3d K %-24s V %s\n", layer, k.c_str(), v.c_str());
    k.clear();
    v.clear();
  };
  for (size_t g = 0; g < t.groupCount(); ++g) {
    const auto& key = t.groups[g].key;
    if (key.layer != layer) {
      flush();
      layer = key.layer;
    }
    const auto& e = t.menu[size_t(a.choice[g])];
    const std::string item = (e.bits ? std::to_string(e.bits) : e.label) + (a.pinned[g] ? "*" : "") + " ";
    if (key.role != calib::GroupRole::V) k += item;
    if (key.role != calib::GroupRole::K) v += item;
  }
  flush();
}

}  // namespace

int runTune(int argc, char** argv) {
  Args a("tune",
         "The whole pipeline on DUMP: calibrate (empirical: every KV head's K and V with turboquant_mse 1-4 bits\n"
         "and the attention output error of real queries), allocate at --target with the exact optimum, with\n"
         "RateQuant's closed form and uniformly, verify all three on the dump, and print predicted and measured\n"
         "distortion side by side. With --out DIR it writes table.json, alloc.vqalloc.json (optimal, with the\n"
         "measured values), ratequant.vqalloc.json, uniform.vqalloc.json, calibration.csv, allocation.csv and\n"
         "summary.csv.");
  addBudgetOptions(a);
  a.option("out", "DIR", "write the files into DIR (created if needed)")
      .flag("optimal-only", "allocate and verify the optimal allocation only (no ratequant and uniform baselines)")
      .flag("json", "machine-readable output on stdout")
      .flag("quiet", "no progress on stderr");
  addCalibrationOptions(a);
  addBackendOptions(a);
  a.positional("DUMP", "the dump to tune for");
  if (!a.parse(argc, argv)) return kOk;
  const calib::CalibrationOptions options = calibrationOptionsFrom(a);
  const Dump dump = Dump::open(a.get("DUMP"));
  std::string fallbackReason;
  auto backend = backendFrom(a, a.has("quiet"), &fallbackReason);
  const Progress progress = consoleProgress(a.has("quiet"));
  // The verify pass reuses what calibration measured (heads whose K and V share an entry are not
  // evaluated again; see verify.h): the same results, without a second full pass over the dump.
  calib::CalibrationMeasurements measured;
  // A device backend keeps every layer resident for the verify pass; the CPU backend would hold
  // the whole dump and its attention references in RAM, so it loads the layers it needs again.
  // Kept layers are bounded by a quarter of the machine's memory; the rest are read again.
  measured.keepLayers = backend->computesOffHost();
  if (const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE); pages > 0 && page > 0)
    measured.keepLimitBytes = uint64_t(pages) * uint64_t(page) / 4;
  using Clock = std::chrono::steady_clock;
  const auto since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
  const auto t0 = Clock::now();
  const calib::CalibrationTable table = calib::calibrate(dump, options, *backend, progress, {}, &measured);
  finishProgressLine();
  const double calibrateSeconds = since(t0);
  const auto t1 = Clock::now();
  const alloc::AllocationRequest request = allocationRequestFrom(a, calib::menuHasBitWidths(table.menu));
  const alloc::Allocation optimal = alloc::allocate(table, request, alloc::AllocatorKind::Optimal);
  const bool baselines = !a.has("optimal-only");
  std::optional<alloc::Allocation> ratequant, uniform;
  std::string uniformNote = "not computed (--optimal-only)";
  if (baselines) {
    ratequant = alloc::allocate(table, request, alloc::AllocatorKind::RateQuant);
    try {
      uniform = alloc::allocate(table, request, alloc::AllocatorKind::Uniform);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::Infeasible) throw;
      uniformNote = e.detail();
    }
  }
  const double allocateSeconds = since(t1);
  const auto t2 = Clock::now();
  std::vector<alloc::VerifyPlan> plans = {alloc::verifyPlan(table, optimal)};
  if (ratequant) plans.push_back(alloc::verifyPlan(table, *ratequant));
  if (uniform) plans.push_back(alloc::verifyPlan(table, *uniform));
  const auto results =
      alloc::verifyAllocations(dump, plans, alloc::verifyOptions(table.settings), *backend, progress, &measured);
  finishProgressLine();
  const double verifySeconds = since(t2);
  double verifyCompute = 0;  // verify's per-plan time, without loading layers
  for (const auto& r : results) verifyCompute += r.seconds;
  const nlohmann::json timing = {
      {"calibrate_seconds", calibrateSeconds},
      {"calibrate_load_seconds", measured.loadSeconds},
      {"allocate_seconds", allocateSeconds},
      {"verify_seconds", verifySeconds},
      {"verify_compute_seconds", verifyCompute},
      {"total_seconds", calibrateSeconds + allocateSeconds + verifySeconds},
      {"after_load_seconds_upper_bound", calibrateSeconds - measured.loadSeconds + allocateSeconds + verifySeconds}};
  std::vector<ReportRow> rows = {{"optimal", &optimal, &results[0]}};
  if (ratequant) rows.push_back({"ratequant", &*ratequant, &results[1]});
  if (uniform) rows.push_back({"uniform", &*uniform, &results[rows.size()]});

  if (a.has("out")) {
    const std::filesystem::path dir = a.get("out");
    throwIfInterrupted();
    std::filesystem::create_directories(dir);
    calib::saveCalibrationTable(table, dir / "table.json");
    io::saveAllocationFile(io::makeAllocationFile(table, optimal, &results[0]), dir / "alloc.vqalloc.json");
    if (ratequant)
      io::saveAllocationFile(io::makeAllocationFile(table, *ratequant, &results[1]), dir / "ratequant.vqalloc.json");
    if (uniform)
      io::saveAllocationFile(io::makeAllocationFile(table, *uniform, rows.back().verified), dir / "uniform.vqalloc.json");
    std::vector<io::NamedAllocation> named;
    for (const auto& r : rows) named.push_back({r.name, r.allocation, r.verified});
    io::calibrationCsv(table).write(dir / "calibration.csv");
    io::allocationCsv(table, named).write(dir / "allocation.csv");
    io::allocationSummaryCsv(named).write(dir / "summary.csv");
  }
  if (a.has("json")) {
    nlohmann::json j = {{"dump", a.get("DUMP")}, {"target", request.target}, {"backend", backend->name()},
                        {"backend_note", fallbackReason},
                        {"timing", timing}};
    for (const auto& r : rows) {
      nlohmann::json x = allocationJson(table, *r.allocation);
      x["measured"] = verifyJson(*r.verified);
      j[r.name] = x;
    }
    if (!uniform && baselines) j["uniform"] = {{"infeasible", uniformNote}};
    std::puts(j.dump(2).c_str());
    return kOk;
  }
  const auto& s = table.settings;
  std::printf("%s: %zu groups (per %s, K/V %s), menu %s ... %s, probe %s, metric %s, %s\n",
              a.get("DUMP").c_str(), table.groupCount(), std::string(calib::granularityName(s.granularity)).c_str(),
              std::string(calib::kvModeName(s.kv)).c_str(), table.menu.front().label.c_str(),
              table.menu.back().label.c_str(), std::string(calib::probeName(s.probe)).c_str(),
              std::string(calib::metricName(s.metric)).c_str(), backend->name().c_str());
  for (const auto& n : s.notes) std::printf("note: %s\n", n.c_str());
  std::printf("target %.4g %s\n\n", request.target, request.unit == calib::RateUnit::Bits ? "bits/value" : "bpv");
  printComparison(rows, request.unit);
  std::printf("\ntime: calibrate %.2f s (of which reading layers %.2f s), allocate %.3f s, verify %.2f s\n",
              calibrateSeconds, measured.loadSeconds, allocateSeconds, verifySeconds);
  if (!uniform) std::printf("uniform: %s\n", uniformNote.c_str());
  for (const auto& n : optimal.notes) std::printf("note: %s\n", n.c_str());
  if (ratequant)
    for (const auto& n : ratequant->notes) std::printf("note: %s\n", n.c_str());
  std::printf("\noptimal choice per layer (bits per KV head; * pinned):\n");
  printChoiceMap(table, optimal);
  if (uniform && results[0].outputError && rows.back().verified->outputError)
    std::printf("\nmeasured output error, optimal vs uniform: %.4g vs %.4g (%+.1f%%)\n", *results[0].outputError,
                *rows.back().verified->outputError,
                100.0 * (*results[0].outputError / *rows.back().verified->outputError - 1.0));
  if (a.has("out")) std::printf("wrote %s/{table.json, alloc.vqalloc.json, ...}\n", a.get("out").c_str());
  return kOk;
}

}  // namespace vq::cli
