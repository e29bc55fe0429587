// Per-layer quality (core/eval/layer_quality) on the real sample: the layers' output-error sums
// add up to what verification measures for the whole dump, a plan measured against itself gives
// equal rows, and plans that do not fit or a stopped job are rejected.
#include <gtest/gtest.h>

#include <cmath>
#include <stop_token>

#include "core/alloc/allocator.h"
#include "core/alloc/verify.h"
#include "core/calib/calibrator.h"
#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "core/eval/layer_quality.h"

namespace vq {
namespace {

struct Fixture {
  Dump dump = Dump::open(VQ_SAMPLES_DIR "/s01_story_kite.npz");
  std::unique_ptr<ComputeBackend> backend = makeCpuBackend(defaultThreadPool());
  calib::CalibrationTable table = calib::calibrate(dump, calib::CalibrationOptions{}, *backend);
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

std::vector<LayerQualityRow> measure(const std::vector<int>& a, const std::vector<int>& b, const Progress& p = {}) {
  Fixture& f = fixture();
  std::vector<LayerQualityRow> rows;
  measureLayerQuality(*f.backend, f.dump, f.table, a, b, p, [&rows](LayerQualityRow&& r) { rows.push_back(r); });
  return rows;
}

TEST(LayerQuality, LayersAddUpToTheVerifiedWholeDump) {
  Fixture& f = fixture();
  alloc::AllocationRequest req;
  req.target = 2.5;
  const alloc::Allocation opt = alloc::allocate(f.table, req, alloc::AllocatorKind::Optimal);
  const alloc::Allocation uni = alloc::uniformBaseline(f.table, req.unit, req.target);
  const auto rows = measure(opt.choice, uni.choice);
  ASSERT_EQ(rows.size(), f.table.settings.layers.size());
  const auto verified = alloc::verifyAllocations(f.dump, {alloc::verifyPlan(f.table, opt), alloc::verifyPlan(f.table, uni)},
                                                 alloc::verifyOptions(f.table.settings), *f.backend);
  ASSERT_TRUE(verified[0].outputError && verified[1].outputError);
  double errA = 0, refA = 0, errU = 0, refU = 0, bpvA = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].layer, f.table.settings.layers[i]);
    ASSERT_TRUE(rows[i].allocation.outputError && rows[i].allocation.outputErrorK && rows[i].allocation.outputErrorV);
    EXPECT_GT(rows[i].allocation.cosineK, 0.5);
    EXPECT_LE(rows[i].allocation.cosineK, 1.0 + 1e-12);
    EXPECT_GT(rows[i].allocation.relMseV, 0.0);
    errA += rows[i].allocation.outputErr2;
    refA += rows[i].allocation.outputRef2;
    errU += rows[i].uniform.outputErr2;
    refU += rows[i].uniform.outputRef2;
    bpvA += rows[i].allocation.bpv;
  }
  // Every layer of the sample has the same size, so the dump's bits per value are the layers' mean.
  EXPECT_NEAR(bpvA / double(rows.size()), verified[0].bpv, 1e-9);
  EXPECT_NEAR(errA / refA, *verified[0].outputError, 1e-9 * *verified[0].outputError);
  EXPECT_NEAR(errU / refU, *verified[1].outputError, 1e-9 * *verified[1].outputError);
}

TEST(LayerQuality, APlanAgainstItselfGivesEqualRows) {
  Fixture& f = fixture();
  const alloc::Allocation uni = alloc::uniformBaseline(f.table, calib::RateUnit::Bits, 3.0);
  for (const auto& r : measure(uni.choice, uni.choice)) {
    EXPECT_DOUBLE_EQ(r.allocation.cosineK, r.uniform.cosineK);
    EXPECT_DOUBLE_EQ(r.allocation.relMseV, r.uniform.relMseV);
    EXPECT_DOUBLE_EQ(r.allocation.bpv, r.uniform.bpv);
    EXPECT_DOUBLE_EQ(r.allocation.outputErr2, r.uniform.outputErr2);
  }
}

TEST(LayerQuality, RejectsPlansThatDoNotFitAndStops) {
  Fixture& f = fixture();
  std::vector<int> plan(f.table.groupCount(), 0);
  std::vector<int> shorter(plan.begin(), plan.end() - 1);
  EXPECT_THROW(measure(shorter, plan), Error);
  std::vector<int> outside = plan;
  outside[0] = int(f.table.menu.size());
  EXPECT_THROW(measure(outside, plan), Error);
  std::stop_source stop;
  stop.request_stop();
  try {
    measure(plan, plan, Progress(stop.get_token()));
    FAIL() << "a stopped job ran to the end";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Cancelled);
  }
}

}  // namespace
}  // namespace vq
