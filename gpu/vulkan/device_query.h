// Describes one physical device (name, type, memory, limits) for the device list and the context.
#pragma once

#include "gpu/device_info.h"
#include "gpu/vulkan/vk_functions.h"

namespace vq::gpu {

DeviceInfo describePhysicalDevice(const InstanceFunctions& fns, VkPhysicalDevice device, int index);

}  // namespace vq::gpu
