// Command-line options of calibration and allocation, shared by calibrate, allocate (when it
// calibrates a dump first) and tune: probe, menu, granularity, K/V mode, metric, budget, rules.
#pragma once

#include "app/cli/args.h"
#include "core/alloc/allocation.h"
#include "core/calib/calibration_table.h"

namespace vq::cli {

// --probe --method --bits --menu --granularity --kv --metric --noise-scale --noise-seed --beta,
// plus the method, protection and scope options of method_options.h.
void addCalibrationOptions(Args& a);
calib::CalibrationOptions calibrationOptionsFrom(const Args& a);

// --target --unit --pin --min --max --k-target --v-target --beta-fixed.
void addBudgetOptions(Args& a);
// `menuHasBits`: the default unit is nominal bits for bit-width menus, bpv otherwise.
alloc::AllocationRequest allocationRequestFrom(const Args& a, bool menuHasBits);

}  // namespace vq::cli
