#include "gpu/vulkan/vk_buffer.h"

#include <algorithm>
#include <vector>

#include "core/common/error.h"
#include "gpu/vulkan/vk_context.h"
#include "gpu/vulkan/vk_error.h"

namespace vq::gpu {

namespace {

constexpr VkMemoryPropertyFlags kDeviceLocal = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
constexpr VkMemoryPropertyFlags kHostVisible = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT;
constexpr VkMemoryPropertyFlags kCoherent = VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
constexpr VkMemoryPropertyFlags kCached = VK_MEMORY_PROPERTY_HOST_CACHED_BIT;

std::vector<VkMemoryPropertyFlags> preferences(MemoryUse use) {
  switch (use) {
    case MemoryUse::Device: return {kDeviceLocal, 0};
    case MemoryUse::Upload: return {kHostVisible | kCoherent, kHostVisible};
    case MemoryUse::Readback:
      return {kHostVisible | kCached | kCoherent, kHostVisible | kCached, kHostVisible | kCoherent, kHostVisible};
  }
  return {0};
}

std::string mib(size_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB"; }

}  // namespace

size_t Buffer::maxBytes(const Context& context) {
  return size_t(std::min<VkDeviceSize>(context.limits().maxStorageBufferRange, context.maxAllocationSize()));
}

Buffer::Buffer(std::shared_ptr<Context> context, size_t bytes, MemoryUse use, std::string_view what)
    : m_context(std::move(context)), m_size(std::max<size_t>(bytes, 4)), m_use(use) {
  const Context& c = *m_context;
  const size_t limit = maxBytes(c);
  if (m_size > limit)
    throw Error(ErrorCode::Unsupported, std::string(what) + " needs " + mib(m_size) + " in one buffer; " +
                                            c.info().name + " allows " + mib(limit) +
                                            " (maxStorageBufferRange / maxMemoryAllocationSize)");
  const auto& vk = c.vk();
  VkBufferCreateInfo bi{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  bi.size = m_size;
  bi.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  bi.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  vkCheck(vk.vkCreateBuffer(c.device(), &bi, nullptr, &m_buffer), "vkCreateBuffer (" + std::string(what) + ")");
  VkMemoryRequirements req{};
  vk.vkGetBufferMemoryRequirements(c.device(), m_buffer, &req);
  const auto& mem = c.memory();
  VkResult last = VK_ERROR_OUT_OF_DEVICE_MEMORY;
  for (VkMemoryPropertyFlags want : preferences(use)) {
    for (uint32_t t = 0; t < mem.memoryTypeCount && !m_memory; ++t) {
      const VkMemoryPropertyFlags have = mem.memoryTypes[t].propertyFlags;
      if (!(req.memoryTypeBits & (1u << t)) || (have & want) != want) continue;
      VkMemoryAllocateInfo ai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
      ai.allocationSize = req.size;
      ai.memoryTypeIndex = t;
      last = vk.vkAllocateMemory(c.device(), &ai, nullptr, &m_memory);
      if (last != VK_SUCCESS) {
        m_memory = VK_NULL_HANDLE;
        continue;  // e.g. the device-local heap is full: try the next type, then the next set
      }
      m_coherent = (have & kCoherent) != 0;
      if (have & kHostVisible) {
        void* p = nullptr;
        const VkResult rc = vk.vkMapMemory(c.device(), m_memory, 0, VK_WHOLE_SIZE, 0, &p);
        if (rc != VK_SUCCESS) {
          vk.vkFreeMemory(c.device(), m_memory, nullptr);
          m_memory = VK_NULL_HANDLE;
          vk.vkDestroyBuffer(c.device(), m_buffer, nullptr);
          throw VulkanError(rc, "vkMapMemory (" + std::string(what) + ")");
        }
        m_mapped = static_cast<std::byte*>(p);
      }
    }
    if (m_memory) break;
  }
  if (!m_memory) {
    vk.vkDestroyBuffer(c.device(), m_buffer, nullptr);
    throw VulkanError(last, "vkAllocateMemory (" + std::string(what) + ", " + mib(m_size) + ")");
  }
  const VkResult rc = vk.vkBindBufferMemory(c.device(), m_buffer, m_memory, 0);
  if (rc != VK_SUCCESS) {
    vk.vkFreeMemory(c.device(), m_memory, nullptr);
    vk.vkDestroyBuffer(c.device(), m_buffer, nullptr);
    throw VulkanError(rc, "vkBindBufferMemory (" + std::string(what) + ")");
  }
}

Buffer::~Buffer() {
  const auto& vk = m_context->vk();
  if (m_mapped) vk.vkUnmapMemory(m_context->device(), m_memory);
  vk.vkDestroyBuffer(m_context->device(), m_buffer, nullptr);
  vk.vkFreeMemory(m_context->device(), m_memory, nullptr);
}

void Buffer::flush(size_t, size_t) const {
  if (m_coherent || !m_mapped) return;
  VkMappedMemoryRange r{VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE};
  r.memory = m_memory;
  r.size = VK_WHOLE_SIZE;  // whole range: offsets would need nonCoherentAtomSize alignment
  vkCheck(m_context->vk().vkFlushMappedMemoryRanges(m_context->device(), 1, &r), "vkFlushMappedMemoryRanges");
}

void Buffer::invalidate(size_t, size_t) const {
  if (m_coherent || !m_mapped) return;
  VkMappedMemoryRange r{VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE};
  r.memory = m_memory;
  r.size = VK_WHOLE_SIZE;
  vkCheck(m_context->vk().vkInvalidateMappedMemoryRanges(m_context->device(), 1, &r),
          "vkInvalidateMappedMemoryRanges");
}

}  // namespace vq::gpu
