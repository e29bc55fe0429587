// A VkBuffer with its own VkDeviceMemory, chosen from a preference list of memory property sets
// (the first set the device has and can allocate wins). Storage, transfer-source and
// transfer-destination usage; host-visible memory is mapped for the buffer's lifetime.
// Sizes are checked against maxStorageBufferRange and maxMemoryAllocationSize before allocating,
// so an oversized request is a clear Error(Unsupported), not a driver failure.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "gpu/vulkan/vk_functions.h"
#include "gpu/vulkan/vk_memory.h"

namespace vq::gpu {

class Context;

enum class MemoryUse {
  Device,    // GPU-resident data: device-local first (may be host-visible on UMA devices and lavapipe)
  Upload,    // staging for host -> device: host-visible, coherent first
  Readback,  // results the host reads: host-visible + cached first
};

class Buffer {
 public:
  // Throws Error(Unsupported) when `bytes` exceeds a device limit or no memory type fits,
  // VulkanError when the driver refuses. `what` names the buffer in errors.
  Buffer(std::shared_ptr<Context> context, size_t bytes, MemoryUse use, std::string_view what);
  ~Buffer();
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  VkBuffer handle() const { return m_buffer; }
  size_t size() const { return m_size; }
  MemoryUse use() const { return m_use; }
  // Non-null when the memory is host-visible.
  std::byte* mapped() const { return m_mapped; }
  // Host writes through mapped() must be flushed on non-coherent memory, and device writes
  // invalidated before the host reads them (both are no-ops on coherent memory).
  void flush(size_t offset, size_t bytes) const;
  void invalidate(size_t offset, size_t bytes) const;

  // Largest buffer the device can bind as one storage buffer and allocate in one piece.
  static size_t maxBytes(const Context& context);
  // Buffers created by this process and the wall time their creation took (VQ_GPU_PROFILE).
  struct CreationStats {
    int64_t count = 0;
    double seconds = 0;
  };
  static CreationStats creationStats();
  // Where the buffer lives (shared with other buffers of the pool, vk_memory.h).
  const MemorySlice& slice() const { return m_slice; }

 private:
  void create(std::string_view what);

  std::shared_ptr<Context> m_context;
  VkBuffer m_buffer = VK_NULL_HANDLE;
  MemorySlice m_slice;
  size_t m_size = 0;
  MemoryUse m_use;
  std::byte* m_mapped = nullptr;
  bool m_coherent = true;
};

}  // namespace vq::gpu
