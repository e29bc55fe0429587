#include "gpu/vulkan/vk_buffer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <vector>

#include "core/common/error.h"
#include "gpu/vulkan/vk_context.h"
#include "gpu/vulkan/vk_error.h"
#include "gpu/vulkan/vk_memory.h"

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

namespace {
std::atomic<int64_t> g_created{0}, g_createNanoseconds{0};
}  // namespace

Buffer::CreationStats Buffer::creationStats() {
  return {g_created.load(), double(g_createNanoseconds.load()) * 1e-9};
}

Buffer::Buffer(std::shared_ptr<Context> context, size_t bytes, MemoryUse use, std::string_view what)
    : m_context(std::move(context)), m_size(std::max<size_t>(bytes, 4)), m_use(use) {
  const auto t0 = std::chrono::steady_clock::now();
  create(what);
  ++g_created;
  g_createNanoseconds +=
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count();
}

void Buffer::create(std::string_view what) {
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
  for (VkMemoryPropertyFlags want : preferences(m_use)) {
    for (uint32_t t = 0; t < mem.memoryTypeCount && !m_slice.memory; ++t) {
      const VkMemoryPropertyFlags have = mem.memoryTypes[t].propertyFlags;
      if (!(req.memoryTypeBits & (1u << t)) || (have & want) != want) continue;
      last = m_context->memoryPool().allocate(t, req, m_slice);
      if (last != VK_SUCCESS) continue;  // e.g. the device-local heap is full: try the next type, then the next set
      m_coherent = (have & kCoherent) != 0;
      m_mapped = m_slice.mapped;
    }
    if (m_slice.memory) break;
  }
  if (!m_slice.memory) {
    vk.vkDestroyBuffer(c.device(), m_buffer, nullptr);
    throw VulkanError(last, "vkAllocateMemory (" + std::string(what) + ", " + mib(m_size) + ")");
  }
  const VkResult rc = vk.vkBindBufferMemory(c.device(), m_buffer, m_slice.memory, m_slice.offset);
  if (rc != VK_SUCCESS) {
    m_context->memoryPool().free(m_slice);
    vk.vkDestroyBuffer(c.device(), m_buffer, nullptr);
    throw VulkanError(rc, "vkBindBufferMemory (" + std::string(what) + ")");
  }
}

Buffer::~Buffer() {
  m_context->vk().vkDestroyBuffer(m_context->device(), m_buffer, nullptr);
  m_context->memoryPool().free(m_slice);
}

void Buffer::flush(size_t, size_t) const {
  if (m_coherent || !m_mapped) return;
  VkMappedMemoryRange r{VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE};
  r.memory = m_slice.memory;  // non-coherent memory is never shared with other buffers (vk_memory.h)
  r.size = VK_WHOLE_SIZE;     // whole range: offsets would need nonCoherentAtomSize alignment
  vkCheck(m_context->vk().vkFlushMappedMemoryRanges(m_context->device(), 1, &r), "vkFlushMappedMemoryRanges");
}

void Buffer::invalidate(size_t, size_t) const {
  if (m_coherent || !m_mapped) return;
  VkMappedMemoryRange r{VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE};
  r.memory = m_slice.memory;
  r.size = VK_WHOLE_SIZE;
  vkCheck(m_context->vk().vkInvalidateMappedMemoryRanges(m_context->device(), 1, &r),
          "vkInvalidateMappedMemoryRanges");
}

}  // namespace vq::gpu
