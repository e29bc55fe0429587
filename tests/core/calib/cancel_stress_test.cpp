// Cancellation at random points, 100 times per operation: calibration, allocation, verify and
// writing a dump. Each run is stopped by another thread after a random delay (anywhere inside the
// work, or after it ended) or at a random progress report. After every run the state must be
// consistent: the operation either threw Error(Cancelled) or returned exactly the uncancelled
// result; no output file and no temporary is left by a cancelled write; and the same Dump and
// compute backend, reused throughout, finally give exactly the uncancelled result again.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <cmath>
#include <optional>
#include <random>
#include <stop_token>
#include <thread>

#include "core/alloc/allocator.h"
#include "core/alloc/verify.h"
#include "core/calib/calibrator.h"
#include "core/common/error.h"
#include "core/common/random.h"
#include "core/common/thread_pool.h"
#include "core/io/dump_writer.h"
#include "core/synth/synth.h"
#include "../alloc/table_fixture.h"
#include "../io/test_files.h"

namespace vq {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
constexpr int kRuns = 100;

// Runs `work(progress)` once with a stop requested at a random point; returns true when it was
// cancelled (Error(Cancelled)), false when it finished first. Any other exception propagates.
// Even runs: stopped from another thread after a delay uniform in [0, 1.2 * fullSeconds];
// odd runs: stopped inside the progress callback at a random report (when there are reports).
template <class Work>
bool runCancelledAt(std::mt19937& rng, int run, double fullSeconds, int reports, Work&& work) {
  std::stop_source stop;
  int seen = 0;
  const int stopAtReport = reports > 0 ? int(rng() % uint32_t(reports + 1)) : -1;
  const bool fromThread = run % 2 == 0 || reports == 0;
  const auto delay = std::chrono::duration<double>(fullSeconds * 1.2 * std::uniform_real_distribution<>(0, 1)(rng));
  std::jthread canceller;
  if (fromThread) {
    canceller = std::jthread([&stop, delay](std::stop_token finished) {
      // Sleeps for `delay`, or less when the work ended first (the jthread is then stopped).
      std::mutex m;
      std::condition_variable_any cv;
      std::unique_lock lock(m);
      if (!cv.wait_for(lock, finished, delay, [] { return false; }) && !finished.stop_requested())
        stop.request_stop();
    });
  }
  const Progress progress(stop.get_token(), [&](double, std::string_view) {
    if (!fromThread && seen++ == stopAtReport) stop.request_stop();
  });
  try {
    work(progress);
    return false;
  } catch (const Error& e) {
    if (e.code() != ErrorCode::Cancelled) throw;
    return true;
  }
}

template <class F>
std::pair<double, int> timeAndCountReports(F&& work) {
  int reports = 0;
  const Progress progress(std::stop_token{}, [&](double, std::string_view) { ++reports; });
  const auto t0 = Clock::now();
  work(progress);
  return {std::chrono::duration<double>(Clock::now() - t0).count(), reports};
}

void expectSameTable(const calib::CalibrationTable& a, const calib::CalibrationTable& b) {
  ASSERT_EQ(a.groupCount(), b.groupCount());
  EXPECT_EQ(a.distortion, b.distortion);
  EXPECT_EQ(a.bpv, b.bpv);
  EXPECT_EQ(a.weight, b.weight);
}

void expectSameVerify(const alloc::VerifyResult& a, const alloc::VerifyResult& b) {
  EXPECT_EQ(a.groupDistortion, b.groupDistortion);
  EXPECT_EQ(a.groupBpv, b.groupBpv);
  EXPECT_EQ(a.outputError, b.outputError);
  EXPECT_EQ(a.relMseK, b.relMseK);
  EXPECT_EQ(a.relMseV, b.relMseV);
}

std::vector<fs::path> filesIn(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename());
  std::sort(out.begin(), out.end());
  return out;
}

class CancelStress : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new test::TempDir("vq-cancel-stress");
    SynthConfig cfg = *synthPreset("tiny");
    cfg.layers = 6;
    cfg.tokens = 192;
    writeSynthDump(cfg, s_dir->path() / "tiny.npz");
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }
  static test::TempDir* s_dir;

  Dump dump = Dump::open(s_dir->path() / "tiny.npz");
  std::unique_ptr<ComputeBackend> backend = makeCpuBackend(defaultThreadPool());
  std::mt19937 rng{20261123};
};
test::TempDir* CancelStress::s_dir = nullptr;

TEST_F(CancelStress, Calibration) {
  calib::CalibrationOptions options;
  options.attention.sampleQueries = 64;
  calib::CalibrationTable reference;
  const auto [seconds, reports] =
      timeAndCountReports([&](const Progress& p) { reference = calib::calibrate(dump, options, *backend, p); });
  int cancelled = 0;
  for (int run = 0; run < kRuns; ++run) {
    std::optional<calib::CalibrationTable> got;
    int streamed = 0;
    const bool c = runCancelledAt(rng, run, seconds, reports, [&](const Progress& p) {
      got = calib::calibrate(dump, options, *backend, p, [&](const calib::GroupResult&) { ++streamed; });
    });
    if (c) {
      ++cancelled;
      EXPECT_FALSE(got) << "run " << run;
      EXPECT_LE(streamed, int(reference.groupCount())) << "run " << run;
    } else {
      ASSERT_TRUE(got);
      expectSameTable(*got, reference);
    }
  }
  EXPECT_GT(cancelled, kRuns / 4) << "the random points should mostly fall inside the work";
  expectSameTable(calib::calibrate(dump, options, *backend), reference);
}

TEST_F(CancelStress, Allocation) {
  Rng tableRng(7);
  const calib::CalibrationTable table = test::makeTable(32, 8, {1, 2, 3, 4, 5, 6, 7, 8}, tableRng, true, true);
  alloc::AllocationRequest request;
  request.target = 3.3;
  alloc::Allocation reference;
  const auto [seconds, reports] = timeAndCountReports(
      [&](const Progress& p) { reference = alloc::allocate(table, request, alloc::AllocatorKind::Optimal, p); });
  int cancelled = 0;
  for (int run = 0; run < kRuns; ++run) {
    std::optional<alloc::Allocation> got;
    const bool c = runCancelledAt(rng, run, seconds, reports, [&](const Progress& p) {
      got = alloc::allocate(table, request, alloc::AllocatorKind::Optimal, p);
    });
    if (c) {
      ++cancelled;
      EXPECT_FALSE(got);
    } else {
      ASSERT_TRUE(got);
      EXPECT_EQ(got->choice, reference.choice);
      EXPECT_EQ(got->predicted, reference.predicted);
    }
  }
  EXPECT_GT(cancelled, 0);
  const alloc::Allocation again = alloc::allocate(table, request, alloc::AllocatorKind::Optimal);
  EXPECT_EQ(again.choice, reference.choice);
  EXPECT_EQ(again.achievedBpv, reference.achievedBpv);
}

TEST_F(CancelStress, Verify) {
  calib::CalibrationOptions options;
  options.attention.sampleQueries = 64;
  const calib::CalibrationTable table = calib::calibrate(dump, options, *backend);
  alloc::AllocationRequest request;
  request.target = 2.5;
  const alloc::Allocation a = alloc::allocate(table, request, alloc::AllocatorKind::Optimal);
  const std::vector<alloc::VerifyPlan> plans{alloc::verifyPlan(table, a)};
  const alloc::VerifyOptions vo = alloc::verifyOptions(table.settings);
  std::vector<alloc::VerifyResult> reference;
  const auto [seconds, reports] = timeAndCountReports(
      [&](const Progress& p) { reference = alloc::verifyAllocations(dump, plans, vo, *backend, p); });
  int cancelled = 0;
  for (int run = 0; run < kRuns; ++run) {
    std::optional<std::vector<alloc::VerifyResult>> got;
    const bool c = runCancelledAt(rng, run, seconds, reports, [&](const Progress& p) {
      got = alloc::verifyAllocations(dump, plans, vo, *backend, p);
    });
    if (c) {
      ++cancelled;
      EXPECT_FALSE(got);
    } else {
      ASSERT_TRUE(got);
      ASSERT_EQ(got->size(), 1u);
      expectSameVerify((*got)[0], reference[0]);
    }
  }
  EXPECT_GT(cancelled, kRuns / 4);
  expectSameVerify(alloc::verifyAllocations(dump, plans, vo, *backend)[0], reference[0]);
}

TEST_F(CancelStress, WritingADumpLeavesNoPartialFile) {
  test::TempDir out("vq-cancel-write");
  const fs::path reference = out / "reference.safetensors";
  const auto [seconds, reports] = timeAndCountReports([&](const Progress& p) { writeDump(reference, dump, p); });
  const std::string want = test::readBytes(reference);
  int cancelled = 0;
  for (int run = 0; run < kRuns; ++run) {
    const fs::path target = out / "t.safetensors";
    const bool replacing = run % 3 == 0;  // a third of the runs overwrite an older file
    if (replacing) test::writeBytes(target, "older file");
    const bool c = runCancelledAt(rng, run, seconds, reports, [&](const Progress& p) { writeDump(target, dump, p); });
    if (c) {
      ++cancelled;
      if (replacing) {
        EXPECT_EQ(test::readBytes(target), "older file") << "run " << run;
      } else {
        EXPECT_FALSE(fs::exists(target)) << "run " << run;
      }
    } else {
      EXPECT_EQ(test::readBytes(target), want) << "run " << run;
    }
    // Nothing but the reference and (maybe) the target: no temporaries, no stray sidecar.
    for (const auto& f : filesIn(out.path()))
      EXPECT_TRUE(f == "reference.safetensors" || f == "t.safetensors") << "run " << run << ": " << f;
    fs::remove(target);
  }
  EXPECT_GT(cancelled, kRuns / 4);
  writeDump(out / "again.safetensors", dump);
  EXPECT_EQ(test::readBytes(out / "again.safetensors"), want);
}

}  // namespace
}  // namespace vq
