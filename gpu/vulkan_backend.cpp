#include "gpu/vulkan_backend.h"

#include "gpu/kernels/quantize_kernels.h"
#include "gpu/vulkan_session.h"

namespace vq::gpu {

namespace {

class VulkanBackend final : public ComputeBackend {
 public:
  VulkanBackend(std::shared_ptr<Context> context, ThreadPool& pool)
      : m_context(std::move(context)), m_kernels(std::make_shared<QuantizeKernels>(m_context)), m_pool(pool) {}

  std::string name() const override {
    std::string n = "Vulkan: " + m_context->info().name;
    if (m_context->lost()) n += " (device lost: running on the CPU; " + m_context->lostReason() + ")";
    return n;
  }

  bool computesOffHost() const override { return true; }
  std::unique_ptr<LayerSession> openLayer(LayerData data, const metrics::AttentionOptions& options) override {
    if (m_context->lost()) return makeCpuBackend(m_pool)->openLayer(std::move(data), options);
    return std::make_unique<VulkanLayerSession>(m_context, m_kernels, std::move(data), options, m_pool);
  }

 private:
  std::shared_ptr<Context> m_context;
  std::shared_ptr<QuantizeKernels> m_kernels;
  ThreadPool& m_pool;
};

}  // namespace

std::unique_ptr<ComputeBackend> makeVulkanBackend(const ContextOptions& options, ThreadPool& pool) {
  return makeVulkanBackend(Context::create(options), pool);
}

std::unique_ptr<ComputeBackend> makeVulkanBackend(std::shared_ptr<Context> context, ThreadPool& pool) {
  return std::make_unique<VulkanBackend>(std::move(context), pool);
}

std::string vulkanGpuOperations() {
  return "quantize->decode of turboquant_mse/rvq/prod, qjl, kivi, mlx_affine, q8_0 and q4_0 (bit-identical with "
         "the CPU except the dense rotation and the QJL sketch: last-bit differences), sink/z-score/window "
         "protection, reconstruction sums, attention metrics; other methods and outlier channels run on the CPU "
         "per call";
}

}  // namespace vq::gpu
