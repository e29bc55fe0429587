// Verification on the real sample: measured per-group distortion equals the calibrated table,
// storage matches, and at 2.0 average bits the optimal allocation beats uniform 2-bit in the
// MEASURED attention output error of the whole dump (DESIGN.md §10).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "core/alloc/allocator.h"
#include "core/alloc/verify.h"
#include "core/calib/calibrator.h"
#include "core/common/error.h"
#include "core/common/thread_pool.h"

namespace vq::alloc {
namespace {

const std::filesystem::path kSamples = VQ_SAMPLES_DIR;

struct Fixture {
  Dump dump = Dump::open(kSamples / "s01_story_kite.npz");
  std::unique_ptr<ComputeBackend> backend = makeCpuBackend(defaultThreadPool());
};

TEST(Verify, MeasuredGroupsEqualTheTable) {
  Fixture f;
  const calib::CalibrationTable t = calib::calibrate(f.dump, calib::CalibrationOptions{}, *f.backend);
  AllocationRequest req;
  req.target = 2.5;
  const Allocation a = allocate(t, req, AllocatorKind::Optimal);
  const auto r = verifyAllocations(f.dump, {verifyPlan(t, a)}, verifyOptions(t.settings), *f.backend);
  ASSERT_EQ(r.size(), 1u);
  for (size_t g = 0; g < t.groupCount(); ++g) {
    EXPECT_NEAR(r[0].groupDistortion[g], t.distortion[g][size_t(a.choice[g])],
                1e-12 * t.distortion[g][size_t(a.choice[g])])
        << t.groups[g].id;
    EXPECT_DOUBLE_EQ(r[0].groupBpv[g], t.bpv[g][size_t(a.choice[g])]);
  }
  EXPECT_NEAR(r[0].bpv, a.achievedBpv, 1e-12);
  ASSERT_TRUE(r[0].outputError && r[0].outputErrorK && r[0].outputErrorV);
  // The prediction sums K-only and V-only errors; the joint error is close to that sum.
  EXPECT_NEAR(*r[0].outputError, a.predicted, 0.5 * a.predicted);
}

TEST(Verify, OptimalBeatsUniformAtTwoBitsOnTheRealSample) {
  Fixture f;
  const calib::CalibrationTable t = calib::calibrate(f.dump, calib::CalibrationOptions{}, *f.backend);
  AllocationRequest req;
  req.target = 2.0;
  const Allocation opt = allocate(t, req, AllocatorKind::Optimal);
  const Allocation rq = allocate(t, req, AllocatorKind::RateQuant);
  const Allocation uni = allocate(t, req, AllocatorKind::Uniform);
  for (int c : uni.choice) ASSERT_EQ(t.menu[size_t(c)].bits, 2);
  EXPECT_LE(opt.achieved, 2.0);
  EXPECT_LE(opt.predicted, uni.predicted);
  EXPECT_LE(opt.predicted, rq.predicted);
  const auto r = verifyAllocations(f.dump, {verifyPlan(t, opt), verifyPlan(t, rq), verifyPlan(t, uni)},
                                   verifyOptions(t.settings), *f.backend);
  ASSERT_TRUE(r[0].outputError && r[2].outputError);
  std::printf("2.0 bits on s01_story_kite: predicted optimal %.5f ratequant %.5f uniform %.5f; measured output "
              "error optimal %.5f ratequant %.5f uniform %.5f (bpv %.3f / %.3f / %.3f)\n",
              opt.predicted, rq.predicted, uni.predicted, *r[0].outputError, *r[1].outputError, *r[2].outputError,
              r[0].bpv, r[1].bpv, r[2].bpv);
  EXPECT_LT(*r[0].outputError, *r[2].outputError);
  EXPECT_LE(r[0].bpv, r[2].bpv + 1e-12);
}

TEST(Verify, RejectsPlansThatDoNotFit) {
  Fixture f;
  calib::CalibrationOptions o;
  o.probe = calib::Probe::KeyNorm;
  const calib::CalibrationTable t = calib::calibrate(f.dump, o, *f.backend);
  VerifyPlan p{t.groups, t.menu, std::vector<int>(t.groupCount(), 0)};
  p.choice[3] = 7;
  EXPECT_THROW(verifyAllocations(f.dump, {p}, verifyOptions(t.settings), *f.backend), Error);
  p.choice[3] = 0;
  p.groups.pop_back();
  p.choice.pop_back();
  EXPECT_THROW(verifyAllocations(f.dump, {p}, verifyOptions(t.settings), *f.backend), Error);  // L1.H3.V uncovered
}

}  // namespace
}  // namespace vq::alloc

namespace vq::alloc {
namespace {

void expectSame(const VerifyResult& a, const VerifyResult& b) {
  EXPECT_EQ(a.groupDistortion, b.groupDistortion);
  EXPECT_EQ(a.groupBpv, b.groupBpv);
  EXPECT_EQ(a.bpv, b.bpv);
  EXPECT_EQ(a.bpvK, b.bpvK);
  EXPECT_EQ(a.bpvV, b.bpvV);
  EXPECT_EQ(a.outputError, b.outputError);
  EXPECT_EQ(a.outputErrorK, b.outputErrorK);
  EXPECT_EQ(a.outputErrorV, b.outputErrorV);
  EXPECT_EQ(a.relMseK, b.relMseK);
  EXPECT_EQ(a.relMseV, b.relMseV);
  EXPECT_EQ(a.queries, b.queries);
}

// `tune`'s fast path: verify reusing calibration's measurements (and, with keepLayers, its open
// layers and reconstructions) gives bit-identical results to a verify from scratch.
TEST(Verify, ReusingCalibrationIsBitIdentical) {
  Fixture f;
  uint64_t allBytes = 0;
  for (int mode : {0, 1, 2}) {  // measurements only; every layer kept open; about half of them
    SCOPED_TRACE(mode == 0 ? "measurements only" : mode == 1 ? "layers kept open" : "some layers kept");
    calib::CalibrationMeasurements kept;
    kept.keepLayers = mode > 0;
    if (mode == 2) kept.keepLimitBytes = allBytes / 2;
    const calib::CalibrationTable t = calib::calibrate(f.dump, calib::CalibrationOptions{}, *f.backend, {}, {}, &kept);
    EXPECT_EQ(kept.layers.size(), t.settings.layers.size());
    if (mode == 1) {
      EXPECT_EQ(kept.kept.size(), t.settings.layers.size());
      allBytes = kept.keptBytes;
    } else if (mode == 2) {
      EXPECT_GT(kept.kept.size(), 0u);
      EXPECT_LT(kept.kept.size(), t.settings.layers.size());
      EXPECT_LE(kept.keptBytes, allBytes / 2);
    } else {
      EXPECT_TRUE(kept.kept.empty());
    }
    AllocationRequest req;
    req.target = 2.0;
    const Allocation opt = allocate(t, req, AllocatorKind::Optimal);
    const Allocation rq = allocate(t, req, AllocatorKind::RateQuant);
    const Allocation uni = allocate(t, req, AllocatorKind::Uniform);
    const std::vector<VerifyPlan> plans = {verifyPlan(t, opt), verifyPlan(t, rq), verifyPlan(t, uni)};
    // The optimum gives some heads different K and V bit-widths: those are evaluated again.
    bool mixed = false;
    for (size_t g = 0; g < t.groupCount(); ++g)
      for (size_t h = 0; h < t.groupCount(); ++h) {
        const auto &a = t.groups[g].key, &b = t.groups[h].key;
        mixed = mixed || (a.layer == b.layer && a.head == b.head && a.role == calib::GroupRole::K &&
                          b.role == calib::GroupRole::V && opt.choice[g] != opt.choice[h]);
      }
    EXPECT_TRUE(mixed);
    const auto fresh = verifyAllocations(f.dump, plans, verifyOptions(t.settings), *f.backend);
    const auto reused = verifyAllocations(f.dump, plans, verifyOptions(t.settings), *f.backend, {}, &kept);
    ASSERT_EQ(fresh.size(), reused.size());
    for (size_t i = 0; i < fresh.size(); ++i) expectSame(fresh[i], reused[i]);
  }
}

TEST(Verify, MeasurementsOfAnotherQuerySampleAreNotReused) {
  Fixture f;
  calib::CalibrationMeasurements kept;
  calib::CalibrationOptions o;
  o.attention.sampleQueries = 32;
  const calib::CalibrationTable t = calib::calibrate(f.dump, o, *f.backend, {}, {}, &kept);
  AllocationRequest req;
  req.target = 2.0;
  const Allocation opt = allocate(t, req, AllocatorKind::Optimal);
  VerifyOptions other = verifyOptions(t.settings);
  other.attention.sampleQueries = 64;  // a different sample: the measurements do not apply
  const auto fresh = verifyAllocations(f.dump, {verifyPlan(t, opt)}, other, *f.backend);
  const auto reused = verifyAllocations(f.dump, {verifyPlan(t, opt)}, other, *f.backend, {}, &kept);
  expectSame(fresh[0], reused[0]);
  EXPECT_EQ(fresh[0].queries, reused[0].queries);
}

}  // namespace
}  // namespace vq::alloc
