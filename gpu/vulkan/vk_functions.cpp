#include "gpu/vulkan/vk_functions.h"

namespace vq::gpu {

const char* InstanceFunctions::load(PFN_vkGetInstanceProcAddr getInstanceProcAddr, VkInstance instance) {
#define VQ_VK_LOAD(name)                                                              \
  name = reinterpret_cast<PFN_##name>(getInstanceProcAddr(instance, #name));          \
  if (!name) return #name;
  VQ_VK_INSTANCE_FUNCTIONS(VQ_VK_LOAD)
#undef VQ_VK_LOAD
  return nullptr;
}

const char* DeviceFunctions::load(PFN_vkGetDeviceProcAddr getDeviceProcAddr, VkDevice device) {
#define VQ_VK_LOAD(name)                                                              \
  name = reinterpret_cast<PFN_##name>(getDeviceProcAddr(device, #name));              \
  if (!name) return #name;
  VQ_VK_DEVICE_FUNCTIONS(VQ_VK_LOAD)
#undef VQ_VK_LOAD
  return nullptr;
}

}  // namespace vq::gpu
