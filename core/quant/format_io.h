// Small helpers shared by the format methods (fp baselines, kivi, mlx_affine, llama.cpp blocks):
// buffer checks that give a clear InvalidArgument instead of reading or writing past the caller's
// buffers, and little-endian 16-bit stores for fp16/bf16 fields.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/error.h"

namespace vq::quant {

// Throws InvalidArgument when rows < 0 or a buffer is smaller than the method needs.
inline void requireBuffers(std::string_view method, int64_t rows, size_t floatsGiven,
                           uint64_t floatsNeeded, size_t bytesGiven, uint64_t bytesNeeded) {
  if (rows < 0)
    throw Error(ErrorCode::InvalidArgument,
                std::string(method) + ": rows must be >= 0, got " + std::to_string(rows));
  if (floatsGiven < floatsNeeded)
    throw Error(ErrorCode::InvalidArgument,
                std::string(method) + ": float buffer holds " + std::to_string(floatsGiven) +
                    " values, needs " + std::to_string(floatsNeeded));
  if (bytesGiven < bytesNeeded)
    throw Error(ErrorCode::InvalidArgument,
                std::string(method) + ": byte buffer holds " + std::to_string(bytesGiven) +
                    " bytes, needs " + std::to_string(bytesNeeded));
}

inline void storeLittleEndian16(uint16_t v, std::byte* out) {
  out[0] = std::byte(uint8_t(v & 0xFFu));
  out[1] = std::byte(uint8_t(v >> 8));
}

inline uint16_t loadLittleEndian16(const std::byte* in) {
  return uint16_t(std::to_integer<uint16_t>(in[0]) | (std::to_integer<uint16_t>(in[1]) << 8));
}

}  // namespace vq::quant
