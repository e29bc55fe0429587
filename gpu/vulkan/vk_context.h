// One Vulkan device opened for compute: instance (Vulkan 1.2), the chosen physical device, a
// logical device with one compute queue, the resolved entry points, the pipeline library with its
// on-disk cache, and the "device lost" state. Shared (std::shared_ptr) by every buffer, pipeline and
// session made from it, so it is destroyed last.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "gpu/device_info.h"
#include "gpu/vulkan/fault_injection.h"
#include "gpu/vulkan/vk_functions.h"

namespace vq::gpu {

class Buffer;
class PipelineLibrary;
class MemoryPool;
enum class MemoryUse;

struct ContextOptions {
  // Index in the loader's enumeration (what `veloxquant devices` lists). Any device type may be
  // forced, CPU-type (lavapipe) included. -1: automatic — the first discrete GPU, else the first
  // integrated one; CPU-type devices are never picked automatically.
  int device = -1;
  // Folder of the pipeline cache. Empty: $XDG_CACHE_HOME/veloxquant, else ~/.cache/veloxquant.
  // "none": no cache on disk.
  std::string pipelineCacheDir;
  // Enables VK_LAYER_KHRONOS_validation when installed (messages go to stderr).
  bool validation = false;
  // A simulated fault (tests of the CPU fallback); makeBackend sets it from VQ_VULKAN_FAULT.
  FaultPlan fault;
};

class Context {
 public:
  // Throws VulkanError / Error(Unsupported) with the reason (no loader, no device, no Vulkan 1.2,
  // no compute queue, only CPU-type devices in automatic mode, ...).
  static std::shared_ptr<Context> create(const ContextOptions& options);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const DeviceFunctions& vk() const { return m_vk; }
  VkDevice device() const { return m_device; }
  VkPhysicalDevice physicalDevice() const { return m_physical; }
  VkQueue queue() const { return m_queue; }
  uint32_t queueFamily() const { return m_queueFamily; }
  const DeviceInfo& info() const { return m_info; }
  const VkPhysicalDeviceProperties& properties() const { return m_properties; }
  const VkPhysicalDeviceLimits& limits() const { return m_properties.limits; }
  const VkPhysicalDeviceMemoryProperties& memory() const { return m_memory; }
  VkDeviceSize maxAllocationSize() const { return m_maxAllocation; }
  // Valid bits of the compute queue's timestamps (0: it cannot time work).
  uint32_t timestampValidBits() const { return m_timestampBits; }
  // shaderFloat64 is enabled: the *_f64 shader variants (exact fused multiply-add) can run.
  bool hasFloat64() const { return m_float64; }
  // The queue is externally synchronized: hold this while submitting.
  std::mutex& queueMutex() { return m_queueMutex; }
  PipelineLibrary& pipelines() { return *m_pipelines; }
  MemoryPool& memoryPool() { return *m_memoryPool; }
  // A host-visible staging buffer of at least `bytes` for uploadNow / downloadNow (use Upload or
  // Readback), kept between calls so transfers do not allocate; `lock` holds it while in use.
  Buffer& stagingBuffer(MemoryUse use, size_t bytes, std::unique_lock<std::mutex>& lock);
  // Host-visible upload buffers of at least `bytes` lent to CommandBatch::upload, given back
  // once the batch's commands have run; kept (up to kUploadPoolBytes in all) so a layer-by-layer
  // sweep does not allocate and pin host memory for every layer.
  std::unique_ptr<Buffer> borrowUploadBuffer(size_t bytes);
  void returnUploadBuffer(std::unique_ptr<Buffer> buffer);
  static constexpr size_t kUploadPoolBytes = size_t(512) << 20;

  // After VK_ERROR_DEVICE_LOST nothing more is submitted; callers fall back to the CPU.
  void markLost(const std::string& reason);
  bool lost() const { return m_lost.load(); }
  std::string lostReason() const;
  // Called before every queue submit: with a simulated "lost-after:N" fault, the (N+1)-th and
  // later calls mark the context lost and throw VulkanError(VK_ERROR_DEVICE_LOST).
  void beforeSubmit();

 private:
  Context() = default;
  void open(const ContextOptions& options);

  VkInstance m_instance = VK_NULL_HANDLE;
  VkDebugUtilsMessengerEXT m_messenger = VK_NULL_HANDLE;
  VkPhysicalDevice m_physical = VK_NULL_HANDLE;
  VkDevice m_device = VK_NULL_HANDLE;
  VkQueue m_queue = VK_NULL_HANDLE;
  uint32_t m_queueFamily = 0;
  InstanceFunctions m_vki;
  DeviceFunctions m_vk;
  DeviceInfo m_info;
  VkPhysicalDeviceProperties m_properties{};
  VkPhysicalDeviceMemoryProperties m_memory{};
  VkDeviceSize m_maxAllocation = 0;
  bool m_float64 = false;
  uint32_t m_timestampBits = 0;
  std::mutex m_queueMutex;
  std::unique_ptr<PipelineLibrary> m_pipelines;
  std::unique_ptr<MemoryPool> m_memoryPool;
  std::mutex m_stagingMutex;
  std::unique_ptr<Buffer> m_upload, m_readback;  // hold a non-owning pointer back to this context
  std::vector<std::unique_ptr<Buffer>> m_uploadPool;  // the same
  std::atomic<bool> m_lost{false};
  mutable std::mutex m_lostMutex;
  std::string m_lostReason;
  FaultPlan m_fault;
  std::atomic<int64_t> m_submits{0};
};

}  // namespace vq::gpu
