#include "ui/jobs/calibration_job.h"

#include <QCoreApplication>

#include "core/calib/calibrator.h"
#include "ui/jobs/compute.h"
#include "ui/jobs/job_runner.h"

namespace vq::ui {

QFuture<CalibrationUpdate> startCalibration(JobRunner& runner, std::shared_ptr<const Dump> dump,
                                            const calib::CalibrationOptions& options) {
  return runner.start<CalibrationUpdate>(
      QCoreApplication::translate("vq::ui::Jobs", "Calibration"),
      [dump, options](QPromise<CalibrationUpdate>& promise, const Progress& progress) {
        const auto backend = makeJobBackend();
        calib::CalibrationTable table =
            calib::calibrate(*dump, options, *backend, progress, [&promise](const calib::GroupResult& r) {
              CalibrationUpdate u;
              u.index = int(r.index);
              u.group = *r.group;
              u.distortion.assign(r.distortion.begin(), r.distortion.end());
              u.bpv.assign(r.bpv.begin(), r.bpv.end());
              u.rawWeight = r.rawWeight;
              promise.addResult(std::move(u));
            });
        CalibrationUpdate last;
        last.table = std::make_shared<const calib::CalibrationTable>(std::move(table));
        promise.addResult(std::move(last));
      });
}

}  // namespace vq::ui
