// The Vulkan implementation of ComputeBackend (DESIGN.md §8). A layer's K, V (and the sampled,
// pre-scaled query rows) are uploaded once at openLayer and stay resident while every
// configuration of a sweep runs on them. On the GPU (gpu/kernels/quantize_kernels.h): quantize ->
// decode of turboquant_mse / turboquant_rvq / turboquant_prod, qjl, kivi, mlx_affine, q8_0 and
// q4_0, the sink / z-score / window protection rows, the per-vector reconstruction sums and the
// attention metrics (reference and evaluation kernels). Everything else — other methods,
// outlier-channel protection, protection of kivi, shapes a kernel does not cover — runs per call
// on the CPU implementation, with results of the same structure. A lost device sends the rest of
// the run to the CPU, with the reason on stderr.
#pragma once

#include <memory>
#include <string>

#include "core/compute/compute_backend.h"
#include "gpu/vulkan/vk_context.h"

namespace vq::gpu {

// Throws (VulkanError / Error) when the device cannot be opened.
std::unique_ptr<ComputeBackend> makeVulkanBackend(const ContextOptions& options, ThreadPool& pool);

// The backend over an already opened context (tests share one).
std::unique_ptr<ComputeBackend> makeVulkanBackend(std::shared_ptr<Context> context, ThreadPool& pool);

// One line: which operations run on the device.
std::string vulkanGpuOperations();

}  // namespace vq::gpu
