// The [heads][tokens][dim] layout of one role (Q, K or V) of a layer, as the kernels see it.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace vq::gpu {

struct RoleShape {
  int heads = 0;
  int64_t tokens = 0;
  int dim = 0;
  uint64_t vectors() const { return uint64_t(heads) * uint64_t(tokens); }
  uint64_t values() const { return vectors() * uint64_t(dim); }
};

// Invocations per vector of the per-vector kernels (vector_layout.glsl): a power of two in 8..32,
// about one per two values. VQ_GPU_LANES=8|16|32 overrides it (for `bench kernels` experiments;
// results stay within the kernels' tolerances, reductions may add in another order).
inline uint32_t invocationsPerVector(int dim) {
  if (const char* env = std::getenv("VQ_GPU_LANES")) {
    const long lanes = std::strtol(env, nullptr, 10);
    if (lanes == 8 || lanes == 16 || lanes == 32) return uint32_t(lanes);
  }
  const uint32_t half = std::bit_floor(uint32_t(std::max(dim, 2))) / 2;
  return std::clamp<uint32_t>(half, 8, 32);
}

}  // namespace vq::gpu
