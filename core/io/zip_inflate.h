// Inflating raw DEFLATE data (zip method 8) with zlib, in bounded chunks, and CRC32.
// Every function takes the size the caller expects and refuses to produce more, so a hostile
// "zip bomb" cannot make us allocate or loop beyond what the directory declared.
#pragma once

#include <cstdint>
#include <span>

namespace vq::io {

// The largest expansion DEFLATE can achieve is about 1032:1; a declared uncompressed size beyond
// that bound cannot be true and is refused before anything is allocated.
constexpr bool plausibleInflatedSize(uint64_t compressed, uint64_t inflated) {
  return inflated / 1032 <= compressed + 1;
}

// Inflates the first out.size() bytes of the stream (or fewer if it ends first). Returns how many
// bytes were produced. Throws Error(Corrupt) for an invalid stream.
uint64_t inflatePrefix(std::span<const std::byte> compressed, std::span<std::byte> out);

// Inflates the whole stream into `out`, which must be exactly its inflated size; returns the CRC32
// of the output. Throws Error(Corrupt) if the stream is invalid, shorter or longer than out.
uint32_t inflateExactly(std::span<const std::byte> compressed, std::span<std::byte> out);

// Inflates the whole stream through a small buffer without keeping it; throws Error(Corrupt)
// unless it yields exactly `expectedBytes` bytes whose CRC32 is `expectedCrc`.
void verifyDeflated(std::span<const std::byte> compressed, uint64_t expectedBytes, uint32_t expectedCrc);

// CRC32 (zip / zlib polynomial) of `data`, continuing from `crc` (0 to start).
uint32_t crc32Of(std::span<const std::byte> data, uint32_t crc = 0);

}  // namespace vq::io
