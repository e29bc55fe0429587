// The compute shaders' SPIR-V, compiled from gpu/shaders at build time and embedded in vq_gpu
// (cmake/VqSpirv.cmake generates the definition).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace vq::gpu {

// The words of the shader `name` (e.g. "turboquant"), or an empty span if there is none.
std::span<const uint32_t> findSpirv(std::string_view name);

}  // namespace vq::gpu
