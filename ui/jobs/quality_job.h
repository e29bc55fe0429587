// Per-layer quality of an allocation against the uniform baseline at the same target, on the
// worker: core's measureLayerQuality (core/eval/layer_quality.h), one streamed row per layer.
#pragma once

#include <QFuture>
#include <memory>
#include <optional>
#include <vector>

#include "core/alloc/allocation.h"
#include "core/eval/layer_quality.h"
#include "core/io/dump.h"

namespace vq::ui {

class JobRunner;

// The rows come from core (core/eval/layer_quality): `uniform` is the uniform baseline.
using LayerQuality = vq::LayerQuality;
using QualityRow = vq::LayerQualityRow;

QFuture<QualityRow> startQuality(JobRunner& runner, std::shared_ptr<const Dump> dump,
                                 std::shared_ptr<const calib::CalibrationTable> table, const alloc::Allocation& allocation,
                                 const alloc::Allocation& uniform);

}  // namespace vq::ui
