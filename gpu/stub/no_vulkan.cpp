#include "gpu/device_info.h"

namespace vq::gpu {

DeviceList listDevices() { return {{}, "this build has no Vulkan backend (VQ_WITH_VULKAN=OFF)"}; }

}  // namespace vq::gpu
