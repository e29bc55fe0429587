// Small helpers shared by the rotation-based methods (turboquant_*, qjl, polar, turbo2/3/4):
// parameter validation with messages that name the parameter and value, fp16 scalars in the
// packed layout, buffer size checks and a vectorizable L2 norm.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "core/common/half.h"

namespace vq::quant {

class Method;

// Throws Error(InvalidArgument): "<method>: bits must be in lo..hi, got b".
void requireBits(std::string_view method, int bits, int lo, int hi);
// Throws unless n >= minLength: "<method>: head_dim must be >= minLength, got n".
void requireRowLength(std::string_view method, int n, int minLength);
// Throws unless 0 <= sketchDim <= kMaxSketchDim (0 means m = n).
void requireSketchDim(std::string_view method, int sketchDim);
constexpr int kMaxSketchDim = 1 << 16;

// encode()/decode() argument checks: x holds rows*n floats, bytes holds storageBytes(rows).
void requireEncodeBuffers(const Method& m, std::span<const float> x, int64_t rows, std::span<std::byte> out);
void requireDecodeBuffers(const Method& m, std::span<const std::byte> in, int64_t rows, std::span<float> out);
void requireRoundTripBuffers(const Method& m, std::span<const float> x, int64_t rows, std::span<float> out);

// fp16 scalars stored little-endian. Non-negative magnitudes (norms, radii) larger than the
// largest half (65504) are clamped to it rather than stored as infinity.
inline float roundMagnitudeToHalf(float v) {
  const float clamped = v < 65504.0f ? v : 65504.0f;
  return fp16ToFloat(floatToFp16(clamped));
}
inline void storeHalf(std::byte* out, float v) {
  const uint16_t h = floatToFp16(v < 65504.0f ? v : 65504.0f);
  out[0] = std::byte(uint8_t(h & 0xFFu));
  out[1] = std::byte(uint8_t(h >> 8));
}
inline float loadHalf(const std::byte* in) {
  return fp16ToFloat(uint16_t(std::to_integer<uint16_t>(in[0]) | (std::to_integer<uint16_t>(in[1]) << 8)));
}

// sqrt(Σ x_i²), accumulated in 8 float lanes (fixed order, so deterministic).
float l2Norm(const float* x, size_t n);
// Σ a_i b_i in 8 float lanes.
float dotProduct(const float* a, const float* b, size_t n);

// Rows processed per batch by the methods: bounds the scratch memory of one call.
constexpr int64_t kRowsPerBatch = 64;

}  // namespace vq::quant
