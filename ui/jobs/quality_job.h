// Per-layer quality of an allocation against the uniform baseline at the same target, on the
// worker: for each calibrated layer, the mean cosine and relative MSE of the reconstructed keys
// and values and the attention output error of real queries (K̂ and V̂ together, K-only, V-only),
// with each KV head quantized as its group's chosen setting. One streamed row per layer.
#pragma once

#include <QFuture>
#include <memory>
#include <optional>
#include <vector>

#include "core/alloc/allocation.h"
#include "core/io/dump.h"

namespace vq::ui {

class JobRunner;

struct LayerQuality {
  double cosineK = 0, cosineV = 0, relMseK = 0, relMseV = 0, bpv = 0;
  std::optional<double> outputError, outputErrorK, outputErrorV;  // nullopt without queries
  double outputErr2 = 0, outputRef2 = 0;  // Σ‖o−ô‖² and Σ‖o‖² (K̂ and V̂): layers add up
};

struct QualityRow {
  int layer = 0;
  LayerQuality uniform, allocation;
};

QFuture<QualityRow> startQuality(JobRunner& runner, std::shared_ptr<const Dump> dump,
                                 std::shared_ptr<const calib::CalibrationTable> table, const alloc::Allocation& allocation,
                                 const alloc::Allocation& uniform);

}  // namespace vq::ui
