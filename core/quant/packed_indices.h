// Fast packing of b-bit indices (1 <= b <= 8) with exactly the byte layout of bitpack.h
// (LSB first, index i at bits [i*b, (i+1)*b), ceil(count*b/8) bytes): eight indices fill
// exactly b bytes, so whole groups go through one 64-bit word (4-bit packing: 16 indices per
// SSSE3 step in AVX2 builds, same bytes).
#pragma once

#include <cstddef>
#include <cstdint>

namespace vq::quant {

// Writes packedBytes(count, bits) bytes.
void packIndices(const uint8_t* idx, size_t count, int bits, std::byte* out);
// Reads count indices.
void unpackIndices(const std::byte* in, size_t count, int bits, uint8_t* idx);

}  // namespace vq::quant
