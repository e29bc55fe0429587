#include "ui/jobs/worker_priority.h"

#include <latch>

#include "core/common/thread_pool.h"

#if defined(__linux__)
#include <sys/resource.h>
#endif

namespace vq::ui {

namespace {
constexpr int kNice = 10;

void lowerThisThread() {
#if defined(__linux__)
  // On Linux the nice value is per thread: PRIO_PROCESS with 0 means the calling thread.
  if (getpriority(PRIO_PROCESS, 0) < kNice) setpriority(PRIO_PROCESS, 0, kNice);
#endif
}
}  // namespace

void lowerWorkerPriority(ThreadPool& pool) {
  lowerThisThread();
#if defined(__linux__)
  const int n = pool.size();
  if (n <= 1) return;
  std::latch all(n);
  pool.parallelFor(0, n, [&all](int64_t) {
    lowerThisThread();
    all.arrive_and_wait();
  });
#else
  (void)pool;
#endif
}

}  // namespace vq::ui
