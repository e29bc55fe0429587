// Per-layer quality of an allocation next to a baseline plan (e.g. uniform at the same target):
// for each calibrated layer, the mean cosine and relative MSE of the reconstructed keys and
// values, the bits per value, and the attention output error of real queries (K̂ and V̂ together,
// K-only, V-only), with each KV head quantized as its group's chosen menu entry. Both plans share
// one cache of reconstructions per layer, so entries they have in common are quantized once.
// The GUI's Quality view streams these rows (ui/jobs/quality_job); no Qt here.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/calib/calibration_table.h"
#include "core/common/progress.h"
#include "core/compute/compute_backend.h"
#include "core/io/dump.h"

namespace vq {

struct LayerQuality {
  double cosineK = 0, cosineV = 0, relMseK = 0, relMseV = 0, bpv = 0;
  std::optional<double> outputError, outputErrorK, outputErrorV;  // nullopt without queries
  double outputErr2 = 0, outputRef2 = 0;  // Σ‖o−ô‖² and Σ‖o‖² (K̂ and V̂): layers add up
};

struct LayerQualityRow {
  int layer = 0;
  LayerQuality uniform;     // the baseline plan
  LayerQuality allocation;  // the plan under study
};

// Measures `allocation` and `baseline` (one menu entry per group of `table`, as in
// alloc::Allocation::choice) on every layer the table calibrated, in order, calling `onRow` after
// each layer. Uses real queries when the table's settings ask for them and the dump has them.
// Throws Error(InvalidArgument) when a plan leaves a head or role of a layer uncovered or a
// choice is outside the menu, and Error(Cancelled) when `progress` is stopped.
void measureLayerQuality(ComputeBackend& backend, const Dump& dump, const calib::CalibrationTable& table,
                         const std::vector<int>& allocation, const std::vector<int>& baseline,
                         const Progress& progress, const std::function<void(LayerQualityRow&&)>& onRow);

}  // namespace vq
