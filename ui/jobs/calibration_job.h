// Calibration on the worker (core/calib/calibrator.h), streamed: one result per group as soon as
// its layer is done, then a last result carrying the finished table.
#pragma once

#include <QFuture>
#include <memory>
#include <vector>

#include "core/calib/calibration_table.h"
#include "core/io/dump.h"

namespace vq::ui {

class JobRunner;

struct CalibrationUpdate {
  // A group's row (streamed; rawWeight is unnormalised until the table is done) ...
  int index = -1;
  calib::Group group;
  std::vector<double> distortion, bpv;
  double rawWeight = 0;
  // ... or, in the last result, the finished table.
  std::shared_ptr<const calib::CalibrationTable> table;
};

QFuture<CalibrationUpdate> startCalibration(JobRunner& runner, std::shared_ptr<const Dump> dump,
                                            const calib::CalibrationOptions& options);

}  // namespace vq::ui
