// Packing of b-bit unsigned indices (1 <= b <= 8) into bytes, least significant bit first:
// index i occupies bits [i*b, (i+1)*b) of the little-endian bit stream. Exact size ceil(n*b/8).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace vq::quant {

constexpr size_t packedBytes(size_t count, int bits) { return (count * size_t(bits) + 7) / 8; }

// Writes packedBytes(idx.size(), bits) bytes to out (which must be at least that long).
inline void packBits(std::span<const uint8_t> idx, int bits, std::byte* out) {
  const size_t nbytes = packedBytes(idx.size(), bits);
  for (size_t i = 0; i < nbytes; ++i) out[i] = std::byte{0};
  size_t bit = 0;
  for (uint8_t v : idx) {
    uint32_t value = uint32_t(v) & ((1u << bits) - 1u);
    size_t pos = bit;
    int left = bits;
    while (left > 0) {
      const size_t byte = pos >> 3;
      const int shift = int(pos & 7);
      const int take = (8 - shift) < left ? (8 - shift) : left;
      out[byte] |= std::byte(uint8_t((value & ((1u << take) - 1u)) << shift));
      value >>= take;
      left -= take;
      pos += size_t(take);
    }
    bit += size_t(bits);
  }
}

// Reads idx.size() indices of `bits` bits from in.
inline void unpackBits(const std::byte* in, int bits, std::span<uint8_t> idx) {
  size_t bit = 0;
  for (auto& v : idx) {
    uint32_t value = 0;
    int got = 0;
    size_t pos = bit;
    while (got < bits) {
      const size_t byte = pos >> 3;
      const int shift = int(pos & 7);
      const int take = (8 - shift) < (bits - got) ? (8 - shift) : (bits - got);
      const uint32_t chunk = (uint32_t(std::to_integer<uint8_t>(in[byte])) >> shift) & ((1u << take) - 1u);
      value |= chunk << got;
      got += take;
      pos += size_t(take);
    }
    v = uint8_t(value);
    bit += size_t(bits);
  }
}

}  // namespace vq::quant
