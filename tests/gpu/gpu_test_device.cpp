#include "gpu_test_device.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "gpu/device_info.h"

namespace vq::gpu::test {

const TestDevice& testDevice() {
  static const TestDevice device = [] {
    TestDevice d;
    const DeviceList list = listDevices();
    if (list.devices.empty()) {
      d.skipReason = list.unavailableReason;
      return d;
    }
    if (const char* env = std::getenv("VQ_DEVICE"); env && *env) {
      d.index = std::atoi(env);
    } else {
      d.index = list.devices.front().index;
      for (const auto& info : list.devices)
        if (info.type == DeviceType::Cpu) {
          d.index = info.index;
          break;
        }
    }
    for (const auto& info : list.devices)
      if (info.index == d.index) d.name = info.name;
    std::fprintf(stderr, "[vq_gpu_tests] Vulkan device %d: %s\n", d.index, d.name.c_str());
    return d;
  }();
  return device;
}

std::string testCacheDir() { return VQ_GPU_TEST_CACHE_DIR; }

namespace {

std::mutex g_mutex;
std::shared_ptr<Context> g_context;

// Destroys the shared context when the tests end, before static destructors run: a driver may
// already be unloading by then (the NVIDIA driver crashed at exit when the context outlived main).
class ReleaseContext : public ::testing::Environment {
 public:
  void TearDown() override {
    std::lock_guard lock(g_mutex);
    g_context.reset();
  }
};
[[maybe_unused]] ::testing::Environment* const g_release = ::testing::AddGlobalTestEnvironment(new ReleaseContext);

}  // namespace

std::shared_ptr<Context> testContext() {
  std::mutex& mutex = g_mutex;
  std::shared_ptr<Context>& context = g_context;
  std::lock_guard lock(mutex);
  if (!context) {
    ContextOptions o;
    o.device = testDevice().index;
    o.pipelineCacheDir = testCacheDir();
    o.validation = std::getenv("VQ_VULKAN_VALIDATION") != nullptr;
    context = Context::create(o);
  }
  return context;
}

}  // namespace vq::gpu::test
