#include "ui/jobs/allocation_jobs.h"

#include <QCoreApplication>

#include "ui/jobs/compute.h"
#include "ui/jobs/job_runner.h"

namespace vq::ui {

QFuture<alloc::Allocation> startAllocation(JobRunner& runner, std::shared_ptr<const calib::CalibrationTable> table,
                                           const alloc::AllocationRequest& request, alloc::AllocatorKind kind) {
  const QString title = QCoreApplication::translate("vq::ui::Jobs", "Allocation (%1)")
                            .arg(QString::fromUtf8(alloc::allocatorName(kind).data()));
  return runner.start<alloc::Allocation>(title, [table, request, kind](QPromise<alloc::Allocation>& promise,
                                                                        const Progress& progress) {
    progress.checkCancelled();
    promise.addResult(alloc::allocate(*table, request, kind, progress));
    progress.report(1.0);
  });
}

QFuture<alloc::VerifyResult> startVerify(JobRunner& runner, std::shared_ptr<const Dump> dump,
                                         std::shared_ptr<const calib::CalibrationTable> table,
                                         const alloc::Allocation& allocation) {
  return runner.start<alloc::VerifyResult>(
      QCoreApplication::translate("vq::ui::Jobs", "Verify"),
      [dump, table, allocation](QPromise<alloc::VerifyResult>& promise, const Progress& progress) {
        const auto backend = makeJobBackend();
        const auto plan = alloc::verifyPlan(*table, allocation);
        auto results = alloc::verifyAllocations(*dump, {plan}, alloc::verifyOptions(table->settings), *backend, progress);
        promise.addResult(std::move(results.at(0)));
      });
}

}  // namespace vq::ui
