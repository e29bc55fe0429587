// `tune`: the whole pipeline in one command — calibrate, allocate (optimal, ratequant, uniform at
// the same budget), verify all three on the dump, write the files and print the comparison.
#include <cstdio>
#include <filesystem>
#include <optional>

#include "app/cli/alloc_report.h"
#include "app/cli/args.h"
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
      .flag("json", "machine-readable output on stdout")
      .flag("quiet", "no progress on stderr");
  addCalibrationOptions(a);
  a.positional("DUMP", "the dump to tune for");
  if (!a.parse(argc, argv)) return kOk;
  const calib::CalibrationOptions options = calibrationOptionsFrom(a);
  const Dump dump = Dump::open(a.get("DUMP"));
  auto backend = makeCpuBackend(defaultThreadPool());
  const Progress progress = consoleProgress(a.has("quiet"));
  const calib::CalibrationTable table = calib::calibrate(dump, options, *backend, progress);
  finishProgressLine();
  const alloc::AllocationRequest request = allocationRequestFrom(a, calib::menuHasBitWidths(table.menu));
  const alloc::Allocation optimal = alloc::allocate(table, request, alloc::AllocatorKind::Optimal);
  const alloc::Allocation ratequant = alloc::allocate(table, request, alloc::AllocatorKind::RateQuant);
  std::optional<alloc::Allocation> uniform;
  std::string uniformNote;
  try {
    uniform = alloc::allocate(table, request, alloc::AllocatorKind::Uniform);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::Infeasible) throw;
    uniformNote = e.detail();
  }
  std::vector<alloc::VerifyPlan> plans = {alloc::verifyPlan(table, optimal), alloc::verifyPlan(table, ratequant)};
  if (uniform) plans.push_back(alloc::verifyPlan(table, *uniform));
  const auto results = alloc::verifyAllocations(dump, plans, alloc::verifyOptions(table.settings), *backend, progress);
  finishProgressLine();
  std::vector<ReportRow> rows = {{"optimal", &optimal, &results[0]}, {"ratequant", &ratequant, &results[1]}};
  if (uniform) rows.push_back({"uniform", &*uniform, &results[2]});

  if (a.has("out")) {
    const std::filesystem::path dir = a.get("out");
    throwIfInterrupted();
    std::filesystem::create_directories(dir);
    calib::saveCalibrationTable(table, dir / "table.json");
    io::saveAllocationFile(io::makeAllocationFile(table, optimal, &results[0]), dir / "alloc.vqalloc.json");
    io::saveAllocationFile(io::makeAllocationFile(table, ratequant, &results[1]), dir / "ratequant.vqalloc.json");
    if (uniform) io::saveAllocationFile(io::makeAllocationFile(table, *uniform, &results[2]), dir / "uniform.vqalloc.json");
    std::vector<io::NamedAllocation> named;
    for (const auto& r : rows) named.push_back({r.name, r.allocation, r.verified});
    io::calibrationCsv(table).write(dir / "calibration.csv");
    io::allocationCsv(table, named).write(dir / "allocation.csv");
    io::allocationSummaryCsv(named).write(dir / "summary.csv");
  }
  if (a.has("json")) {
    nlohmann::json j = {{"dump", a.get("DUMP")}, {"target", request.target}, {"backend", backend->name()}};
    for (const auto& r : rows) {
      nlohmann::json x = allocationJson(table, *r.allocation);
      x["measured"] = verifyJson(*r.verified);
      j[r.name] = x;
    }
    if (!uniform) j["uniform"] = {{"infeasible", uniformNote}};
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
  if (!uniform) std::printf("uniform: %s\n", uniformNote.c_str());
  for (const auto& n : optimal.notes) std::printf("note: %s\n", n.c_str());
  for (const auto& n : ratequant.notes) std::printf("note: %s\n", n.c_str());
  std::printf("\noptimal choice per layer (bits per KV head; * pinned):\n");
  printChoiceMap(table, optimal);
  if (uniform && results[0].outputError && results[2].outputError)
    std::printf("\nmeasured output error, optimal vs uniform: %.4g vs %.4g (%+.1f%%)\n", *results[0].outputError,
                *results[2].outputError, 100.0 * (*results[0].outputError / *results[2].outputError - 1.0));
  if (a.has("out")) std::printf("wrote %s/{table.json, alloc.vqalloc.json, ...}\n", a.get("out").c_str());
  return kOk;
}

}  // namespace vq::cli
