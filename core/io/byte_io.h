// Little helpers the container parsers share: little-endian loads/stores at any alignment and
// overflow-checked size arithmetic (every size read from a file goes through these before it is
// compared with the file size or used to allocate).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vq::io {

inline uint16_t loadLE16(const std::byte* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return uint16_t(b[0] | (b[1] << 8));
}
inline uint32_t loadLE32(const std::byte* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return uint32_t(b[0]) | (uint32_t(b[1]) << 8) | (uint32_t(b[2]) << 16) | (uint32_t(b[3]) << 24);
}
inline uint64_t loadLE64(const std::byte* p) {
  return uint64_t(loadLE32(p)) | (uint64_t(loadLE32(p + 4)) << 32);
}

// Appends little-endian integers to a byte string (used to build headers).
inline void putLE16(std::string& s, uint16_t v) {
  s.push_back(char(v & 0xFF));
  s.push_back(char(v >> 8));
}
inline void putLE32(std::string& s, uint32_t v) {
  putLE16(s, uint16_t(v & 0xFFFF));
  putLE16(s, uint16_t(v >> 16));
}
inline void putLE64(std::string& s, uint64_t v) {
  putLE32(s, uint32_t(v & 0xFFFFFFFFu));
  putLE32(s, uint32_t(v >> 32));
}
inline void storeLE32(std::byte* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = std::byte((v >> (8 * i)) & 0xFF);
}

// a + b and a * b, or nullopt when the result does not fit in 64 bits.
inline std::optional<uint64_t> checkedAdd(uint64_t a, uint64_t b) {
  uint64_t r;
  if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
  return r;
}
inline std::optional<uint64_t> checkedMul(uint64_t a, uint64_t b) {
  uint64_t r;
  if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
  return r;
}

// Number of elements of `shape` (all dims must be >= 0), or nullopt on a negative dimension
// or when the element count times `elementSize` overflows 63 bits.
inline std::optional<uint64_t> checkedByteCount(std::span<const int64_t> shape, uint64_t elementSize) {
  uint64_t n = elementSize;
  for (int64_t d : shape) {
    if (d < 0) return std::nullopt;
    auto m = checkedMul(n, uint64_t(d));
    if (!m || *m > uint64_t(INT64_MAX)) return std::nullopt;
    n = *m;
  }
  return n;
}

// "[4, 97, 16]" for messages.
inline std::string shapeText(std::span<const int64_t> shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + "]";
}

inline std::span<const std::byte> asBytes(const std::string& s) {
  return std::as_bytes(std::span(s.data(), s.size()));
}

}  // namespace vq::io
