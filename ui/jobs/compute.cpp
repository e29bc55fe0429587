#include "ui/jobs/compute.h"

#include "core/common/thread_pool.h"
#include "ui/jobs/worker_priority.h"

namespace vq::ui {

std::unique_ptr<ComputeBackend> makeJobBackend() {
  lowerWorkerPriority(defaultThreadPool());
  return makeCpuBackend(defaultThreadPool());
}

QString jobBackendName() { return QString::fromStdString(makeCpuBackend(defaultThreadPool())->name()); }

}  // namespace vq::ui
