// Vulkan failures as vq::Error: the VkResult's name in the detail, a code the CLI and GUI
// understand (Unsupported when the device cannot do it — out of memory, missing feature or
// driver —, Io for the rest, including a lost device), and the VkResult for callers that react
// to it (a lost device sends the backend to the CPU for good).
#pragma once

#include <string>
#include <string_view>

#include <vulkan/vulkan.h>

#include "core/common/error.h"

namespace vq::gpu {

// "VK_ERROR_DEVICE_LOST", ..., or "VkResult <n>" for a code this build does not name.
std::string vkResultName(VkResult r);

class VulkanError : public Error {
 public:
  VulkanError(VkResult result, std::string_view what);
  VkResult result() const noexcept { return m_result; }
  bool deviceLost() const noexcept { return m_result == VK_ERROR_DEVICE_LOST; }
  bool outOfMemory() const noexcept {
    return m_result == VK_ERROR_OUT_OF_DEVICE_MEMORY || m_result == VK_ERROR_OUT_OF_HOST_MEMORY;
  }

 private:
  VkResult m_result;
};

// Throws VulkanError("<what> failed: <name>") unless r is VK_SUCCESS.
inline void vkCheck(VkResult r, std::string_view what) {
  if (r != VK_SUCCESS) throw VulkanError(r, what);
}

}  // namespace vq::gpu
