// Background work yields the CPU to the GUI thread: the job's own thread and the compute pool's
// threads run at a lower scheduling priority (Linux: nice +10 per thread), so a busy 2-core
// machine still repaints within a frame. Other platforms: a no-op.
#pragma once

namespace vq {
class ThreadPool;
}

namespace vq::ui {

// Lowers the priority of the calling thread and of every thread of `pool` (each takes one item of
// a parallelFor that waits until all have joined, so every thread is reached exactly once).
// Call from the job's thread, never from the GUI thread.
void lowerWorkerPriority(ThreadPool& pool);

}  // namespace vq::ui
