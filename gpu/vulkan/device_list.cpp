#include <string>
#include <vector>

#include "gpu/device_info.h"
#include "gpu/vulkan/device_query.h"
#include "gpu/vulkan/loader.h"
#include "gpu/vulkan/vk_functions.h"

namespace vq::gpu {

namespace {

DeviceType toType(VkPhysicalDeviceType t) {
  switch (t) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return DeviceType::Discrete;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return DeviceType::Integrated;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return DeviceType::Virtual;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return DeviceType::Cpu;
    default: return DeviceType::Other;
  }
}

std::string versionText(uint32_t v) {
  return std::to_string(VK_API_VERSION_MAJOR(v)) + "." + std::to_string(VK_API_VERSION_MINOR(v)) +
         "." + std::to_string(VK_API_VERSION_PATCH(v));
}

}  // namespace

DeviceInfo describePhysicalDevice(const InstanceFunctions& fns, VkPhysicalDevice device, int index) {
  VkPhysicalDeviceSubgroupProperties sub{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_PROPERTIES};
  VkPhysicalDeviceDriverProperties drv{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES};
  sub.pNext = &drv;
  VkPhysicalDeviceProperties2 p{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2};
  p.pNext = &sub;
  fns.vkGetPhysicalDeviceProperties2(device, &p);
  VkPhysicalDeviceMemoryProperties mp{};
  fns.vkGetPhysicalDeviceMemoryProperties(device, &mp);
  DeviceInfo d;
  d.index = index;
  d.name = p.properties.deviceName;
  d.type = toType(p.properties.deviceType);
  d.apiVersion = p.properties.apiVersion;
  d.apiVersionText = versionText(p.properties.apiVersion);
  d.driver = std::string(drv.driverName) + (drv.driverInfo[0] ? std::string(" ") + drv.driverInfo : "");
  for (uint32_t h = 0; h < mp.memoryHeapCount; ++h)
    if (mp.memoryHeaps[h].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) d.deviceLocalBytes += mp.memoryHeaps[h].size;
  d.maxComputeWorkGroupInvocations = p.properties.limits.maxComputeWorkGroupInvocations;
  d.subgroupSize = sub.subgroupSize;
  return d;
}

DeviceList listDevices() {
  DeviceList out;
  const VulkanLoader& L = VulkanLoader::get();
  if (!L.ok()) {
    out.unavailableReason = L.error;
    return out;
  }
  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = "veloxquant";
  app.apiVersion = VK_API_VERSION_1_2;
  VkInstanceCreateInfo ci{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  ci.pApplicationInfo = &app;
  VkInstance instance = VK_NULL_HANDLE;
  const VkResult rc = L.createInstance(&ci, nullptr, &instance);
  if (rc != VK_SUCCESS) {
    out.unavailableReason = "vkCreateInstance failed (VkResult " + std::to_string(int(rc)) +
                            "): no Vulkan driver (ICD) is installed or it does not support Vulkan 1.2";
    return out;
  }
  InstanceFunctions fns;
  if (const char* missing = fns.load(L.getInstanceProcAddr, instance)) {
    out.unavailableReason = std::string("the Vulkan loader lacks ") + missing;
    if (fns.vkDestroyInstance) fns.vkDestroyInstance(instance, nullptr);
    return out;
  }
  uint32_t count = 0;
  fns.vkEnumeratePhysicalDevices(instance, &count, nullptr);
  std::vector<VkPhysicalDevice> phys(count);
  fns.vkEnumeratePhysicalDevices(instance, &count, phys.data());
  phys.resize(count);
  for (uint32_t i = 0; i < count; ++i) out.devices.push_back(describePhysicalDevice(fns, phys[i], int(i)));
  fns.vkDestroyInstance(instance, nullptr);
  if (out.devices.empty()) out.unavailableReason = "the Vulkan loader found no physical device";
  return out;
}

}  // namespace vq::gpu
