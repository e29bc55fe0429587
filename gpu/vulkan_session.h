// One layer resident on a Vulkan device (see vulkan_backend.h for what runs where).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/compute/compute_backend.h"
#include "gpu/kernels/role_shape.h"

namespace vq {
class ThreadPool;
}

namespace vq::gpu {

class Buffer;
class CommandBatch;
class Context;
class LayerAttention;
class QuantizeKernels;
class VulkanError;

class VulkanLayerSession final : public LayerSession {
 public:
  VulkanLayerSession(std::shared_ptr<Context> context, std::shared_ptr<QuantizeKernels> kernels, LayerData data,
                     const metrics::AttentionOptions& options, ThreadPool& pool);
  ~VulkanLayerSession() override;

  const LayerData& data() const override { return m_data; }
  const std::vector<int64_t>& queryPositions() const override { return m_cpu->queryPositions(); }
  RoleReconstruction quantize(Role role, const quant::MethodConfig& cfg,
                              const quant::ProtectionConfig& protection) override;
  RoleReconstruction quantizeResident(Role role, const quant::MethodConfig& cfg,
                                      const quant::ProtectionConfig& protection) override;
  // Device-made sources are copied head by head on the device (with their per-vector sums).
  RoleReconstruction composeHeads(Role role, std::span<const RoleReconstruction* const> perHead) override;
  metrics::ReconstructionAccumulator reconstruction(const RoleReconstruction& r, int kvHead) override;
  std::optional<metrics::AttentionSums> attention(int kvHead, const RoleReconstruction* k,
                                                  const RoleReconstruction* v) override;

  // Why this layer (or its attention) runs on the CPU; empty when it runs on the GPU.
  const std::string& cpuReason() const { return m_cpuReason; }
  const std::string& attentionCpuReason() const { return m_attentionCpuReason; }

 private:
  struct Resident;
  bool gpuUsable() const;
  // Work is recorded into m_batch and submitted when a result is needed (flush()): opening a
  // layer, the quantizations of a sweep entry and its attention evaluation make one submit.
  void ensureRecording();
  // Submits what was recorded and reads the quantizations' sums. False when the device failed:
  // the pending reconstructions are then marked invalid (the CPU makes them again).
  bool flush();
  void recordOriginalUploads();
  void addPending(const std::shared_ptr<Resident>& res, int sumsSlot);
  void handle(const VulkanError& e);  // lost device / out of memory: note and continue on the CPU
  RoleReconstruction quantizeOnGpu(Role role, const quant::MethodConfig& cfg,
                                   const quant::ProtectionConfig& protection);
  void countStorage(RoleReconstruction& r, const quant::MethodConfig& cfg, const quant::ProtectionConfig& protection,
                    std::vector<uint32_t>& keep) const;
  std::shared_ptr<Buffer> acquireValuesBuffer();
  std::shared_ptr<const Resident> attachUpload(const std::vector<float>& values);
  const Resident* residentOf(const RoleReconstruction& r) const;
  const std::vector<float>& hostValues(const RoleReconstruction& r);
  const Buffer& original(Role role) const;

  std::shared_ptr<Context> m_context;
  std::shared_ptr<QuantizeKernels> m_kernels;
  LayerData m_data;
  std::unique_ptr<LayerSession> m_cpu;  // the per-call fallback, a view of m_data
  RoleShape m_shape;
  std::string m_cpuReason, m_attentionCpuReason;
  std::unique_ptr<Buffer> m_k, m_v;
  std::unique_ptr<CommandBatch> m_batch;
  std::unique_ptr<LayerAttention> m_attention;
  std::vector<std::shared_ptr<Buffer>> m_valueBuffers;  // reconstruction buffers, reused when released
  // Readback buffers of the per-vector sums of the recorded quantizations (slot i: the i-th).
  std::vector<std::unique_ptr<Buffer>> m_sumsBuffers;
  size_t m_sumsUsed = 0;
  struct Pending {
    std::shared_ptr<Resident> resident;
    int sumsSlot = -1;  // -1: no sums to read back (uploads, compositions)
  };
  std::vector<Pending> m_pending;  // made by the recorded, not yet submitted work
  bool m_uploadsPending = false;   // the batch uploads the originals (and the query rows)
  std::unique_ptr<Buffer> m_keepFlags;  // protected rows of the last quantize (1 per vector)
  // VQ_GPU_PROFILE=1: host time spent recording and waiting for submits, on stderr at the end.
  struct Profile {
    bool on = false;
    int quantizeCalls = 0, attentionCalls = 0, submits = 0;
    double openSeconds = 0, recordSeconds = 0, submitSeconds = 0;
    int64_t buffersAtOpen = 0;  // Buffer::creationStats() when the session opened
    double bufferSecondsAtOpen = 0;
  } m_profile;
  std::recursive_mutex m_mutex;
  // Attention of the last (K̂, V̂) pair for every KV head (evaluateInLayer asks head by head).
  uint64_t m_cachedK = 0, m_cachedV = 0;
  std::vector<metrics::AttentionSums> m_cachedSums;
};

}  // namespace vq::gpu
