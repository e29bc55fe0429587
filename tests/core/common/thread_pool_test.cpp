#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/common/thread_pool.h"

namespace vq {
namespace {

TEST(ThreadPool, RunsEveryItemOnce) {
  ThreadPool pool(4);
  EXPECT_EQ(pool.size(), 4);
  std::vector<std::atomic<int>> hits(1000);
  EXPECT_TRUE(pool.parallelFor(0, 1000, [&](int64_t i) { hits[size_t(i)]++; }));
  for (auto& h : hits) EXPECT_EQ(h.load(), 1);
}

TEST(ThreadPool, HonoursBeginAndEmptyRanges) {
  ThreadPool pool(3);
  std::atomic<int64_t> sum{0};
  EXPECT_TRUE(pool.parallelFor(10, 20, [&](int64_t i) { sum += i; }));
  EXPECT_EQ(sum.load(), 145);
  EXPECT_TRUE(pool.parallelFor(5, 5, [&](int64_t) { FAIL(); }));
  EXPECT_TRUE(pool.parallelFor(5, 2, [&](int64_t) { FAIL(); }));
}

TEST(ThreadPool, UsesSeveralThreads) {
  ThreadPool pool(4);
  std::mutex m;
  std::set<std::thread::id> ids;
  pool.parallelFor(0, 64, [&](int64_t) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::lock_guard lock(m);
    ids.insert(std::this_thread::get_id());
  });
  EXPECT_GT(ids.size(), 1u);
  EXPECT_LE(ids.size(), 4u);
}

TEST(ThreadPool, PropagatesTheFirstException) {
  ThreadPool pool(4);
  std::atomic<int> started{0};
  try {
    pool.parallelFor(0, 10000, [&](int64_t i) {
      started++;
      if (i == 3) throw std::runtime_error("item 3 failed");
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "item 3 failed");
  }
  EXPECT_LT(started.load(), 10000);  // the remaining items were skipped
  // The pool is still usable afterwards.
  std::atomic<int> n{0};
  EXPECT_TRUE(pool.parallelFor(0, 100, [&](int64_t) { n++; }));
  EXPECT_EQ(n.load(), 100);
}

TEST(ThreadPool, StopTokenStopsBetweenItems) {
  ThreadPool pool(4);
  std::stop_source source;
  std::atomic<int> ran{0};
  const bool complete = pool.parallelFor(
      0, 100000,
      [&](int64_t i) {
        ran++;
        if (i == 10) source.request_stop();
        std::this_thread::sleep_for(std::chrono::microseconds(20));
      },
      source.get_token());
  EXPECT_FALSE(complete);
  EXPECT_LT(ran.load(), 100000);

  std::stop_source already;
  already.request_stop();
  int none = 0;
  EXPECT_FALSE(pool.parallelFor(0, 10, [&](int64_t) { none++; }, already.get_token()));
  EXPECT_EQ(none, 0);
}

TEST(ThreadPool, NestedCallsRunInlineWithoutDeadlock) {
  ThreadPool pool(2);
  std::atomic<int64_t> total{0};
  pool.parallelFor(0, 8, [&](int64_t i) {
    EXPECT_TRUE(ThreadPool::insideParallelFor());
    const auto outer = std::this_thread::get_id();
    pool.parallelFor(0, 100, [&](int64_t j) {
      EXPECT_EQ(std::this_thread::get_id(), outer);
      total += i * 100 + j;
    });
  });
  int64_t expect = 0;
  for (int64_t i = 0; i < 8; ++i)
    for (int64_t j = 0; j < 100; ++j) expect += i * 100 + j;
  EXPECT_EQ(total.load(), expect);
  EXPECT_FALSE(ThreadPool::insideParallelFor());
}

TEST(ThreadPool, NestedExceptionPropagates) {
  ThreadPool pool(3);
  EXPECT_THROW(pool.parallelFor(0, 4,
                                [&](int64_t) {
                                  pool.parallelFor(0, 4, [](int64_t j) {
                                    if (j == 2) throw std::logic_error("inner");
                                  });
                                }),
               std::logic_error);
}

TEST(ThreadPool, SeveralCallersAtOnce) {
  ThreadPool pool(3);
  std::atomic<int64_t> a{0}, b{0};
  std::jthread t1([&] { pool.parallelFor(0, 5000, [&](int64_t i) { a += i; }); });
  std::jthread t2([&] { pool.parallelFor(0, 5000, [&](int64_t i) { b += i; }); });
  t1.join();
  t2.join();
  EXPECT_EQ(a.load(), 5000 * 4999 / 2);
  EXPECT_EQ(b.load(), 5000 * 4999 / 2);
}

TEST(ThreadPool, SizeOneRunsOnTheCaller) {
  ThreadPool pool(1);
  const auto me = std::this_thread::get_id();
  pool.parallelFor(0, 10, [&](int64_t) { EXPECT_EQ(std::this_thread::get_id(), me); });
}

TEST(ThreadPool, ResizeKeepsWorking) {
  ThreadPool pool(2);
  pool.resize(5);
  EXPECT_EQ(pool.size(), 5);
  std::atomic<int> n{0};
  pool.parallelFor(0, 200, [&](int64_t) { n++; });
  EXPECT_EQ(n.load(), 200);
  pool.resize(1);
  EXPECT_EQ(pool.size(), 1);
  pool.parallelFor(0, 10, [&](int64_t) { n++; });
  EXPECT_EQ(n.load(), 210);
}

TEST(ThreadPool, DefaultCountReadsTheEnvironment) {
  ::setenv("VQ_THREADS", "3", 1);
  EXPECT_EQ(ThreadPool::defaultThreadCount(), 3);
  ::setenv("VQ_THREADS", "zero", 1);
  EXPECT_GE(ThreadPool::defaultThreadCount(), 1);
  ::unsetenv("VQ_THREADS");
  EXPECT_GE(ThreadPool::defaultThreadCount(), 1);
}

}  // namespace
}  // namespace vq
