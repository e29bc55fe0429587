#include "gpu/backend_factory.h"

#include <cstdlib>
#include <string>

#include "core/common/error.h"
#include "core/common/thread_pool.h"
#if VQ_HAVE_VULKAN
#include "gpu/vulkan/fault_injection.h"
#include "gpu/vulkan_backend.h"
#endif

namespace vq::gpu {

std::optional<BackendKind> parseBackendKind(std::string_view text) {
  if (text == "auto") return BackendKind::Auto;
  if (text == "cpu") return BackendKind::Cpu;
  if (text == "vulkan") return BackendKind::Vulkan;
  return std::nullopt;
}

std::unique_ptr<ComputeBackend> makeBackend(const BackendRequest& request, std::string* reasonIfCpu) {
  ThreadPool& pool = request.pool ? *request.pool : defaultThreadPool();
  auto cpu = [&](std::string reason) {
    if (reasonIfCpu) *reasonIfCpu = std::move(reason);
    return makeCpuBackend(pool);
  };
  if (request.kind == BackendKind::Cpu) return cpu("");
  int device = request.device;
  if (device < 0) {
    if (const char* env = std::getenv("VQ_DEVICE"); env && *env) {
      char* end = nullptr;
      const long v = std::strtol(env, &end, 10);
      if (*end != '\0' || v < 0 || v > 1000)
        throw Error(ErrorCode::InvalidArgument, std::string("VQ_DEVICE must be a device index, got '") + env + "'");
      device = int(v);
    }
  }
#if VQ_HAVE_VULKAN
  const FaultPlan fault = faultPlanFromEnvironment();  // a malformed value is a usage error
  try {
    ContextOptions o;
    o.fault = fault;
    o.device = device;
    o.pipelineCacheDir = request.pipelineCacheDir;
    o.validation = std::getenv("VQ_VULKAN_VALIDATION") != nullptr;
    auto backend = makeVulkanBackend(o, pool);
    if (reasonIfCpu) reasonIfCpu->clear();
    return backend;
  } catch (const Error& e) {
    return cpu(e.detail());
  } catch (const std::exception& e) {
    return cpu(std::string("Vulkan initialization failed: ") + e.what());
  }
#else
  (void)device;
  return cpu("this build has no Vulkan backend (VQ_WITH_VULKAN=OFF)");
#endif
}

}  // namespace vq::gpu
