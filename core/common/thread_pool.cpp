#include "core/common/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>

#include "core/common/error.h"

namespace vq {

namespace {

// How many parallelFor items the current thread is inside (nested calls run inline when > 0).
thread_local int t_depth = 0;

struct DepthGuard {
  DepthGuard() { ++t_depth; }
  ~DepthGuard() { --t_depth; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;
};

}  // namespace

struct ThreadPool::Job {
  const std::function<void(int64_t)>* fn = nullptr;
  std::stop_token stop;
  int64_t end = 0;
  std::atomic<int64_t> next{0};
  std::atomic<int64_t> ran{0};        // items that finished without throwing
  std::atomic<bool> halted{false};    // an exception or a stop request: start no more items
  std::mutex errorMutex;
  std::exception_ptr error;           // the first exception
  int active = 0;                     // workers inside runItems (guarded by the pool mutex)
  std::condition_variable done;       // signalled (with the pool mutex) when active drops to 0

  bool exhausted() const {
    return halted.load(std::memory_order_relaxed) || next.load(std::memory_order_relaxed) >= end;
  }
};

ThreadPool::ThreadPool(int threads) {
  m_size = threads > 0 ? threads : defaultThreadCount();
  startWorkers(m_size - 1);
}

ThreadPool::~ThreadPool() { stopWorkers(); }

int ThreadPool::size() const {
  std::lock_guard lock(m_mutex);
  return m_size;
}

void ThreadPool::resize(int threads) {
  if (insideParallelFor()) {
    throw Error(ErrorCode::Internal, "ThreadPool::resize called from inside a parallelFor item");
  }
  const int n = threads > 0 ? threads : defaultThreadCount();
  stopWorkers();
  {
    std::lock_guard lock(m_mutex);
    m_size = n;
  }
  startWorkers(n - 1);
}

void ThreadPool::startWorkers(int count) {
  m_workers.reserve(size_t(std::max(count, 0)));
  for (int i = 0; i < count; ++i) {
    m_workers.emplace_back([this](std::stop_token st) { workerLoop(st); });
  }
}

void ThreadPool::stopWorkers() {
  for (auto& w : m_workers) w.request_stop();
  m_wake.notify_all();
  m_workers.clear();  // joins
}

int ThreadPool::defaultThreadCount() {
  if (const char* env = std::getenv("VQ_THREADS"); env != nullptr && *env != '\0') {
    char* endp = nullptr;
    const long v = std::strtol(env, &endp, 10);
    if (endp != nullptr && *endp == '\0' && v > 0 && v <= 4096) return int(v);
  }
  const unsigned hc = std::thread::hardware_concurrency();
  return hc > 0 ? int(hc) : 1;
}

bool ThreadPool::insideParallelFor() { return t_depth > 0; }

void ThreadPool::runItems(Job& job) {
  DepthGuard depth;
  while (!job.halted.load(std::memory_order_relaxed)) {
    if (job.stop.stop_requested()) {
      job.halted.store(true);
      break;
    }
    const int64_t i = job.next.fetch_add(1);
    if (i >= job.end) break;
    try {
      (*job.fn)(i);
      job.ran.fetch_add(1, std::memory_order_relaxed);
    } catch (...) {
      {
        std::lock_guard lock(job.errorMutex);
        if (!job.error) job.error = std::current_exception();
      }
      job.halted.store(true);
    }
  }
}

void ThreadPool::workerLoop(std::stop_token stop) {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(m_mutex);
      for (;;) {
        if (stop.stop_requested()) return;
        while (!m_queue.empty() && m_queue.front()->exhausted()) m_queue.pop_front();
        if (!m_queue.empty()) {
          job = m_queue.front();
          ++job->active;
          break;
        }
        m_wake.wait(lock, stop, [this] { return !m_queue.empty(); });
      }
    }
    runItems(*job);
    std::lock_guard lock(m_mutex);
    if (--job->active == 0) job->done.notify_all();
  }
}

bool ThreadPool::parallelFor(int64_t begin, int64_t end, const std::function<void(int64_t)>& fn,
                             std::stop_token stop) {
  if (end <= begin) return true;
  bool inlineRun = insideParallelFor() || end - begin == 1;
  if (!inlineRun) {
    std::lock_guard lock(m_mutex);
    inlineRun = m_size <= 1;
  }
  if (inlineRun) {
    DepthGuard depth;
    for (int64_t i = begin; i < end; ++i) {
      if (stop.stop_requested()) return false;
      fn(i);
    }
    return true;
  }

  auto job = std::make_shared<Job>();
  job->fn = &fn;
  job->stop = std::move(stop);
  job->next.store(begin);
  job->end = end;
  {
    std::lock_guard lock(m_mutex);
    m_queue.push_back(job);
  }
  m_wake.notify_all();
  runItems(*job);
  {
    std::unique_lock lock(m_mutex);
    const auto it = std::find(m_queue.begin(), m_queue.end(), job);
    if (it != m_queue.end()) m_queue.erase(it);
    job->done.wait(lock, [&] { return job->active == 0; });
  }
  if (job->error) std::rethrow_exception(job->error);
  return job->ran.load() == end - begin;
}

ThreadPool& defaultThreadPool() {
  static ThreadPool pool;
  return pool;
}

void setDefaultThreadCount(int threads) { defaultThreadPool().resize(threads); }

}  // namespace vq
