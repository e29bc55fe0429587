// Backend selection: explicit CPU, forced Vulkan device, automatic mode (never a CPU-type
// device), and the reasons given when the CPU is used instead.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "core/common/error.h"
#include "gpu/backend_factory.h"
#include "gpu/device_info.h"
#include "gpu_test_device.h"

namespace vq::gpu {
namespace {

// Sets or clears VQ_DEVICE for one scope.
class ScopedDeviceEnv {
 public:
  explicit ScopedDeviceEnv(const char* value) {
    if (const char* old = std::getenv("VQ_DEVICE")) m_old = old;
    if (value) {
      ::setenv("VQ_DEVICE", value, 1);
    } else {
      ::unsetenv("VQ_DEVICE");
    }
  }
  ~ScopedDeviceEnv() {
    if (m_old.empty()) {
      ::unsetenv("VQ_DEVICE");
    } else {
      ::setenv("VQ_DEVICE", m_old.c_str(), 1);
    }
  }

 private:
  std::string m_old;
};

TEST(BackendFactory, ParsesKinds) {
  EXPECT_EQ(parseBackendKind("auto"), BackendKind::Auto);
  EXPECT_EQ(parseBackendKind("cpu"), BackendKind::Cpu);
  EXPECT_EQ(parseBackendKind("vulkan"), BackendKind::Vulkan);
  EXPECT_FALSE(parseBackendKind("gpu").has_value());
}

TEST(BackendFactory, CpuWhenAsked) {
  std::string reason = "x";
  auto b = makeBackend({BackendKind::Cpu}, &reason);
  EXPECT_EQ(b->name().rfind("CPU", 0), 0u);
  EXPECT_FALSE(b->computesOffHost());  // no read-ahead, no layers kept for verify
  EXPECT_TRUE(reason.empty());
}

TEST(BackendFactory, ForcedDeviceGivesVulkan) {
  VQ_REQUIRE_VULKAN();
  ScopedDeviceEnv env(nullptr);
  BackendRequest r;
  r.kind = BackendKind::Vulkan;
  r.device = test::testDevice().index;
  r.pipelineCacheDir = test::testCacheDir();
  std::string reason;
  auto b = makeBackend(r, &reason);
  EXPECT_EQ(b->name(), "Vulkan: " + test::testDevice().name) << reason;
  EXPECT_TRUE(b->computesOffHost());
  EXPECT_TRUE(reason.empty());
}

TEST(BackendFactory, EnvironmentPicksTheDevice) {
  VQ_REQUIRE_VULKAN();
  ScopedDeviceEnv env(std::to_string(test::testDevice().index).c_str());
  BackendRequest r;
  r.pipelineCacheDir = test::testCacheDir();
  std::string reason;
  EXPECT_EQ(makeBackend(r, &reason)->name(), "Vulkan: " + test::testDevice().name) << reason;
  ScopedDeviceEnv bad("gpu0");
  EXPECT_THROW(makeBackend(r, &reason), Error);
}

TEST(BackendFactory, AutomaticModeNeverPicksCpuTypeDevices) {
  ScopedDeviceEnv env(nullptr);
  const DeviceList list = listDevices();
  BackendRequest r;
  r.pipelineCacheDir = test::testCacheDir();
  std::string reason;
  auto b = makeBackend(r, &reason);
  if (pickAutomatic(list) >= 0) {
    EXPECT_EQ(b->name().rfind("Vulkan: ", 0), 0u) << reason;
  } else {
    EXPECT_EQ(b->name().rfind("CPU", 0), 0u);
    EXPECT_FALSE(reason.empty());
    if (!list.devices.empty()) {
      EXPECT_NE(reason.find("CPU-type"), std::string::npos) << reason;
    }
  }
}

TEST(BackendFactory, MissingDeviceFallsBackWithTheReason) {
  ScopedDeviceEnv env(nullptr);
  BackendRequest r;
  r.kind = BackendKind::Vulkan;
  r.device = 999;
  std::string reason;
  auto b = makeBackend(r, &reason);
  EXPECT_EQ(b->name().rfind("CPU", 0), 0u);
  EXPECT_FALSE(reason.empty());
}

}  // namespace
}  // namespace vq::gpu
