// `calibrate`: measures how much each group (layer, KV head, K/V) suffers from each menu entry
// and writes the calibration table (JSON, optionally CSV) that `allocate` solves on.
#include <cstdio>

#include "app/cli/alloc_report.h"
#include "app/cli/args.h"
#include "app/cli/backend_options.h"
#include "app/cli/calibration_options.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/exit_codes.h"
#include "core/calib/calibration_json.h"
#include "core/calib/calibrator.h"
#include "core/common/thread_pool.h"
#include "core/io/allocation_csv.h"

namespace vq::cli {

int runCalibrate(int argc, char** argv) {
  Args a("calibrate",
         "Calibrates DUMP for bit allocation: for every group (layer x KV head x K/V by default) and every\n"
         "menu entry, the distortion it causes and its exact storage, plus a fitted curve D = alpha*beta^-bpv.\n"
         "Probes: empirical (quantize each group with each entry and measure: attention output error with\n"
         "real queries, else relative MSE), keynorm (VeloxQuant-MLX's mean |k|^2 proxy) and perturb (output\n"
         "change per unit of Gaussian noise); the last two weight a model curve beta^-rate.\n"
         "Menus: --bits of one --method, or --menu of named formats (layer-row formats such as q4_0 need\n"
         "--granularity layer). Each layer is loaded once; Ctrl+C stops and writes nothing.");
  addCalibrationOptions(a);
  addBackendOptions(a);
  a.option("out", "FILE", "write the calibration table (JSON)")
      .option("csv", "FILE", "write one row per (group, menu entry) as CSV")
      .flag("json", "print the table as JSON on stdout")
      .flag("quiet", "no progress on stderr")
      .positional("DUMP", "the dump to calibrate");
  if (!a.parse(argc, argv)) return kOk;
  const calib::CalibrationOptions options = calibrationOptionsFrom(a);
  const Dump dump = Dump::open(a.get("DUMP"));
  auto backend = backendFrom(a, a.has("quiet"));
  const calib::CalibrationTable table = calib::calibrate(dump, options, *backend, consoleProgress(a.has("quiet")));
  finishProgressLine();
  throwIfInterrupted();
  if (a.has("out")) calib::saveCalibrationTable(table, a.get("out"));
  if (a.has("csv")) io::calibrationCsv(table).write(a.get("csv"));
  if (a.has("json")) {
    std::puts(calib::toJson(table).dump(2).c_str());
  } else {
    printCalibration(table);
    if (a.has("out")) std::printf("\nwrote %s\n", a.get("out").c_str());
  }
  return kOk;
}

}  // namespace vq::cli
