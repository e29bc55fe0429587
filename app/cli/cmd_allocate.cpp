// `allocate`: solves the bit allocation on a calibration table (or calibrates a dump first) and
// writes a *.vqalloc.json allocation file.
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/cli/alloc_report.h"
#include "app/cli/args.h"
#include "app/cli/backend_options.h"
#include "app/cli/calibration_options.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/exit_codes.h"
#include "core/alloc/allocator.h"
#include "core/calib/calibration_json.h"
#include "core/calib/calibrator.h"
#include "core/common/thread_pool.h"
#include "core/io/allocation_csv.h"
#include "core/io/allocation_file.h"
#include "core/io/json_fields.h"

namespace vq::cli {

namespace {

// A calibration table from INPUT: a table file, an allocation file that keeps its table, or a
// dump (calibrated with the command line's settings).
calib::CalibrationTable tableFrom(const Args& a, bool quiet) {
  const std::filesystem::path input = a.get("INPUT");
  if (calib::isCalibrationTableFile(input)) return calib::loadCalibrationTable(input);
  if (input.extension() == ".json") {
    const nlohmann::json j = io::readJsonFile(input);
    if (j.is_object() && j.value("schema", std::string()) == io::kAllocationSchema) {
      const auto t = io::calibrationTableOf(io::allocationFileFromJson(j, input.string()));
      if (!t) throw Error(ErrorCode::InvalidArgument, "this allocation file keeps no calibration table", input.string());
      return *t;
    }
  }
  const Dump dump = Dump::open(input);
  auto backend = backendFrom(a, quiet);
  auto table = calib::calibrate(dump, calibrationOptionsFrom(a), *backend, consoleProgress(quiet));
  finishProgressLine();
  return table;
}

}  // namespace

int runAllocate(int argc, char** argv) {
  Args a("allocate",
         "Allocates bits to the groups of a calibration table: minimises sum(w_g * D_g) with the average rate\n"
         "(memory-weighted) at most --target. INPUT is a table from `calibrate`, an allocation file, or a dump\n"
         "(calibrated first with the calibration options below; default: empirical, turboquant_mse 1-4 bits,\n"
         "per KV head, K and V separate).\n"
         "Allocators: optimal (the exact optimum of the discrete problem), ratequant (VeloxQuant-MLX's closed\n"
         "form, for parity), uniform (one entry for every group: the baseline).\n"
         "Rules (--pin, comma-separated): first:N / last:N pin the first/last N layers at the highest entry\n"
         "(first:2=3 at 3 bits); L3.K=4, L0.H1.V=q8_0 pin groups; L2>=3, V<=2 bound rates.\n"
         "An infeasible target exits with 1 and states the minimum achievable average.");
  a.option("allocator", "A", "optimal | ratequant | uniform", "optimal");
  addBudgetOptions(a);
  a.option("out", "FILE", "write the allocation (*.vqalloc.json)")
      .option("csv", "FILE", "write the per-group choices (and uniform's) as CSV")
      .flag("json", "machine-readable output on stdout")
      .flag("quiet", "no progress on stderr");
  addCalibrationOptions(a);
  addBackendOptions(a);
  a.positional("INPUT", "calibration table (.json), allocation file, or dump");
  if (!a.parse(argc, argv)) return kOk;
  const auto kind = alloc::parseAllocator(a.get("allocator"));
  if (!kind) throw UsageError("--allocator must be optimal, ratequant or uniform");
  const calib::CalibrationTable table = tableFrom(a, a.has("quiet"));
  const alloc::AllocationRequest request = allocationRequestFrom(a, calib::menuHasBitWidths(table.menu));
  // Cancellable by Ctrl+C (the exact solver checks between groups).
  const alloc::Allocation allocation = alloc::allocate(table, request, *kind, consoleProgress(true));
  std::optional<alloc::Allocation> uniform;
  std::string uniformNote;
  if (*kind != alloc::AllocatorKind::Uniform && request.target > 0) {
    try {
      uniform = alloc::uniformBaseline(table, request.unit, request.target);
    } catch (const Error& e) {
      uniformNote = e.detail();
    }
  }
  throwIfInterrupted();
  if (a.has("out")) io::saveAllocationFile(io::makeAllocationFile(table, allocation), a.get("out"));
  if (a.has("csv")) {
    std::vector<io::NamedAllocation> rows = {{allocation.allocator, &allocation, nullptr}};
    if (uniform) rows.push_back({"uniform", &*uniform, nullptr});
    io::allocationCsv(table, rows).write(a.get("csv"));
  }
  if (a.has("json")) {
    nlohmann::json j = allocationJson(table, allocation);
    j["uniform_predicted"] = uniform ? nlohmann::json(uniform->predicted) : nlohmann::json(nullptr);
    std::puts(j.dump(2).c_str());
    return kOk;
  }
  printAllocation(table, allocation);
  if (uniform)
    std::printf("\nuniform at the same target: %s, predicted %.6g (%s%.1f%% for %s)\n",
                table.menu[size_t(uniform->choice.front())].label.c_str(), uniform->predicted,
                allocation.predicted <= uniform->predicted ? "-" : "+",
                uniform->predicted > 0 ? 100.0 * std::abs(1.0 - allocation.predicted / uniform->predicted) : 0.0,
                allocation.allocator.c_str());
  else if (!uniformNote.empty())
    std::printf("\nuniform baseline: %s\n", uniformNote.c_str());
  if (a.has("out")) std::printf("wrote %s\n", a.get("out").c_str());
  return kOk;
}

}  // namespace vq::cli
