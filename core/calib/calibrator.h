// Calibration (DESIGN.md §6): measures, for every group and menu entry, the distortion the entry
// causes and its exact storage, and returns a CalibrationTable (what D and w mean per probe is
// documented in calibration_table.h).
//
// Work plan: each layer is loaded once and opened in the compute backend (which keeps the exact
// attention of its query groups for reuse); the empirical probe then quantizes K and V of the
// whole layer once per menu entry and reads every head's metrics from that one pass. This equals
// quantizing each group alone: per-vector and per-head methods never mix heads, and attention is
// per KV head, so head h's K-only / V-only / both errors depend only on head h's K̂ and V̂.
// Layer-row formats (llama.cpp blocks span heads) are only allowed for per-layer groups, where
// the group is the whole layer.
#pragma once

#include <functional>
#include <span>

#include "core/calib/calibration_table.h"
#include "core/calib/measurements.h"
#include "core/common/progress.h"
#include "core/compute/compute_backend.h"
#include "core/io/dump.h"

namespace vq::calib {

// One group's finished row, streamed as soon as its layer is done (before the weights of the
// whole dump are known, so `rawWeight` is unnormalised: Σ‖o‖² of its query groups for the
// attention metric, its value count for mse, mean ‖x‖² for keynorm, s·Σ‖o‖² for perturb).
struct GroupResult {
  size_t index = 0;  // into CalibrationTable::groups
  const Group* group = nullptr;
  std::span<const double> distortion;  // per menu entry
  std::span<const double> bpv;         // per menu entry
  double rawWeight = 0;
};
using GroupCallback = std::function<void(const GroupResult&)>;

// Throws Error(InvalidArgument) for bad options (unknown method, a layer-row format at head
// granularity, the attention metric or the perturb probe on a dump without queries, ...) and
// Error(Cancelled) when progress is cancelled (checked between layers and menu entries; nothing
// is returned or written then). With `keep` (empirical probe only), the per-head measurements are
// stored there for a verify pass to reuse (measurements.h); it costs the reconstruction statistics
// of every entry and head, which the attention metric does not need itself.
CalibrationTable calibrate(const Dump& dump, const CalibrationOptions& options, ComputeBackend& backend,
                           const Progress& progress = {}, const GroupCallback& onGroup = {},
                           CalibrationMeasurements* keep = nullptr);

}  // namespace vq::calib
