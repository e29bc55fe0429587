// Verification (DESIGN.md §6): quantize the dump as an allocation says — every group with its
// chosen menu entry — and measure, per group (the calibration's distortion definition, so it is
// directly comparable with the prediction) and end to end: the attention output error of the
// whole dump with every group quantized at once (K-only, V-only and both), the relative MSE of
// keys and values, and the exact storage.
//
// Per layer, each distinct configuration an allocation needs (e.g. K heads at 1, 2 and 4 bits)
// quantizes the layer's K (or V) once; each head then takes its reconstruction from the
// configuration its group chose. Several allocations verified together share the layer loads and
// the quantizations they have in common.
#pragma once

#include <optional>
#include <vector>

#include "core/alloc/allocation.h"
#include "core/calib/calibration_table.h"
#include "core/calib/measurements.h"
#include "core/common/progress.h"
#include "core/compute/compute_backend.h"
#include "core/io/dump.h"

namespace vq::alloc {

struct VerifyPlan {
  std::vector<calib::Group> groups;    // must cover every KV head and role of their layers
  std::vector<calib::MenuEntry> menu;
  std::vector<int> choice;             // per group, index into menu
};

struct VerifyOptions {
  calib::Metric metric = calib::Metric::Attention;  // per-group distortion (as calibrated)
  metrics::AttentionOptions attention;              // query sample (use the calibration's)
  quant::ProtectionConfig protection;
  bool useQueries = true;  // false: no attention metrics at all
};

struct VerifyResult {
  std::vector<double> groupDistortion;  // measured D per group
  std::vector<double> groupBpv;         // measured stored bits per value per group
  double bpv = 0, bpvK = 0, bpvV = 0;   // whole dump
  std::optional<double> outputError;    // Σ‖o−ô‖²/Σ‖o‖² with K̂ and V̂ everywhere (nullopt without queries)
  std::optional<double> outputErrorK;   // K̂ only
  std::optional<double> outputErrorV;   // V̂ only
  double relMseK = 0, relMseV = 0;      // mean relative MSE of every key / value vector
  int64_t queries = 0;                  // (query head, position) pairs evaluated
  double seconds = 0;
};

// The plan of an allocation on its table, and the options that reproduce the table's
// measurements (metric, query sample, protection).
VerifyPlan verifyPlan(const calib::CalibrationTable& table, const Allocation& allocation);
VerifyOptions verifyOptions(const calib::CalibrationSettings& settings);

// Throws Error(InvalidArgument) for a plan that does not fit the dump (unknown layer, a head or
// role no group covers, a choice outside the menu) and Error(Cancelled) between layers/configs.
// `reuse`: what calibrate() measured on this dump (its `keep`), used when it matches the plans'
// menu and the options (else ignored): a layer whose heads all take K and V from one entry is not
// loaded at all, and elsewhere only heads with different K and V entries are evaluated. The
// results are the same as without it: the same quantities from the same computation. Layers it
// kept open (keepLayers) are used in place, with their reconstructions: nothing is loaded,
// uploaded or quantized again.
std::vector<VerifyResult> verifyAllocations(const Dump& dump, const std::vector<VerifyPlan>& plans,
                                            const VerifyOptions& options, ComputeBackend& backend,
                                            const Progress& progress = {},
                                            calib::CalibrationMeasurements* reuse = nullptr);

}  // namespace vq::alloc
