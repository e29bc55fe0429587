// CSV forms of the calibration and allocation tables (DESIGN.md §7: "CSV of every measurement
// table"), shared by the CLI and the GUI's export.
#pragma once

#include <string>
#include <vector>

#include "core/alloc/allocation.h"
#include "core/alloc/verify.h"
#include "core/calib/calibration_table.h"
#include "core/io/csv_table.h"

namespace vq::io {

// One row per (group, menu entry): group, layer, head, role, values, weight, entry, bits, bpv,
// distortion, and the group's fit (alpha, beta, r2).
CsvTable calibrationCsv(const calib::CalibrationTable& t);

// One row per group and allocation: the entry each allocation chose, its rate, predicted
// distortion and (when verified) measured distortion. `names` label the allocations.
struct NamedAllocation {
  std::string name;
  const alloc::Allocation* allocation = nullptr;
  const alloc::VerifyResult* verified = nullptr;  // may be null
};
CsvTable allocationCsv(const calib::CalibrationTable& t, const std::vector<NamedAllocation>& allocations);

// One row per allocation: achieved rate, bpv, predicted, measured end-to-end errors.
CsvTable allocationSummaryCsv(const std::vector<NamedAllocation>& allocations);

}  // namespace vq::io
