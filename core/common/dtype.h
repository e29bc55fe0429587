// Element types a dump may hold and their conversion to f32.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace vq {

enum class DType : uint8_t { F32, F16, BF16 };

constexpr size_t dtypeSize(DType t) { return t == DType::F32 ? 4 : 2; }
std::string_view dtypeName(DType t);                 // "f32", "f16", "bf16"
std::optional<DType> parseDtypeName(std::string_view s);  // accepts f32/float32/f16/float16/bf16/bfloat16

// Converts n elements of type `t` stored little-endian at `src` (any alignment) to f32.
void convertToF32(const std::byte* src, DType t, size_t n, float* dst);
// Converts f32 to `t` (round to nearest even), writing little-endian bytes.
void convertFromF32(const float* src, DType t, size_t n, std::byte* dst);

}  // namespace vq
