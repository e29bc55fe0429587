#include "core/common/error.h"
#include "gpu/device_info.h"
#include "gpu/kernel_bench.h"

namespace vq::gpu {

DeviceList listDevices() { return {{}, "this build has no Vulkan backend (VQ_WITH_VULKAN=OFF)"}; }

KernelBenchReport runKernelBench(const KernelBenchOptions&) {
  throw Error(ErrorCode::Unsupported, "this build has no Vulkan backend (VQ_WITH_VULKAN=OFF)");
}

}  // namespace vq::gpu
