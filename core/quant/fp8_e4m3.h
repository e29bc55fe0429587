// OCP 8-bit float E4M3 ("e4m3fn", as in PyTorch's float8_e4m3fn and NVIDIA's __nv_fp8_e4m3):
// 1 sign, 4 exponent (bias 7), 3 mantissa bits; no infinities; S.1111.111 is NaN, so the largest
// finite value is S.1111.110 = 448. Subnormals: exponent 0, value m * 2^-9 (smallest 2^-9).
//
// fp32 -> e4m3 rounds to nearest, ties to even, and SATURATES: every value above 448 in magnitude,
// infinities included, becomes +-448 (0x7E / 0xFE). That is what fp8 KV caches do (vLLM and
// TensorRT-LLM clamp to +-448 before converting; CUDA's __NV_SATFINITE), whereas a plain
// non-saturating cast (PyTorch's .to(float8_e4m3fn)) turns values >= 464 into NaN. NaN stays NaN.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace vq::quant {

inline constexpr float kFp8E4M3Max = 448.0f;

inline uint8_t floatToFp8E4M3(float f) {
  const uint32_t bits = std::bit_cast<uint32_t>(f);
  const uint8_t sign = uint8_t((bits >> 24) & 0x80u);
  const uint32_t absBits = bits & 0x7FFFFFFFu;
  if (absBits > 0x7F800000u) return uint8_t(sign | 0x7Fu);  // NaN
  const float a = std::bit_cast<float>(absBits);
  if (a >= kFp8E4M3Max) return uint8_t(sign | 0x7Eu);     // saturate, infinities included
  if (a < 0x1p-6f) {
    // Below the smallest normal (2^-6): a multiple of 2^-9, rounded to nearest even. The scaling
    // and the fraction are exact in fp32. r == 8 encodes 0x08, the smallest normal: still right.
    const float scaled = a * 512.0f;
    uint32_t r = uint32_t(scaled);
    const float frac = scaled - float(r);
    if (frac > 0.5f || (frac == 0.5f && (r & 1u))) ++r;
    return uint8_t(sign | r);
  }
  // Normal: round the 23-bit fp32 mantissa to 3 bits (ties to even); a carry bumps the exponent.
  const uint32_t rounded = absBits + 0x7FFFFu + ((absBits >> 20) & 1u);
  const int exponent = int(rounded >> 23) - 127 + 7;  // 1..15 since 2^-6 <= a < 448
  const uint32_t mantissa = (rounded >> 20) & 7u;
  if (exponent > 15 || (exponent == 15 && mantissa == 7u)) return uint8_t(sign | 0x7Eu);
  return uint8_t(sign | uint32_t(exponent << 3) | mantissa);
}

inline float fp8E4M3ToFloat(uint8_t v) {
  const int exponent = (v >> 3) & 0xF;
  const int mantissa = v & 0x7;
  const bool negative = (v & 0x80u) != 0;
  if (exponent == 15 && mantissa == 7) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    return negative ? -nan : nan;
  }
  const float magnitude = exponent == 0 ? std::ldexp(float(mantissa), -9)
                                        : std::ldexp(float(8 + mantissa), exponent - 10);
  return negative ? -magnitude : magnitude;
}

}  // namespace vq::quant
