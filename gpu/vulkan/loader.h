// Opens libvulkan.so.1 at run time and resolves the entry points vq_gpu uses.
#pragma once

#include <string>

#include <vulkan/vulkan.h>

namespace vq::gpu {

struct VulkanLoader {
  PFN_vkGetInstanceProcAddr getInstanceProcAddr = nullptr;
  PFN_vkCreateInstance createInstance = nullptr;
  PFN_vkEnumerateInstanceVersion enumerateInstanceVersion = nullptr;
  std::string error;  // why loading failed, empty on success

  // The process-wide loader, opened on first use.
  static const VulkanLoader& get();
  bool ok() const { return error.empty(); }
};

}  // namespace vq::gpu
