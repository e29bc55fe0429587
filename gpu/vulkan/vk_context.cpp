#include "gpu/vulkan/vk_context.h"

#include <cstdio>
#include <cstring>
#include <vector>

#include "gpu/vulkan/device_query.h"
#include "gpu/vulkan/loader.h"
#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_error.h"
#include "gpu/vulkan/vk_memory.h"
#include "gpu/vulkan/vk_pipeline.h"

namespace vq::gpu {

namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

VKAPI_ATTR VkBool32 VKAPI_CALL debugMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                            VkDebugUtilsMessageTypeFlagsEXT,
                                            const VkDebugUtilsMessengerCallbackDataEXT* data, void*) {
  if (severity >= VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT)
    std::fprintf(stderr, "vulkan: %s\n", data->pMessage ? data->pMessage : "(no message)");
  return VK_FALSE;
}

bool hasLayer(const VulkanLoader& L, const char* name) {
  auto enumerate = reinterpret_cast<PFN_vkEnumerateInstanceLayerProperties>(
      L.getInstanceProcAddr(VK_NULL_HANDLE, "vkEnumerateInstanceLayerProperties"));
  if (!enumerate) return false;
  uint32_t n = 0;
  if (enumerate(&n, nullptr) != VK_SUCCESS) return false;
  std::vector<VkLayerProperties> layers(n);
  if (enumerate(&n, layers.data()) != VK_SUCCESS) return false;
  for (uint32_t i = 0; i < n; ++i)
    if (std::strcmp(layers[i].layerName, name) == 0) return true;
  return false;
}

// A family that can run compute shaders; a compute-only family (no graphics) first.
int pickQueueFamily(const InstanceFunctions& fns, VkPhysicalDevice device) {
  uint32_t n = 0;
  fns.vkGetPhysicalDeviceQueueFamilyProperties(device, &n, nullptr);
  std::vector<VkQueueFamilyProperties> families(n);
  fns.vkGetPhysicalDeviceQueueFamilyProperties(device, &n, families.data());
  int any = -1;
  for (uint32_t i = 0; i < n; ++i) {
    if (!(families[i].queueFlags & VK_QUEUE_COMPUTE_BIT) || families[i].queueCount == 0) continue;
    if (!(families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT)) return int(i);
    if (any < 0) any = int(i);
  }
  return any;
}

}  // namespace

std::shared_ptr<Context> Context::create(const ContextOptions& options) {
  if (options.fault.kind == FaultPlan::Kind::Startup)
    throw Error(ErrorCode::Unsupported, "simulated Vulkan start-up failure (" + options.fault.describe() + ")");
  std::shared_ptr<Context> c(new Context());
  c->m_fault = options.fault;
  c->open(options);
  return c;
}

void Context::open(const ContextOptions& options) {
  const VulkanLoader& L = VulkanLoader::get();
  if (!L.ok()) throw Error(ErrorCode::Unsupported, L.error);

  const bool validation = options.validation && hasLayer(L, kValidationLayer);
  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = "veloxquant";
  app.pEngineName = "vq_gpu";
  app.apiVersion = VK_API_VERSION_1_2;
  VkInstanceCreateInfo ci{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  ci.pApplicationInfo = &app;
  const char* layers[] = {kValidationLayer};
  const char* extensions[] = {VK_EXT_DEBUG_UTILS_EXTENSION_NAME};
  if (validation) {
    ci.enabledLayerCount = 1;
    ci.ppEnabledLayerNames = layers;
    ci.enabledExtensionCount = 1;
    ci.ppEnabledExtensionNames = extensions;
  }
  const VkResult rc = L.createInstance(&ci, nullptr, &m_instance);
  if (rc != VK_SUCCESS)
    throw VulkanError(rc, "vkCreateInstance (Vulkan 1.2; is a Vulkan driver (ICD) installed?)");
  if (const char* missing = m_vki.load(L.getInstanceProcAddr, m_instance))
    throw Error(ErrorCode::Unsupported, std::string("the Vulkan loader lacks ") + missing);
  if (validation) {
    auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
        L.getInstanceProcAddr(m_instance, "vkCreateDebugUtilsMessengerEXT"));
    VkDebugUtilsMessengerCreateInfoEXT mi{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
    mi.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    mi.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                     VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
    mi.pfnUserCallback = debugMessage;
    if (create) create(m_instance, &mi, nullptr, &m_messenger);
  }

  uint32_t count = 0;
  vkCheck(m_vki.vkEnumeratePhysicalDevices(m_instance, &count, nullptr), "vkEnumeratePhysicalDevices");
  std::vector<VkPhysicalDevice> phys(count);
  vkCheck(m_vki.vkEnumeratePhysicalDevices(m_instance, &count, phys.data()), "vkEnumeratePhysicalDevices");
  phys.resize(count);
  if (phys.empty()) throw Error(ErrorCode::Unsupported, "the Vulkan loader found no physical device");
  DeviceList list;
  for (uint32_t i = 0; i < count; ++i) list.devices.push_back(describePhysicalDevice(m_vki, phys[i], int(i)));
  int index = options.device;
  if (index >= int(count))
    throw Error(ErrorCode::InvalidArgument, "Vulkan device " + std::to_string(index) + " does not exist (" +
                                                std::to_string(count) + " device(s): see `veloxquant devices`)");
  if (index < 0) {
    index = pickAutomatic(list);
    if (index < 0) {
      std::string found;
      for (const auto& d : list.devices) found += (found.empty() ? "" : ", ") + d.name + " (" + deviceTypeName(d.type) + ")";
      throw Error(ErrorCode::Unsupported, "no discrete or integrated GPU (found " + found +
                                              "); CPU-type Vulkan devices are used only when forced with "
                                              "--device N or VQ_DEVICE=N");
    }
  }
  m_physical = phys[size_t(index)];
  m_info = list.devices[size_t(index)];
  if (m_info.apiVersion < VK_API_VERSION_1_2)
    throw Error(ErrorCode::Unsupported, m_info.name + " supports Vulkan " + m_info.apiVersionText + ", 1.2 is needed");

  VkPhysicalDeviceMaintenance3Properties m3{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MAINTENANCE_3_PROPERTIES};
  VkPhysicalDeviceProperties2 p2{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2};
  p2.pNext = &m3;
  m_vki.vkGetPhysicalDeviceProperties2(m_physical, &p2);
  m_properties = p2.properties;
  m_maxAllocation = m3.maxMemoryAllocationSize;
  m_vki.vkGetPhysicalDeviceMemoryProperties(m_physical, &m_memory);

  const int family = pickQueueFamily(m_vki, m_physical);
  if (family < 0) throw Error(ErrorCode::Unsupported, m_info.name + " has no compute queue");
  m_queueFamily = uint32_t(family);
  {
    uint32_t n = 0;
    m_vki.vkGetPhysicalDeviceQueueFamilyProperties(m_physical, &n, nullptr);
    std::vector<VkQueueFamilyProperties> families(n);
    m_vki.vkGetPhysicalDeviceQueueFamilyProperties(m_physical, &n, families.data());
    m_timestampBits = m_queueFamily < n ? families[m_queueFamily].timestampValidBits : 0;
  }
  const float priority = 1.0f;
  VkDeviceQueueCreateInfo qi{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  qi.queueFamilyIndex = m_queueFamily;
  qi.queueCount = 1;
  qi.pQueuePriorities = &priority;
  VkPhysicalDeviceFeatures2 supported{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
  m_vki.vkGetPhysicalDeviceFeatures2(m_physical, &supported);
  VkPhysicalDeviceFeatures enabled{};
  enabled.shaderFloat64 = supported.features.shaderFloat64;
  m_float64 = enabled.shaderFloat64 == VK_TRUE;
  VkDeviceCreateInfo di{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  di.queueCreateInfoCount = 1;
  di.pQueueCreateInfos = &qi;
  di.pEnabledFeatures = &enabled;
  vkCheck(m_vki.vkCreateDevice(m_physical, &di, nullptr, &m_device), "vkCreateDevice (" + m_info.name + ")");
  if (const char* missing = m_vk.load(m_vki.vkGetDeviceProcAddr, m_device))
    throw Error(ErrorCode::Unsupported, m_info.name + ": the driver lacks " + missing);
  m_vk.vkGetDeviceQueue(m_device, m_queueFamily, 0, &m_queue);
  m_memoryPool = std::make_unique<MemoryPool>(m_vk, m_device, m_memory);
  m_pipelines = std::make_unique<PipelineLibrary>(*this, pipelineCacheFile(options.pipelineCacheDir, *this));
}

Context::~Context() {
  if (m_device) {
    if (!lost()) m_vk.vkDeviceWaitIdle(m_device);
    m_upload.reset();
    m_readback.reset();
    m_uploadPool.clear();
    m_pipelines.reset();  // saves the cache, destroys the pipelines
    m_memoryPool.reset();  // after every buffer of this context
    m_vk.vkDestroyDevice(m_device, nullptr);
  }
  if (m_instance) {
    if (m_messenger) {
      auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
          VulkanLoader::get().getInstanceProcAddr(m_instance, "vkDestroyDebugUtilsMessengerEXT"));
      if (destroy) destroy(m_instance, m_messenger, nullptr);
    }
    m_vki.vkDestroyInstance(m_instance, nullptr);
  }
}

Buffer& Context::stagingBuffer(MemoryUse use, size_t bytes, std::unique_lock<std::mutex>& lock) {
  lock = std::unique_lock(m_stagingMutex);
  std::unique_ptr<Buffer>& slot = use == MemoryUse::Readback ? m_readback : m_upload;
  if (!slot || slot->size() < bytes) {
    slot.reset();
    // Aliasing constructor with no owner: the buffer points back at this context without
    // keeping it alive (the context owns the buffer and destroys it first).
    slot = std::make_unique<Buffer>(std::shared_ptr<Context>(std::shared_ptr<void>(), this), bytes, use,
                                    use == MemoryUse::Readback ? "readback buffer" : "staging buffer");
  }
  return *slot;
}

std::unique_ptr<Buffer> Context::borrowUploadBuffer(size_t bytes) {
  {
    std::lock_guard lock(m_stagingMutex);
    // The smallest pooled buffer that fits.
    auto best = m_uploadPool.end();
    for (auto it = m_uploadPool.begin(); it != m_uploadPool.end(); ++it)
      if ((*it)->size() >= bytes && (best == m_uploadPool.end() || (*it)->size() < (*best)->size())) best = it;
    if (best != m_uploadPool.end()) {
      std::unique_ptr<Buffer> b = std::move(*best);
      m_uploadPool.erase(best);
      return b;
    }
  }
  // Non-owning like m_upload: the pool lives in this context (a borrower holds the context).
  return std::make_unique<Buffer>(std::shared_ptr<Context>(std::shared_ptr<void>(), this), bytes, MemoryUse::Upload,
                                  "staging buffer");
}

void Context::returnUploadBuffer(std::unique_ptr<Buffer> buffer) {
  std::lock_guard lock(m_stagingMutex);
  size_t pooled = buffer->size();
  for (const auto& b : m_uploadPool) pooled += b->size();
  if (pooled <= kUploadPoolBytes) m_uploadPool.push_back(std::move(buffer));
}

void Context::markLost(const std::string& reason) {
  std::lock_guard lock(m_lostMutex);
  if (!m_lost.exchange(true)) m_lostReason = reason;
}

void Context::beforeSubmit() {
  if (m_fault.kind != FaultPlan::Kind::LostAfter || m_submits.fetch_add(1) < m_fault.submits) return;
  const std::string reason = "simulated device loss after " + std::to_string(m_fault.submits) + " submits (" +
                             m_fault.describe() + ")";
  markLost(reason);
  throw VulkanError(VK_ERROR_DEVICE_LOST, "submit (" + reason + ")");
}

std::string Context::lostReason() const {
  std::lock_guard lock(m_lostMutex);
  return m_lostReason;
}

}  // namespace vq::gpu
