#include "gpu/vulkan/vk_commands.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <mutex>

#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_context.h"
#include "gpu/vulkan/vk_error.h"
#include "gpu/vulkan/vk_pipeline.h"

namespace vq::gpu {

namespace {

constexpr uint32_t kSetsPerPool = 64;
constexpr uint32_t kBuffersPerSet = 8;  // average; a pool serves any mix up to its totals

}  // namespace

CommandBatch::CommandBatch(std::shared_ptr<Context> context) : m_context(std::move(context)) {
  static std::atomic<uint64_t> nextId{1};
  m_id = nextId++;
  const auto& vk = m_context->vk();
  const VkDevice dev = m_context->device();
  VkCommandPoolCreateInfo pi{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pi.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
  pi.queueFamilyIndex = m_context->queueFamily();
  vkCheck(vk.vkCreateCommandPool(dev, &pi, nullptr, &m_pool), "vkCreateCommandPool");
  VkCommandBufferAllocateInfo ai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  ai.commandPool = m_pool;
  ai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  ai.commandBufferCount = 1;
  VkFenceCreateInfo fi{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  try {
    vkCheck(vk.vkAllocateCommandBuffers(dev, &ai, &m_cmd), "vkAllocateCommandBuffers");
    vkCheck(vk.vkCreateFence(dev, &fi, nullptr, &m_fence), "vkCreateFence");
  } catch (...) {
    vk.vkDestroyCommandPool(dev, m_pool, nullptr);
    throw;
  }
}

CommandBatch::~CommandBatch() {
  returnStaging();
  const auto& vk = m_context->vk();
  const VkDevice dev = m_context->device();
  for (VkDescriptorPool p : m_descriptorPools) vk.vkDestroyDescriptorPool(dev, p, nullptr);
  if (m_queries) vk.vkDestroyQueryPool(dev, m_queries, nullptr);
  vk.vkDestroyFence(dev, m_fence, nullptr);
  vk.vkDestroyCommandPool(dev, m_pool, nullptr);  // frees the command buffer
}

void CommandBatch::begin() {
  const auto& vk = m_context->vk();
  const VkDevice dev = m_context->device();
  vkCheck(vk.vkResetCommandPool(dev, m_pool, 0), "vkResetCommandPool");
  for (VkDescriptorPool p : m_descriptorPools) vkCheck(vk.vkResetDescriptorPool(dev, p, 0), "vkResetDescriptorPool");
  m_activePool = 0;
  returnStaging();
  m_keepAlive.clear();
  m_afterSubmit.clear();
  VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  vkCheck(vk.vkBeginCommandBuffer(m_cmd, &bi), "vkBeginCommandBuffer");
  m_recording = true;
  if (m_queries) {
    vk.vkCmdResetQueryPool(m_cmd, m_queries, 0, 2);
    vk.vkCmdWriteTimestamp(m_cmd, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, m_queries, 0);
  }
}

VkDescriptorSet CommandBatch::allocateSet(VkDescriptorSetLayout layout) {
  const auto& vk = m_context->vk();
  const VkDevice dev = m_context->device();
  for (;;) {
    if (m_activePool == m_descriptorPools.size()) {
      VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kSetsPerPool * kBuffersPerSet};
      VkDescriptorPoolCreateInfo ci{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
      ci.maxSets = kSetsPerPool;
      ci.poolSizeCount = 1;
      ci.pPoolSizes = &size;
      VkDescriptorPool pool = VK_NULL_HANDLE;
      vkCheck(vk.vkCreateDescriptorPool(dev, &ci, nullptr, &pool), "vkCreateDescriptorPool");
      m_descriptorPools.push_back(pool);
    }
    VkDescriptorSetAllocateInfo ai{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    ai.descriptorPool = m_descriptorPools[m_activePool];
    ai.descriptorSetCount = 1;
    ai.pSetLayouts = &layout;
    VkDescriptorSet set = VK_NULL_HANDLE;
    const VkResult rc = vk.vkAllocateDescriptorSets(dev, &ai, &set);
    if (rc == VK_SUCCESS) return set;
    if (rc != VK_ERROR_OUT_OF_POOL_MEMORY && rc != VK_ERROR_FRAGMENTED_POOL) vkCheck(rc, "vkAllocateDescriptorSets");
    ++m_activePool;  // this pool is full: the next one (created above when needed)
  }
}

void CommandBatch::dispatch(const Pipeline& p, std::initializer_list<const Buffer*> buffers, const void* push,
                            uint32_t groupsX, uint32_t groupsY, uint32_t groupsZ) {
  if (!m_recording) throw Error(ErrorCode::Internal, "CommandBatch::dispatch outside begin()/submitAndWait()");
  if (buffers.size() != p.bindings)
    throw Error(ErrorCode::Internal, "dispatch: " + std::to_string(buffers.size()) + " buffers for " +
                                         std::to_string(p.bindings) + " bindings");
  if (groupsX == 0 || groupsY == 0 || groupsZ == 0) return;
  const auto& vk = m_context->vk();
  const VkDescriptorSet set = allocateSet(p.setLayout);
  std::vector<VkDescriptorBufferInfo> infos;
  std::vector<VkWriteDescriptorSet> writes;
  infos.reserve(buffers.size());
  for (const Buffer* b : buffers) infos.push_back({b->handle(), 0, VK_WHOLE_SIZE});
  for (uint32_t i = 0; i < p.bindings; ++i) {
    VkWriteDescriptorSet w{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
    w.dstSet = set;
    w.dstBinding = i;
    w.descriptorCount = 1;
    w.descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    w.pBufferInfo = &infos[i];
    writes.push_back(w);
  }
  vk.vkUpdateDescriptorSets(m_context->device(), uint32_t(writes.size()), writes.data(), 0, nullptr);
  vk.vkCmdBindPipeline(m_cmd, VK_PIPELINE_BIND_POINT_COMPUTE, p.pipeline);
  vk.vkCmdBindDescriptorSets(m_cmd, VK_PIPELINE_BIND_POINT_COMPUTE, p.layout, 0, 1, &set, 0, nullptr);
  if (p.pushBytes > 0) vk.vkCmdPushConstants(m_cmd, p.layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, p.pushBytes, push);
  vk.vkCmdDispatch(m_cmd, groupsX, groupsY, groupsZ);
}

void CommandBatch::barrier() {
  VkMemoryBarrier b{VK_STRUCTURE_TYPE_MEMORY_BARRIER};
  b.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
  b.dstAccessMask = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT |
                    VK_ACCESS_TRANSFER_WRITE_BIT;
  const VkPipelineStageFlags stages = VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
  m_context->vk().vkCmdPipelineBarrier(m_cmd, stages, stages, 0, 1, &b, 0, nullptr, 0, nullptr);
}

void CommandBatch::copy(const Buffer& src, const Buffer& dst, size_t bytes, size_t srcOffset, size_t dstOffset) {
  if (bytes == 0) return;
  VkBufferCopy region{srcOffset, dstOffset, bytes};
  m_context->vk().vkCmdCopyBuffer(m_cmd, src.handle(), dst.handle(), 1, &region);
}

void CommandBatch::upload(const Buffer& dst, std::span<const std::byte> data, size_t dstOffset) {
  if (data.empty()) return;
  if (!m_recording) throw Error(ErrorCode::Internal, "CommandBatch::upload outside begin()/submitAndWait()");
  if (dst.mapped()) {
    std::memcpy(dst.mapped() + dstOffset, data.data(), data.size());
    dst.flush(dstOffset, data.size());
    return;
  }
  m_staging.push_back(m_context->borrowUploadBuffer(std::max<size_t>(size_t(1) << 16, std::bit_ceil(data.size()))));
  const Buffer& staging = *m_staging.back();
  // Large uploads (a layer's keys) are copied by the thread pool: one thread fills pinned
  // memory at a few GB/s, a fraction of what the transfer itself takes.
  constexpr size_t kChunk = size_t(1) << 20;
  const int64_t chunks = int64_t((data.size() + kChunk - 1) / kChunk);
  if (chunks >= 8) {
    defaultThreadPool().parallelFor(0, chunks, [&](int64_t c) {
      const size_t at = size_t(c) * kChunk, n = std::min(kChunk, data.size() - at);
      std::memcpy(staging.mapped() + at, data.data() + at, n);
    });
  } else {
    std::memcpy(staging.mapped(), data.data(), data.size());
  }
  staging.flush(0, data.size());
  copy(staging, dst, data.size(), 0, dstOffset);
}

void CommandBatch::returnStaging() {
  for (auto& b : m_staging) m_context->returnUploadBuffer(std::move(b));
  m_staging.clear();
}

void CommandBatch::fill(const Buffer& dst, uint32_t value) {
  m_context->vk().vkCmdFillBuffer(m_cmd, dst.handle(), 0, VK_WHOLE_SIZE, value);
}

void CommandBatch::submitAndWait() {
  const auto& vk = m_context->vk();
  const VkDevice dev = m_context->device();
  if (m_queries) vk.vkCmdWriteTimestamp(m_cmd, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, m_queries, 1);
  VkMemoryBarrier b{VK_STRUCTURE_TYPE_MEMORY_BARRIER};  // device writes -> host reads after the fence
  b.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
  b.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
  vk.vkCmdPipelineBarrier(m_cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                          VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &b, 0, nullptr, 0, nullptr);
  m_recording = false;
  vkCheck(vk.vkEndCommandBuffer(m_cmd), "vkEndCommandBuffer");
  if (m_context->lost()) throw VulkanError(VK_ERROR_DEVICE_LOST, "submit (" + m_context->lostReason() + ")");
  m_context->beforeSubmit();
  VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
  si.commandBufferCount = 1;
  si.pCommandBuffers = &m_cmd;
  VkResult rc = vk.vkResetFences(dev, 1, &m_fence);
  if (rc == VK_SUCCESS) {
    std::lock_guard lock(m_context->queueMutex());
    rc = vk.vkQueueSubmit(m_context->queue(), 1, &si, m_fence);
  }
  if (rc == VK_SUCCESS) rc = vk.vkWaitForFences(dev, 1, &m_fence, VK_TRUE, UINT64_MAX);
  if (rc == VK_ERROR_DEVICE_LOST) m_context->markLost("VK_ERROR_DEVICE_LOST while running compute shaders");
  vkCheck(rc, "vkQueueSubmit / vkWaitForFences");
  if (m_queries) {
    uint64_t stamps[2] = {0, 0};
    vkCheck(vk.vkGetQueryPoolResults(dev, m_queries, 0, 2, sizeof stamps, stamps, sizeof(uint64_t),
                                     VK_QUERY_RESULT_64_BIT | VK_QUERY_RESULT_WAIT_BIT),
            "vkGetQueryPoolResults");
    const uint32_t bits = m_context->timestampValidBits();
    const uint64_t mask = bits >= 64 ? ~uint64_t(0) : (uint64_t(1) << bits) - 1;
    const uint64_t ticks = (stamps[1] - stamps[0]) & mask;
    m_gpuSeconds += double(ticks) * double(m_context->limits().timestampPeriod) * 1e-9;
    ++m_timedSubmits;
  }
  for (auto& done : m_afterSubmit) done();
  m_afterSubmit.clear();
}

bool CommandBatch::enableTimestamps() {
  if (m_queries) return true;
  if (m_context->timestampValidBits() == 0) return false;
  VkQueryPoolCreateInfo qi{VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO};
  qi.queryType = VK_QUERY_TYPE_TIMESTAMP;
  qi.queryCount = 2;
  vkCheck(m_context->vk().vkCreateQueryPool(m_context->device(), &qi, nullptr, &m_queries), "vkCreateQueryPool");
  resetGpuTime();
  return true;
}

void CommandBatch::groupGrid(const Context& context, uint64_t groups, uint32_t& x, uint32_t& y) {
  const uint64_t maxX = context.limits().maxComputeWorkGroupCount[0];
  const uint64_t maxY = context.limits().maxComputeWorkGroupCount[1];
  x = uint32_t(std::min<uint64_t>(std::max<uint64_t>(groups, 1), maxX));
  const uint64_t yy = (groups + x - 1) / x;
  if (yy > maxY) throw Error(ErrorCode::Unsupported, "dispatch of " + std::to_string(groups) + " workgroups is too large");
  y = uint32_t(std::max<uint64_t>(yy, 1));
}

void uploadNow(const std::shared_ptr<Context>& context, const Buffer& dst, std::span<const std::byte> data,
               size_t dstOffset) {
  if (data.empty()) return;
  if (dst.mapped()) {
    std::memcpy(dst.mapped() + dstOffset, data.data(), data.size());
    dst.flush(dstOffset, data.size());
    return;
  }
  constexpr size_t kChunk = size_t(64) << 20;
  const size_t stagingBytes = std::min(data.size(), kChunk);
  std::unique_lock<std::mutex> lock;
  Buffer& staging = context->stagingBuffer(MemoryUse::Upload, stagingBytes, lock);
  CommandBatch batch(context);
  for (size_t done = 0; done < data.size(); done += stagingBytes) {
    const size_t n = std::min(stagingBytes, data.size() - done);
    std::memcpy(staging.mapped(), data.data() + done, n);
    staging.flush(0, n);
    batch.begin();
    batch.copy(staging, dst, n, 0, dstOffset + done);
    batch.submitAndWait();
  }
}

void downloadNow(const std::shared_ptr<Context>& context, const Buffer& src, std::span<std::byte> out,
                 size_t srcOffset) {
  if (out.empty()) return;
  if (src.mapped()) {
    src.invalidate(srcOffset, out.size());
    std::memcpy(out.data(), src.mapped() + srcOffset, out.size());
    return;
  }
  constexpr size_t kChunk = size_t(64) << 20;
  const size_t stagingBytes = std::min(out.size(), kChunk);
  std::unique_lock<std::mutex> lock;
  Buffer& staging = context->stagingBuffer(MemoryUse::Readback, stagingBytes, lock);
  CommandBatch batch(context);
  for (size_t done = 0; done < out.size(); done += stagingBytes) {
    const size_t n = std::min(stagingBytes, out.size() - done);
    batch.begin();
    batch.copy(src, staging, n, srcOffset + done, 0);
    batch.submitAndWait();
    staging.invalidate(0, n);
    std::memcpy(out.data() + done, staging.mapped(), n);
  }
}

}  // namespace vq::gpu
