#include "gpu/vulkan/vk_error.h"

namespace vq::gpu {

namespace {

ErrorCode codeOf(VkResult r) {
  switch (r) {
    case VK_ERROR_OUT_OF_HOST_MEMORY:
    case VK_ERROR_OUT_OF_DEVICE_MEMORY:
    case VK_ERROR_LAYER_NOT_PRESENT:
    case VK_ERROR_EXTENSION_NOT_PRESENT:
    case VK_ERROR_FEATURE_NOT_PRESENT:
    case VK_ERROR_INCOMPATIBLE_DRIVER:
    case VK_ERROR_FORMAT_NOT_SUPPORTED:
    case VK_ERROR_TOO_MANY_OBJECTS:
      return ErrorCode::Unsupported;
    default:
      return ErrorCode::Io;
  }
}

}  // namespace

std::string vkResultName(VkResult r) {
  switch (r) {
#define VQ_NAME(x) \
  case x: return #x;
    VQ_NAME(VK_SUCCESS)
    VQ_NAME(VK_NOT_READY)
    VQ_NAME(VK_TIMEOUT)
    VQ_NAME(VK_EVENT_SET)
    VQ_NAME(VK_EVENT_RESET)
    VQ_NAME(VK_INCOMPLETE)
    VQ_NAME(VK_ERROR_OUT_OF_HOST_MEMORY)
    VQ_NAME(VK_ERROR_OUT_OF_DEVICE_MEMORY)
    VQ_NAME(VK_ERROR_INITIALIZATION_FAILED)
    VQ_NAME(VK_ERROR_DEVICE_LOST)
    VQ_NAME(VK_ERROR_MEMORY_MAP_FAILED)
    VQ_NAME(VK_ERROR_LAYER_NOT_PRESENT)
    VQ_NAME(VK_ERROR_EXTENSION_NOT_PRESENT)
    VQ_NAME(VK_ERROR_FEATURE_NOT_PRESENT)
    VQ_NAME(VK_ERROR_INCOMPATIBLE_DRIVER)
    VQ_NAME(VK_ERROR_TOO_MANY_OBJECTS)
    VQ_NAME(VK_ERROR_FORMAT_NOT_SUPPORTED)
    VQ_NAME(VK_ERROR_FRAGMENTED_POOL)
    VQ_NAME(VK_ERROR_UNKNOWN)
    VQ_NAME(VK_ERROR_OUT_OF_POOL_MEMORY)
    VQ_NAME(VK_ERROR_INVALID_EXTERNAL_HANDLE)
    VQ_NAME(VK_ERROR_FRAGMENTATION)
    VQ_NAME(VK_ERROR_INVALID_OPAQUE_CAPTURE_ADDRESS)
    VQ_NAME(VK_PIPELINE_COMPILE_REQUIRED)
#undef VQ_NAME
    default:
      return "VkResult " + std::to_string(int(r));
  }
}

VulkanError::VulkanError(VkResult result, std::string_view what)
    : Error(codeOf(result), std::string(what) + " failed: " + vkResultName(result)), m_result(result) {}

}  // namespace vq::gpu
