// `veloxquant bench kernels`: device time of the Vulkan backend's kernels on a layer shaped like
// W1's (8 KV heads x 4096 tokens x d 128, 32 query heads, 256 sampled positions), from Vulkan
// timestamp queries around each command buffer. Quantize -> decode passes are reported in GB/s
// of their minimum memory traffic (read f32 input + write f32 reconstruction) and as a fraction of
// a measured device-local buffer copy (the reference peak) and of the GPU's specified bandwidth
// when the device is one we know; the attention evaluation in TFLOP/s. No Vulkan types here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gpu/device_info.h"

namespace vq::gpu {

struct KernelBenchOptions {
  int device = -1;  // as --device; -1: VQ_DEVICE, else automatic (a CPU-type device only when forced)
  int kvHeads = 8, qHeads = 32, headDim = 128;
  int64_t tokens = 4096;
  int64_t queries = 256;  // sampled positions per head
  int repeats = 20;       // timed runs per kernel (the median is reported)
  int64_t copyBytes = int64_t(1) << 30;  // size of the reference copy
  std::string pipelineCacheDir;
};

struct KernelTiming {
  std::string kernel;  // "turboquant_mse b=4", "copy (reference)", "attention (K̂, V̂)", ...
  double seconds = 0;  // median device time of one run
  double bytes = 0;    // minimum memory traffic of one run (read + write); 0 when not a bandwidth kernel
  double flops = 0;    // counted floating-point operations of one run; 0 when not a compute kernel
};

struct KernelBenchReport {
  DeviceInfo device;
  int kvHeads = 0, qHeads = 0, headDim = 0;
  int64_t tokens = 0, queries = 0;
  double copyBytesPerSecond = 0;                 // measured reference peak (read + write bytes / s)
  std::optional<double> specBytesPerSecond;      // the detected GPU's specified memory bandwidth
  std::optional<double> specFp32FlopsPerSecond;  // its specified fp32 (non-tensor) peak
  std::string specSource;                        // which product the spec figures are for
  std::vector<KernelTiming> kernels;
};

// Throws Error when no Vulkan device can be opened or the queue cannot take timestamps.
KernelBenchReport runKernelBench(const KernelBenchOptions& options);

}  // namespace vq::gpu
