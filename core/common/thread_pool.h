// A small fixed-size worker pool: the CPU backend's only threading primitive.
//
// parallelFor(begin, end, fn) runs fn(i) for every i in [begin, end) and blocks until all of them
// have finished. The calling thread takes part, so a pool of size N uses N-1 worker threads plus
// the caller. Items are handed out one at a time (dynamic scheduling), so uneven items balance.
//
// - Exceptions: the first exception thrown by fn is rethrown by parallelFor once every item that
//   had already started has finished; items not yet started are skipped.
// - Cancellation: the stop_token is checked before each item; once a stop is requested no new
//   item starts, parallelFor waits for the running ones and returns false (it does not throw;
//   callers usually follow with Progress::checkCancelled()).
// - Nesting: a parallelFor called from inside an item (on a worker or on the calling thread)
//   runs inline, sequentially, on the current thread, so nested use never deadlocks.
// - Several threads may call parallelFor on the same pool at once; each caller works on its own
//   range and the workers help whichever range was submitted first.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

namespace vq {

class ThreadPool {
 public:
  // threads <= 0: defaultThreadCount().
  explicit ThreadPool(int threads = 0);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Threads that run items of one parallelFor: the workers plus the caller (>= 1).
  int size() const;
  // Changes the number of threads. Must not be called from inside a parallelFor item nor
  // concurrently with another resize; ranges already running finish normally (their callers
  // complete the remaining items).
  void resize(int threads);

  // Returns true when every item ran, false when a stop request skipped some.
  bool parallelFor(int64_t begin, int64_t end, const std::function<void(int64_t)>& fn,
                   std::stop_token stop = {});

  // The env variable VQ_THREADS (a positive integer) if set and valid, otherwise
  // std::thread::hardware_concurrency() (at least 1).
  static int defaultThreadCount();
  // True while the current thread runs an item of any pool's parallelFor.
  static bool insideParallelFor();

 private:
  struct Job;
  void workerLoop(std::stop_token stop);
  static void runItems(Job& job);
  void startWorkers(int count);
  void stopWorkers();

  mutable std::mutex m_mutex;
  std::condition_variable_any m_wake;
  std::deque<std::shared_ptr<Job>> m_queue;
  int m_size = 1;
  std::vector<std::jthread> m_workers;  // last: joined before the members above go away
};

// The process-wide pool, created on first use with defaultThreadCount() threads.
ThreadPool& defaultThreadPool();
// Resizes the process-wide pool (e.g. from a --threads option or a GUI setting).
void setDefaultThreadCount(int threads);

}  // namespace vq
