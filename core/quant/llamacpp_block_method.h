// Common machinery of the llama.cpp block formats (q8_0, q5_1, q5_0, q4_1, q4_0, iq4_nl):
// RowScope::LayerRow rows of n = Hkv*head_dim values cut into blocks of 32, stored block after
// block exactly as ggml lays them out (see ggml_blocks.h). Each format supplies the quantizer and
// dequantizer of one row; this base validates n, counts bytes and loops over rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>
#include <string_view>

#include "core/quant/ggml_blocks.h"
#include "core/quant/method.h"

namespace vq::quant {

// C's float -> int conversion, as ggml's reference quantizers use it: truncation toward zero.
// For NaN, infinities and values outside int32, C leaves the result undefined; ggml built for
// x86-64 then gets 0x80000000 from cvttss2si, and the 8-bit code it stores is that value's low
// byte, 0. We return the same int32 without undefined behaviour. It only happens when a whole
// block lies below about 2^-121 in magnitude (1/d overflows to infinity), where the fp16 scale
// is 0 anyway, so the block decodes to zeros either way.
inline int32_t truncateToInt32LikeX86(float v) {
  if (!(v > -2147483904.0f && v < 2147483648.0f)) return std::numeric_limits<int32_t>::min();
  return int32_t(v);
}
// (int8_t)v and (uint8_t)v in C on x86-64: the truncated int32, wrapped to 8 bits.
inline int castToInt8LikeC(float v) { return int(int8_t(uint8_t(uint32_t(truncateToInt32LikeX86(v)) & 0xFFu))); }
inline int castToUint8LikeC(float v) { return int(uint32_t(truncateToInt32LikeX86(v)) & 0xFFu); }

// C's MIN(limit, code) on ints, as ggml's quantizers clamp their codes.
inline int clampCodeAbove(int limit, int code) { return limit < code ? limit : code; }

// The value of largest magnitude in a block of 32, with its sign (the first one on ties; 0 for an
// all-zero block), as q4_0 / q5_0 find it.
inline float signedAbsMax(const float* x) {
  float amax = 0.0f, max = 0.0f;
  for (int j = 0; j < kGgmlBlockValues; ++j) {
    const float a = x[j] < 0.0f ? -x[j] : x[j];
    if (amax < a) {
      amax = a;
      max = x[j];
    }
  }
  return max;
}

// Throws InvalidArgument unless n is a positive multiple of 32 (the message names the method).
void requireWholeGgmlBlocks(std::string_view method, int n);

class LlamaCppBlockMethod : public Method {
 public:
  RowScope scope() const final { return RowScope::LayerRow; }
  uint64_t storageBytes(int64_t rows) const final;
  void encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const final;
  void decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const final;

  int blocksPerRow() const { return m_n / kGgmlBlockValues; }
  size_t blockBytes() const { return m_blockBytes; }
  size_t rowBytes() const { return m_blockBytes * size_t(blocksPerRow()); }

 protected:
  LlamaCppBlockMethod(MethodConfig config, int n, size_t blockBytes);
  // x: n floats -> out: rowBytes() bytes, and back.
  virtual void quantizeRow(const float* x, std::byte* out) const = 0;
  virtual void dequantizeRow(const std::byte* in, float* y) const = 0;

 private:
  size_t m_blockBytes;
};

// Row loops for a format whose blocks are quantized independently: quantizeBlock(const float*)
// returns a Block, dequantizeBlock(const Block&, float*) writes 32 floats. memcpy keeps the byte
// stream free of alignment requirements.
template <class Block, class QuantizeBlock>
void quantizeBlocks(const float* x, int blocks, std::byte* out, QuantizeBlock quantizeBlock) {
  for (int b = 0; b < blocks; ++b) {
    const Block block = quantizeBlock(x + size_t(b) * kGgmlBlockValues);
    std::memcpy(out + size_t(b) * sizeof(Block), &block, sizeof(Block));
  }
}

template <class Block, class DequantizeBlock>
void dequantizeBlocks(const std::byte* in, int blocks, float* y, DequantizeBlock dequantizeBlock) {
  for (int b = 0; b < blocks; ++b) {
    Block block;
    std::memcpy(&block, in + size_t(b) * sizeof(Block), sizeof(Block));
    dequantizeBlock(block, y + size_t(b) * kGgmlBlockValues);
  }
}

}  // namespace vq::quant
