#include "ui/jobs/quality_job.h"

#include <QCoreApplication>

#include "ui/jobs/compute.h"
#include "ui/jobs/job_runner.h"

namespace vq::ui {

QFuture<QualityRow> startQuality(JobRunner& runner, std::shared_ptr<const Dump> dump,
                                 std::shared_ptr<const calib::CalibrationTable> table, const alloc::Allocation& allocation,
                                 const alloc::Allocation& uniform) {
  return runner.start<QualityRow>(
      QCoreApplication::translate("vq::ui::Jobs", "Quality"),
      [dump, table, a = allocation.choice, u = uniform.choice](QPromise<QualityRow>& promise, const Progress& progress) {
        const auto backend = makeJobBackend();
        measureLayerQuality(*backend, *dump, *table, a, u, progress,
                            [&promise](QualityRow&& row) { promise.addResult(std::move(row)); });
      });
}

}  // namespace vq::ui
