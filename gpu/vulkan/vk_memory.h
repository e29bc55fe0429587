// Device memory for buffers, sub-allocated from large blocks. A vkAllocateMemory call is a driver
// round trip (about 0.4 ms each on the H100 machine) and a calibration sweep creates some 30
// buffers per layer, so buffers share blocks of kBlockBytes per memory type instead. Requests
// over kDedicatedBytes, and host-visible memory that is not coherent (whose flushes would cover
// neighbours), get an allocation of their own. A block is freed when its last buffer goes, except
// the last block of each memory type, kept for the next layer.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "gpu/vulkan/vk_functions.h"

namespace vq::gpu {

struct MemorySlice {
  VkDeviceMemory memory = VK_NULL_HANDLE;
  VkDeviceSize offset = 0;
  std::byte* mapped = nullptr;  // host address of `offset` when the memory is host-visible
  void* block = nullptr;        // the pool's block; null for a dedicated allocation
};

class MemoryPool {
 public:
  static constexpr VkDeviceSize kBlockBytes = VkDeviceSize(256) << 20;
  static constexpr VkDeviceSize kDedicatedBytes = VkDeviceSize(64) << 20;

  MemoryPool(const DeviceFunctions& vk, VkDevice device, const VkPhysicalDeviceMemoryProperties& memory);
  ~MemoryPool();
  MemoryPool(const MemoryPool&) = delete;
  MemoryPool& operator=(const MemoryPool&) = delete;

  // Memory of type `type` for `req` (mapped when host-visible). Returns the driver's error
  // (out of memory, ...) and leaves `out` empty on failure.
  VkResult allocate(uint32_t type, const VkMemoryRequirements& req, MemorySlice& out);
  void free(const MemorySlice& slice);

 private:
  struct Block;
  VkResult allocateDedicated(uint32_t type, VkDeviceSize bytes, MemorySlice& out);
  bool take(Block& b, const VkMemoryRequirements& req, MemorySlice& out);

  const DeviceFunctions& m_vk;
  VkDevice m_device;
  VkPhysicalDeviceMemoryProperties m_memory;
  std::mutex m_mutex;
  std::vector<std::unique_ptr<Block>> m_blocks;
};

}  // namespace vq::gpu
