// Records several dispatches (with the barriers the caller asks for), copies and fills into one
// command buffer and submits them with one fence: the unit of GPU work of the backend. Reusable:
// begin() resets the command buffer and the descriptor pools after the previous submit finished.
// Descriptor sets are allocated per dispatch from pools that grow on demand.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <vector>

#include "gpu/vulkan/vk_functions.h"

namespace vq::gpu {

class Buffer;
class Context;
struct Pipeline;

class CommandBatch {
 public:
  explicit CommandBatch(std::shared_ptr<Context> context);
  ~CommandBatch();
  CommandBatch(const CommandBatch&) = delete;
  CommandBatch& operator=(const CommandBatch&) = delete;

  void begin();
  // Binds `buffers` to bindings 0..n-1 (whole buffers), pushes `push` (pipeline.pushBytes bytes)
  // and dispatches groups. Group counts above the device limit in x are folded into y by the
  // caller (see groupGrid()).
  void dispatch(const Pipeline& pipeline, std::initializer_list<const Buffer*> buffers, const void* push,
                uint32_t groupsX, uint32_t groupsY = 1, uint32_t groupsZ = 1);
  // Makes every earlier shader/transfer write visible to every later shader/transfer access.
  void barrier();
  void copy(const Buffer& src, const Buffer& dst, size_t bytes, size_t srcOffset = 0, size_t dstOffset = 0);
  void fill(const Buffer& dst, uint32_t value);
  // Copies host data into `dst` as part of this batch: directly when `dst` is host-visible, else
  // into a staging buffer of the batch (reused by later recordings) and a recorded copy. Callers
  // put a barrier() between it and the dispatches that read `dst`.
  void upload(const Buffer& dst, std::span<const std::byte> data, size_t dstOffset = 0);
  // Keeps `object` (a buffer or table a recorded dispatch reads) alive until the next begin().
  void keepAlive(std::shared_ptr<const void> object) { m_keepAlive.push_back(std::move(object)); }
  // Runs `done` after the next successful submitAndWait() (dropped by begin() otherwise).
  void afterSubmit(std::function<void()> done) { m_afterSubmit.push_back(std::move(done)); }
  bool recording() const { return m_recording; }
  // Unique among the process's batches (never reused, unlike addresses).
  uint64_t id() const { return m_id; }
  // Submits, waits for the fence, and makes device writes visible to the host. Throws
  // VulkanError; VK_ERROR_DEVICE_LOST also marks the context lost.
  void submitAndWait();

  // GPU timing (Vulkan timestamp queries at the start and end of every command buffer), for
  // benchmarks. False when the queue cannot time work (then nothing is timed).
  bool enableTimestamps();
  // Device time of the submits since enableTimestamps() / resetGpuTime(), in seconds.
  double gpuSeconds() const { return m_gpuSeconds; }
  int timedSubmits() const { return m_timedSubmits; }
  void resetGpuTime() {
    m_gpuSeconds = 0;
    m_timedSubmits = 0;
  }

  // Splits `groups` workgroups into an (x, y) grid within maxComputeWorkGroupCount; shaders
  // compute the linear id as y * gl_NumWorkGroups.x + x and skip ids >= groups.
  static void groupGrid(const Context& context, uint64_t groups, uint32_t& x, uint32_t& y);

 private:
  VkDescriptorSet allocateSet(VkDescriptorSetLayout layout);

  std::shared_ptr<Context> m_context;
  VkCommandPool m_pool = VK_NULL_HANDLE;
  VkCommandBuffer m_cmd = VK_NULL_HANDLE;
  VkFence m_fence = VK_NULL_HANDLE;
  std::vector<VkDescriptorPool> m_descriptorPools;
  size_t m_activePool = 0;
  bool m_recording = false;
  void returnStaging();
  std::vector<std::unique_ptr<Buffer>> m_staging;  // upload()'s, borrowed from the context
  std::vector<std::shared_ptr<const void>> m_keepAlive;
  std::vector<std::function<void()>> m_afterSubmit;
  uint64_t m_id = 0;
  VkQueryPool m_queries = VK_NULL_HANDLE;
  double m_gpuSeconds = 0;
  int m_timedSubmits = 0;
};

// Copies host data into a device buffer: directly when its memory is host-visible (UMA devices,
// lavapipe), else through a staging buffer and one submit. Synchronous.
void uploadNow(const std::shared_ptr<Context>& context, const Buffer& dst, std::span<const std::byte> data,
               size_t dstOffset = 0);
// Copies bytes of a device buffer to the host (through a readback buffer unless host-visible).
void downloadNow(const std::shared_ptr<Context>& context, const Buffer& src, std::span<std::byte> out,
                 size_t srcOffset = 0);

}  // namespace vq::gpu
