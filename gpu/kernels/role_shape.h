// The [heads][tokens][dim] layout of one role (Q, K or V) of a layer, as the kernels see it.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <vector>

namespace vq::gpu {

struct RoleShape {
  int heads = 0;
  int64_t tokens = 0;
  int dim = 0;
  uint64_t vectors() const { return uint64_t(heads) * uint64_t(tokens); }
  uint64_t values() const { return vectors() * uint64_t(dim); }
};

// The value of environment variable `name` when it is one of `allowed`, else 0 (tuning knobs).
inline uint32_t tuningOverride(const char* name, std::initializer_list<uint32_t> allowed) {
  const char* env = std::getenv(name);
  if (!env) return 0;
  const long v = std::strtol(env, nullptr, 10);
  for (uint32_t a : allowed)
    if (v == long(a)) return a;
  return 0;
}

// Invocations per vector of the per-vector kernels (vector_layout.glsl): a power of two in 8..32,
// about one per two values. VQ_GPU_LANES=8|16|32 overrides it (for `bench kernels` experiments;
// results stay within the kernels' tolerances, reductions may add in another order).
inline uint32_t invocationsPerVector(int dim) {
  if (const uint32_t lanes = tuningOverride("VQ_GPU_LANES", {8, 16, 32})) return lanes;
  const uint32_t half = std::bit_floor(uint32_t(std::max(dim, 2))) / 2;
  return std::clamp<uint32_t>(half, 8, 32);
}

// Invocations per workgroup of the per-vector kernels: 64 (VQ_GPU_WORKGROUP=64|128|256|512
// overrides it, for `bench kernels` experiments; results do not depend on it).
inline uint32_t vectorWorkgroupSize() {
  const uint32_t n = tuningOverride("VQ_GPU_WORKGROUP", {64, 128, 256, 512});
  return n ? n : 64;
}

// The specialization constants of a per-vector kernel: the kernel's own (ids 0..13, D and TPV
// first), then VPW (id 14) and the workgroup size (id 15) of vector_layout.glsl.
inline std::vector<uint32_t> vectorLayoutConstants(std::vector<uint32_t> constants, uint32_t tpv) {
  constants.resize(14, 0u);
  constants.push_back(vectorWorkgroupSize() / tpv);
  constants.push_back(vectorWorkgroupSize());
  return constants;
}

// Workgroups for `vectors` vectors with `tpv` invocations per vector.
inline uint64_t vectorWorkgroups(uint64_t vectors, uint32_t tpv) {
  const uint64_t perGroup = vectorWorkgroupSize() / tpv;
  return (vectors + perGroup - 1) / perGroup;
}

}  // namespace vq::gpu
