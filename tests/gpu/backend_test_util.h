// Helpers of the backend tests: synthetic layers shaped like real attention data, the CPU and
// Vulkan backends on the test device, and NMSE (ggml test-backend-ops style).
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <span>
#include <vector>

#include "core/common/thread_pool.h"
#include "core/compute/compute_backend.h"
#include "gpu/vulkan_backend.h"
#include "gpu_test_device.h"

namespace vq::gpu::test {

// Keys with a few outlier channels and a per-token scale, values Gaussian, queries correlated
// with the keys (so attention is peaked, like real heads).
inline LayerData syntheticLayer(int qHeads, int kvHeads, int64_t tokens, int dim, uint64_t seed) {
  LayerData d;
  d.layer = 0;
  d.qHeads = qHeads;
  d.kvHeads = kvHeads;
  d.tokens = tokens;
  d.headDim = dim;
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> g;
  const size_t hs = size_t(tokens) * size_t(dim);
  d.k.resize(size_t(kvHeads) * hs);
  d.v.resize(size_t(kvHeads) * hs);
  d.q.resize(size_t(qHeads) * hs);
  for (size_t i = 0; i < d.k.size(); ++i) {
    const size_t c = i % size_t(dim);
    d.k[i] = g(rng) * (c % 7 == 3 ? 6.0f : 1.0f) + (c == 1 ? 2.5f : 0.0f);
    d.v[i] = g(rng);
  }
  const int group = kvHeads > 0 ? qHeads / kvHeads : 1;
  for (size_t i = 0; i < d.q.size(); ++i) {
    const size_t head = i / hs, within = i % hs;
    d.q[i] = 0.7f * d.k[(head / size_t(group)) * hs + within] + g(rng);
  }
  return d;
}

inline std::unique_ptr<ComputeBackend> cpuBackend() { return makeCpuBackend(defaultThreadPool()); }
inline std::unique_ptr<ComputeBackend> vulkanBackend() { return makeVulkanBackend(testContext(), defaultThreadPool()); }

// Σ(a−b)² / Σb² (b the reference); 0 when both are zero.
inline double nmse(std::span<const float> a, std::span<const float> b) {
  double num = 0, den = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    num += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
    den += double(b[i]) * b[i];
  }
  return den > 0 ? num / den : num;
}

// |a - b| <= tol · max(|b|, floor): relative with an absolute floor.
inline bool closeRel(double a, double b, double tol, double floor = 1e-12) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::abs(a - b) <= tol * std::max(std::abs(b), floor);
}

}  // namespace vq::gpu::test
