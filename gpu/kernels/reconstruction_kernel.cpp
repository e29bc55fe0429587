#include "gpu/kernels/reconstruction_kernel.h"

#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_commands.h"
#include "gpu/vulkan/vk_context.h"
#include "gpu/vulkan/vk_pipeline.h"

namespace vq::gpu {

void recordReconstructionSums(Context& context, CommandBatch& batch, const RoleShape& shape, const Buffer& x,
                              const Buffer& xhat, const Buffer& sums) {
  const uint32_t tpv = invocationsPerVector(shape.dim);
  const Pipeline& p =
      context.pipelines().get({"recon_stats", 3, 4, vectorLayoutConstants({uint32_t(shape.dim), tpv}, tpv)});
  const uint32_t vectors = uint32_t(shape.vectors());
  uint32_t gx = 1, gy = 1;
  CommandBatch::groupGrid(context, vectorWorkgroups(shape.vectors(), tpv), gx, gy);
  batch.dispatch(p, {&x, &xhat, &sums}, &vectors, gx, gy);
}

metrics::ReconstructionAccumulator accumulateReconstruction(std::span<const float> raw, uint64_t first,
                                                            uint64_t count) {
  metrics::ReconstructionAccumulator acc;
  for (uint64_t v = first; v < first + count; ++v) {
    const float* s = raw.data() + v * 8;
    metrics::VectorSums sums;
    sums.err2 = s[0];
    sums.norm2 = s[1];
    sums.hatNorm2 = s[2];
    sums.dot = s[3];
    sums.nan = int64_t(s[4]);
    sums.inf = int64_t(s[5]);
    acc.addVector(sums);
  }
  return acc;
}

}  // namespace vq::gpu
