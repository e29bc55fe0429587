// The Vulkan entry points vq_gpu calls, resolved at run time through the loader opened with
// dlopen (loader.h): vq_gpu is built with VK_NO_PROTOTYPES and never links libvulkan.
#pragma once

#include <vulkan/vulkan.h>

namespace vq::gpu {

#define VQ_VK_INSTANCE_FUNCTIONS(X)        \
  X(vkDestroyInstance)                     \
  X(vkEnumeratePhysicalDevices)            \
  X(vkGetPhysicalDeviceProperties)         \
  X(vkGetPhysicalDeviceProperties2)        \
  X(vkGetPhysicalDeviceFeatures2)          \
  X(vkGetPhysicalDeviceMemoryProperties)   \
  X(vkGetPhysicalDeviceQueueFamilyProperties) \
  X(vkEnumerateDeviceExtensionProperties)  \
  X(vkCreateDevice)                        \
  X(vkGetDeviceProcAddr)

#define VQ_VK_DEVICE_FUNCTIONS(X)      \
  X(vkDestroyDevice)                   \
  X(vkGetDeviceQueue)                  \
  X(vkDeviceWaitIdle)                  \
  X(vkCreateBuffer)                    \
  X(vkDestroyBuffer)                   \
  X(vkGetBufferMemoryRequirements)     \
  X(vkAllocateMemory)                  \
  X(vkFreeMemory)                      \
  X(vkBindBufferMemory)                \
  X(vkMapMemory)                       \
  X(vkUnmapMemory)                     \
  X(vkFlushMappedMemoryRanges)         \
  X(vkInvalidateMappedMemoryRanges)    \
  X(vkCreateShaderModule)              \
  X(vkDestroyShaderModule)             \
  X(vkCreatePipelineCache)             \
  X(vkDestroyPipelineCache)            \
  X(vkGetPipelineCacheData)            \
  X(vkCreateDescriptorSetLayout)       \
  X(vkDestroyDescriptorSetLayout)      \
  X(vkCreatePipelineLayout)            \
  X(vkDestroyPipelineLayout)           \
  X(vkCreateComputePipelines)          \
  X(vkDestroyPipeline)                 \
  X(vkCreateDescriptorPool)            \
  X(vkDestroyDescriptorPool)           \
  X(vkResetDescriptorPool)             \
  X(vkAllocateDescriptorSets)          \
  X(vkUpdateDescriptorSets)            \
  X(vkCreateCommandPool)               \
  X(vkDestroyCommandPool)              \
  X(vkResetCommandPool)                \
  X(vkAllocateCommandBuffers)          \
  X(vkBeginCommandBuffer)              \
  X(vkEndCommandBuffer)                \
  X(vkCmdBindPipeline)                 \
  X(vkCmdBindDescriptorSets)           \
  X(vkCmdPushConstants)                \
  X(vkCmdDispatch)                     \
  X(vkCmdPipelineBarrier)              \
  X(vkCmdCopyBuffer)                   \
  X(vkCmdFillBuffer)                   \
  X(vkCreateFence)                     \
  X(vkDestroyFence)                    \
  X(vkResetFences)                     \
  X(vkWaitForFences)                   \
  X(vkQueueSubmit)                     \
  X(vkCreateQueryPool)                 \
  X(vkDestroyQueryPool)                \
  X(vkCmdResetQueryPool)               \
  X(vkCmdWriteTimestamp)               \
  X(vkGetQueryPoolResults)

#define VQ_VK_DECLARE_MEMBER(name) PFN_##name name = nullptr;

struct InstanceFunctions {
  VQ_VK_INSTANCE_FUNCTIONS(VQ_VK_DECLARE_MEMBER)
  // Resolves every entry point of `instance`; returns the name of the first missing one, or null.
  const char* load(PFN_vkGetInstanceProcAddr getInstanceProcAddr, VkInstance instance);
};

struct DeviceFunctions {
  VQ_VK_DEVICE_FUNCTIONS(VQ_VK_DECLARE_MEMBER)
  const char* load(PFN_vkGetDeviceProcAddr getDeviceProcAddr, VkDevice device);
};

#undef VQ_VK_DECLARE_MEMBER

}  // namespace vq::gpu
