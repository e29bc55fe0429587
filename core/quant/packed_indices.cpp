#include "core/quant/packed_indices.h"

#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace vq::quant {
namespace {

template <int B>
void packGroups(const uint8_t* idx, size_t count, std::byte* out) {
  constexpr uint64_t mask = (uint64_t(1) << B) - 1;
  size_t i = 0;
#if defined(__AVX2__)
  if constexpr (B == 4) {
    // 16 indices -> 8 bytes: maddubs with (1, 16) pairs gives idx[2k] + 16·idx[2k+1] per 16-bit
    // lane (<= 255 after the mask), packus narrows it to the byte the loop below would write.
    const __m128i low4 = _mm_set1_epi8(0x0F);
    const __m128i weights = _mm_set1_epi16(0x1001);  // bytes 1, 16
    for (; i + 16 <= count; i += 16) {
      const __m128i v = _mm_and_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(idx + i)), low4);
      const __m128i pairs = _mm_maddubs_epi16(v, weights);
      _mm_storel_epi64(reinterpret_cast<__m128i*>(out), _mm_packus_epi16(pairs, pairs));
      out += 8;
    }
  }
#endif
  for (; i + 8 <= count; i += 8) {
    uint64_t word = 0;
    for (int k = 0; k < 8; ++k) word |= (uint64_t(idx[i + size_t(k)]) & mask) << (k * B);
    for (int k = 0; k < B; ++k) out[k] = std::byte(uint8_t(word >> (8 * k)));
    out += B;
  }
  const size_t rest = count - i;
  if (rest == 0) return;
  uint64_t word = 0;
  for (size_t k = 0; k < rest; ++k) word |= (uint64_t(idx[i + k]) & mask) << (k * B);
  const size_t bytes = (rest * B + 7) / 8;
  for (size_t k = 0; k < bytes; ++k) out[k] = std::byte(uint8_t(word >> (8 * k)));
}

template <int B>
void unpackGroups(const std::byte* in, size_t count, uint8_t* idx) {
  constexpr uint64_t mask = (uint64_t(1) << B) - 1;
  size_t i = 0;
  if constexpr (B == 1 || B == 2 || B == 4 || B == 8) {
    // Whole indices per byte: a plain loop the compiler vectorizes.
    constexpr int perByte = 8 / B;
    const size_t whole = count / perByte;
    for (size_t byte = 0; byte < whole; ++byte) {
      const unsigned v = std::to_integer<unsigned>(in[byte]);
      for (int k = 0; k < perByte; ++k) idx[byte * perByte + size_t(k)] = uint8_t((v >> (k * B)) & mask);
    }
    i = whole * perByte;
    in += whole;
  }
  for (; i + 8 <= count; i += 8) {
    uint64_t word = 0;
    for (int k = 0; k < B; ++k) word |= uint64_t(std::to_integer<uint8_t>(in[k])) << (8 * k);
    for (int k = 0; k < 8; ++k) idx[i + size_t(k)] = uint8_t((word >> (k * B)) & mask);
    in += B;
  }
  const size_t rest = count - i;
  if (rest == 0) return;
  uint64_t word = 0;
  const size_t bytes = (rest * B + 7) / 8;
  for (size_t k = 0; k < bytes; ++k) word |= uint64_t(std::to_integer<uint8_t>(in[k])) << (8 * k);
  for (size_t k = 0; k < rest; ++k) idx[i + k] = uint8_t((word >> (k * B)) & mask);
}

}  // namespace

void packIndices(const uint8_t* idx, size_t count, int bits, std::byte* out) {
  switch (bits) {
    case 1: packGroups<1>(idx, count, out); break;
    case 2: packGroups<2>(idx, count, out); break;
    case 3: packGroups<3>(idx, count, out); break;
    case 4: packGroups<4>(idx, count, out); break;
    case 5: packGroups<5>(idx, count, out); break;
    case 6: packGroups<6>(idx, count, out); break;
    case 7: packGroups<7>(idx, count, out); break;
    case 8: packGroups<8>(idx, count, out); break;
    default: break;
  }
}

void unpackIndices(const std::byte* in, size_t count, int bits, uint8_t* idx) {
  switch (bits) {
    case 1: unpackGroups<1>(in, count, idx); break;
    case 2: unpackGroups<2>(in, count, idx); break;
    case 3: unpackGroups<3>(in, count, idx); break;
    case 4: unpackGroups<4>(in, count, idx); break;
    case 5: unpackGroups<5>(in, count, idx); break;
    case 6: unpackGroups<6>(in, count, idx); break;
    case 7: unpackGroups<7>(in, count, idx); break;
    case 8: unpackGroups<8>(in, count, idx); break;
    default: break;
  }
}

}  // namespace vq::quant
