#include "gpu/vulkan/loader.h"

#include <dlfcn.h>

namespace vq::gpu {

const VulkanLoader& VulkanLoader::get() {
  static const VulkanLoader loader = [] {
    VulkanLoader l;
    void* lib = ::dlopen("libvulkan.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      const char* why = ::dlerror();
      l.error = std::string("Vulkan loader libvulkan.so.1 not found") + (why ? std::string(" (") + why + ")" : "");
      return l;
    }
    l.getInstanceProcAddr =
        reinterpret_cast<PFN_vkGetInstanceProcAddr>(::dlsym(lib, "vkGetInstanceProcAddr"));
    if (!l.getInstanceProcAddr) {
      l.error = "libvulkan.so.1 has no vkGetInstanceProcAddr";
      return l;
    }
    l.createInstance = reinterpret_cast<PFN_vkCreateInstance>(
        l.getInstanceProcAddr(VK_NULL_HANDLE, "vkCreateInstance"));
    l.enumerateInstanceVersion = reinterpret_cast<PFN_vkEnumerateInstanceVersion>(
        l.getInstanceProcAddr(VK_NULL_HANDLE, "vkEnumerateInstanceVersion"));
    if (!l.createInstance) l.error = "libvulkan.so.1 has no vkCreateInstance";
    return l;
  }();
  return loader;
}

}  // namespace vq::gpu
