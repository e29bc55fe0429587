// Simulated Vulkan faults (VQ_VULKAN_FAULT, gpu/vulkan/fault_injection.h): a GPU that fails to
// start or is lost mid-run leaves the work to the CPU, says why, and the results are the CPU's.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "backend_test_util.h"
#include "core/alloc/allocator.h"
#include "core/alloc/verify.h"
#include "core/calib/calibrator.h"
#include "core/common/error.h"
#include "core/io/dump.h"
#include "gpu/backend_factory.h"
#include "gpu/vulkan/fault_injection.h"

namespace vq::gpu {
namespace {

// Sets VQ_VULKAN_FAULT for one scope.
class FaultVariable {
 public:
  explicit FaultVariable(const char* value) { ::setenv(kFaultVariable, value, 1); }
  ~FaultVariable() { ::unsetenv(kFaultVariable); }
};

std::shared_ptr<Context> faultyContext(const FaultPlan& fault) {
  ContextOptions o;
  o.device = test::testDevice().index;
  o.pipelineCacheDir = test::testCacheDir();
  o.fault = fault;
  return Context::create(o);
}

struct PipelineRun {
  calib::CalibrationTable table;
  alloc::Allocation allocation;
  alloc::VerifyResult verified;
};

// C1 in small: calibrate the real sample (turboquant_mse 1-4 bits, attention metric), allocate
// at 2 bits and verify.
PipelineRun calibrateAllocateVerify(ComputeBackend& backend) {
  const Dump dump = Dump::open(std::string(VQ_SAMPLES_DIR) + "/s01_story_kite.npz");
  calib::CalibrationOptions o;
  o.attention.sampleQueries = 64;
  PipelineRun r;
  r.table = calib::calibrate(dump, o, backend);
  alloc::AllocationRequest request;
  request.target = 2.0;
  r.allocation = alloc::allocate(r.table, request, alloc::AllocatorKind::Optimal);
  r.verified = alloc::verifyAllocations(dump, {alloc::verifyPlan(r.table, r.allocation)},
                                        alloc::verifyOptions(r.table.settings), backend)
                   .front();
  return r;
}

void expectIdentical(const PipelineRun& a, const PipelineRun& b) {
  EXPECT_EQ(a.table.distortion, b.table.distortion);
  EXPECT_EQ(a.table.bpv, b.table.bpv);
  EXPECT_EQ(a.table.weight, b.table.weight);
  EXPECT_EQ(a.allocation.choice, b.allocation.choice);
  EXPECT_EQ(a.verified.groupDistortion, b.verified.groupDistortion);
  EXPECT_EQ(a.verified.outputError, b.verified.outputError);
  EXPECT_EQ(a.verified.relMseK, b.verified.relMseK);
  EXPECT_EQ(a.verified.relMseV, b.verified.relMseV);
  EXPECT_EQ(a.verified.bpv, b.verified.bpv);
}

TEST(GpuFaults, ParsesTheVariable) {
  EXPECT_EQ(parseFaultPlan("").kind, FaultPlan::Kind::None);
  EXPECT_EQ(parseFaultPlan("startup").kind, FaultPlan::Kind::Startup);
  const FaultPlan p = parseFaultPlan("lost-after:12");
  EXPECT_EQ(p.kind, FaultPlan::Kind::LostAfter);
  EXPECT_EQ(p.submits, 12);
  EXPECT_EQ(p.describe(), "VQ_VULKAN_FAULT=lost-after:12");
  for (const char* bad : {"lost-after:", "lost-after:-1", "lost-after:3x", "crash", "Startup"}) {
    try {
      parseFaultPlan(bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_NE(e.detail().find("VQ_VULKAN_FAULT"), std::string::npos) << e.detail();
    }
  }
}

TEST(GpuFaults, StartupFailureFallsBackToTheCpuWithTheReason) {
  VQ_REQUIRE_VULKAN();
  FaultVariable fault("startup");
  BackendRequest request;
  request.kind = BackendKind::Vulkan;
  request.device = test::testDevice().index;
  request.pipelineCacheDir = test::testCacheDir();
  std::string reason;
  auto backend = makeBackend(request, &reason);
  EXPECT_EQ(backend->name().rfind("CPU", 0), 0u) << backend->name();
  EXPECT_NE(reason.find("simulated Vulkan start-up failure"), std::string::npos) << reason;
  const PipelineRun cpu = calibrateAllocateVerify(*test::cpuBackend());
  expectIdentical(calibrateAllocateVerify(*backend), cpu);
}

TEST(GpuFaults, MalformedVariableIsAnError) {
  FaultVariable fault("sometimes");
  BackendRequest request;
  request.kind = BackendKind::Auto;
  EXPECT_THROW(makeBackend(request), Error);
}

TEST(GpuFaults, DeviceLostAtTheFirstSubmitGivesTheCpuResults) {
  VQ_REQUIRE_VULKAN();
  FaultPlan plan;
  plan.kind = FaultPlan::Kind::LostAfter;
  plan.submits = 0;
  auto backend = makeVulkanBackend(faultyContext(plan), defaultThreadPool());
  const PipelineRun gpu = calibrateAllocateVerify(*backend);
  EXPECT_NE(backend->name().find("device lost: running on the CPU"), std::string::npos) << backend->name();
  expectIdentical(gpu, calibrateAllocateVerify(*test::cpuBackend()));
}

TEST(GpuFaults, DeviceLostMidRunFinishesOnTheCpu) {
  // The loss strikes inside the first layer, between quantize and attention submits: the work
  // already read back is kept, reconstructions left on the lost device are made again on the
  // CPU, and the rest runs on the CPU. GPU results agree with the CPU's within the kernels'
  // tolerance (not bit for bit: the GPU's float sums are ordered differently), so the
  // allocation is the same.
  VQ_REQUIRE_VULKAN();
  const PipelineRun cpu = calibrateAllocateVerify(*test::cpuBackend());
  for (int64_t submits : {1, 3, 6}) {
    SCOPED_TRACE("lost after " + std::to_string(submits) + " submits");
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::LostAfter;
    plan.submits = submits;
    auto context = faultyContext(plan);
    auto backend = makeVulkanBackend(context, defaultThreadPool());
    const PipelineRun gpu = calibrateAllocateVerify(*backend);
    EXPECT_TRUE(context->lost());
    EXPECT_NE(context->lostReason().find("simulated device loss after"), std::string::npos) << context->lostReason();
    EXPECT_NE(backend->name().find("device lost"), std::string::npos);
    EXPECT_EQ(gpu.table.bpv, cpu.table.bpv);
    EXPECT_EQ(gpu.allocation.choice, cpu.allocation.choice);
    ASSERT_EQ(gpu.table.distortion.size(), cpu.table.distortion.size());
    for (size_t g = 0; g < cpu.table.distortion.size(); ++g)
      for (size_t c = 0; c < cpu.table.distortion[g].size(); ++c)
        EXPECT_NEAR(gpu.table.distortion[g][c], cpu.table.distortion[g][c], 2e-3 * cpu.table.distortion[g][c] + 1e-9);
    ASSERT_TRUE(gpu.verified.outputError && cpu.verified.outputError);
    EXPECT_NEAR(*gpu.verified.outputError, *cpu.verified.outputError, 2e-3 * *cpu.verified.outputError);
  }
}

}  // namespace
}  // namespace vq::gpu
