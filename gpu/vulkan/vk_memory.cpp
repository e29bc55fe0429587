#include "gpu/vulkan/vk_memory.h"

#include <algorithm>

namespace vq::gpu {

struct MemoryPool::Block {
  VkDeviceMemory memory = VK_NULL_HANDLE;
  uint32_t type = 0;
  std::byte* mapped = nullptr;
  std::map<VkDeviceSize, VkDeviceSize> freeRanges;  // offset -> bytes, disjoint, coalesced
  std::map<VkDeviceSize, VkDeviceSize> used;        // offset -> bytes of the live slices
};

namespace {

constexpr VkMemoryPropertyFlags kHostVisible = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT;
constexpr VkMemoryPropertyFlags kCoherent = VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;

VkDeviceSize alignUp(VkDeviceSize v, VkDeviceSize a) { return a > 1 ? (v + a - 1) / a * a : v; }

}  // namespace

MemoryPool::MemoryPool(const DeviceFunctions& vk, VkDevice device, const VkPhysicalDeviceMemoryProperties& memory)
    : m_vk(vk), m_device(device), m_memory(memory) {}

MemoryPool::~MemoryPool() {
  for (const auto& b : m_blocks) {
    if (b->mapped) m_vk.vkUnmapMemory(m_device, b->memory);
    m_vk.vkFreeMemory(m_device, b->memory, nullptr);
  }
}

VkResult MemoryPool::allocateDedicated(uint32_t type, VkDeviceSize bytes, MemorySlice& out) {
  VkMemoryAllocateInfo ai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  ai.allocationSize = bytes;
  ai.memoryTypeIndex = type;
  VkDeviceMemory memory = VK_NULL_HANDLE;
  if (const VkResult rc = m_vk.vkAllocateMemory(m_device, &ai, nullptr, &memory); rc != VK_SUCCESS) return rc;
  void* p = nullptr;
  if (m_memory.memoryTypes[type].propertyFlags & kHostVisible) {
    if (const VkResult rc = m_vk.vkMapMemory(m_device, memory, 0, VK_WHOLE_SIZE, 0, &p); rc != VK_SUCCESS) {
      m_vk.vkFreeMemory(m_device, memory, nullptr);
      return rc;
    }
  }
  out = {memory, 0, static_cast<std::byte*>(p), nullptr};
  return VK_SUCCESS;
}

// First fit in the block's free ranges; the alignment padding in front stays free.
bool MemoryPool::take(Block& b, const VkMemoryRequirements& req, MemorySlice& out) {
  for (auto it = b.freeRanges.begin(); it != b.freeRanges.end(); ++it) {
    const VkDeviceSize start = it->first, len = it->second;
    const VkDeviceSize at = alignUp(start, req.alignment);
    if (at + req.size > start + len) continue;
    b.freeRanges.erase(it);
    if (at > start) b.freeRanges[start] = at - start;
    if (at + req.size < start + len) b.freeRanges[at + req.size] = start + len - (at + req.size);
    b.used[at] = req.size;
    out = {b.memory, at, b.mapped ? b.mapped + at : nullptr, &b};
    return true;
  }
  return false;
}

VkResult MemoryPool::allocate(uint32_t type, const VkMemoryRequirements& req, MemorySlice& out) {
  out = {};
  const VkMemoryPropertyFlags flags = m_memory.memoryTypes[type].propertyFlags;
  const bool shareable = !(flags & kHostVisible) || (flags & kCoherent);
  if (!shareable || req.size > kDedicatedBytes) return allocateDedicated(type, req.size, out);
  std::lock_guard lock(m_mutex);
  for (const auto& b : m_blocks)
    if (b->type == type && take(*b, req, out)) return VK_SUCCESS;
  const VkDeviceSize heapBytes = m_memory.memoryHeaps[m_memory.memoryTypes[type].heapIndex].size;
  const VkDeviceSize blockBytes = std::max(req.size, std::min(kBlockBytes, heapBytes / 8));
  MemorySlice whole;
  if (allocateDedicated(type, blockBytes, whole) != VK_SUCCESS) return allocateDedicated(type, req.size, out);
  auto b = std::make_unique<Block>();
  b->memory = whole.memory;
  b->type = type;
  b->mapped = whole.mapped;
  b->freeRanges[0] = blockBytes;
  take(*b, req, out);
  m_blocks.push_back(std::move(b));
  return VK_SUCCESS;
}

void MemoryPool::free(const MemorySlice& slice) {
  if (!slice.memory) return;
  if (!slice.block) {
    if (slice.mapped) m_vk.vkUnmapMemory(m_device, slice.memory);
    m_vk.vkFreeMemory(m_device, slice.memory, nullptr);
    return;
  }
  std::lock_guard lock(m_mutex);
  auto& b = *static_cast<Block*>(slice.block);
  const auto u = b.used.find(slice.offset);
  if (u == b.used.end()) return;
  VkDeviceSize start = u->first, len = u->second;
  b.used.erase(u);
  // Coalesce with the free neighbours.
  auto next = b.freeRanges.lower_bound(start);
  if (next != b.freeRanges.end() && next->first == start + len) {
    len += next->second;
    next = b.freeRanges.erase(next);
  }
  if (next != b.freeRanges.begin()) {
    auto prev = std::prev(next);
    if (prev->first + prev->second == start) {
      start = prev->first;
      len += prev->second;
      b.freeRanges.erase(prev);
    }
  }
  b.freeRanges[start] = len;
  if (!b.used.empty()) return;
  const auto sameType = std::count_if(m_blocks.begin(), m_blocks.end(), [&](const auto& o) { return o->type == b.type; });
  if (sameType <= 1) return;  // keep one block per type for the next layer
  if (b.mapped) m_vk.vkUnmapMemory(m_device, b.memory);
  m_vk.vkFreeMemory(m_device, b.memory, nullptr);
  m_blocks.erase(std::find_if(m_blocks.begin(), m_blocks.end(), [&](const auto& o) { return o.get() == &b; }));
}

}  // namespace vq::gpu
