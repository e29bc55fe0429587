// IEEE binary16 and bfloat16 conversions, bit-exact and portable (no F16C needed).
// fp32 -> fp16/bf16 rounds to nearest, ties to even, exactly as ggml and numpy do.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace vq {

inline float fp16ToFloat(uint16_t h) {
  const uint32_t sign = uint32_t(h & 0x8000u) << 16;
  const uint32_t exp = (h >> 10) & 0x1Fu;
  const uint32_t man = h & 0x3FFu;
  uint32_t bits;
  if (exp == 0) {
    if (man == 0) {
      bits = sign;
    } else {  // subnormal: value = man * 2^-24
      float f = float(man) * 0x1p-24f;
      bits = std::bit_cast<uint32_t>(f) | sign;
    }
  } else if (exp == 0x1F) {
    bits = sign | 0x7F800000u | (man << 13);
  } else {
    bits = sign | ((exp + 112u) << 23) | (man << 13);
  }
  return std::bit_cast<float>(bits);
}

inline uint16_t floatToFp16(float f) {
  const uint32_t x = std::bit_cast<uint32_t>(f);
  const uint16_t sign = uint16_t((x >> 16) & 0x8000u);
  const uint32_t absx = x & 0x7FFFFFFFu;
  if (absx >= 0x7F800000u) {  // Inf or NaN
    return uint16_t(sign | 0x7C00u | (absx > 0x7F800000u ? 0x200u | ((absx >> 13) & 0x3FFu) : 0u));
  }
  if (absx >= 0x477FF000u) return uint16_t(sign | 0x7C00u);  // rounds to >= 65520: overflow to Inf
  if (absx < 0x38800000u) {  // below the smallest normal half (2^-14): subnormal or zero
    // value in units of 2^-24, rounded to nearest even.
    const float a = std::bit_cast<float>(absx);
    const float scaled = a * 0x1p24f;  // exact (power of two)
    // round half to even
    uint32_t r = uint32_t(scaled);
    const float frac = scaled - float(r);
    if (frac > 0.5f || (frac == 0.5f && (r & 1u))) ++r;
    return uint16_t(sign | r);  // r may reach 0x400 = smallest normal: still correct encoding
  }
  // normal: rebias exponent, round mantissa 23 -> 10 bits to nearest even
  uint32_t m = absx + 0xC8000000u;  // exponent -= 112 (127-15) in place
  const uint32_t round = 0x0FFFu + ((m >> 13) & 1u);
  m += round;
  return uint16_t(sign | (m >> 13));
}

inline float bf16ToFloat(uint16_t h) { return std::bit_cast<float>(uint32_t(h) << 16); }

inline uint16_t floatToBf16(float f) {
  uint32_t x = std::bit_cast<uint32_t>(f);
  if ((x & 0x7FFFFFFFu) > 0x7F800000u) return uint16_t((x >> 16) | 0x40u);  // quiet NaN
  x += 0x7FFFu + ((x >> 16) & 1u);
  return uint16_t(x >> 16);
}

}  // namespace vq
