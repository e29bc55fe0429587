// The block layouts of llama.cpp's (ggml's) KV-cache quantization types, byte for byte as ggml
// stores them (ggml-common.h): 32 values per block, an fp16 scale first, then the codes.
// Multi-byte fields are little-endian, as in ggml's files and caches; we memcpy these structs to
// and from the packed byte stream, so the host must be little-endian (checked below).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

namespace vq::quant {

static_assert(std::endian::native == std::endian::little,
              "ggml block layouts are little-endian; a big-endian host needs byte swapping here");

// Values per block, for every format below.
inline constexpr int kGgmlBlockValues = 32;

// q8_0: x = d * q, q in [-127, 127].
struct BlockQ8_0 {
  uint16_t d;      // fp16 scale: max|x| / 127
  int8_t qs[32];   // signed 8-bit codes, value j in qs[j]
};

// q4_0: x = d * (q - 8), q in [0, 15].
struct BlockQ4_0 {
  uint16_t d;      // fp16 scale: (signed value of largest magnitude) / -8
  uint8_t qs[16];  // nibbles: value j (j < 16) in the low nibble of qs[j], value j+16 in its high nibble
};

// q4_1: x = d * q + m, q in [0, 15].
struct BlockQ4_1 {
  uint16_t d;      // fp16 scale: (max - min) / 15
  uint16_t m;      // fp16 offset: the block minimum
  uint8_t qs[16];  // nibbles, packed as in q4_0
};

// q5_0: x = d * (q - 16), q in [0, 31].
struct BlockQ5_0 {
  uint16_t d;      // fp16 scale: (signed value of largest magnitude) / -16
  uint8_t qh[4];   // fifth bits: bit j of this little-endian uint32 is bit 4 of code j (j = 0..31)
  uint8_t qs[16];  // low four bits of the codes, packed as in q4_0
};

// q5_1: x = d * q + m, q in [0, 31].
struct BlockQ5_1 {
  uint16_t d;      // fp16 scale: (max - min) / 31
  uint16_t m;      // fp16 offset: the block minimum
  uint8_t qh[4];   // fifth bits, as in q5_0
  uint8_t qs[16];  // low four bits, as in q4_0
};

// iq4_nl: x = d * kIq4NlValues[q], q in [0, 15] (a fixed non-uniform 16-entry table).
struct BlockIq4Nl {
  uint16_t d;      // fp16 scale, fitted by weighted least squares to the chosen table entries
  uint8_t qs[16];  // nibbles (table indices), packed as in q4_0
};

static_assert(sizeof(BlockQ8_0) == 34, "q8_0 block is 34 bytes for 32 values (8.5 bpv)");
static_assert(sizeof(BlockQ5_1) == 24, "q5_1 block is 24 bytes for 32 values (6.0 bpv)");
static_assert(sizeof(BlockQ5_0) == 22, "q5_0 block is 22 bytes for 32 values (5.5 bpv)");
static_assert(sizeof(BlockQ4_1) == 20, "q4_1 block is 20 bytes for 32 values (5.0 bpv)");
static_assert(sizeof(BlockQ4_0) == 18, "q4_0 block is 18 bytes for 32 values (4.5 bpv)");
static_assert(sizeof(BlockIq4Nl) == 18, "iq4_nl block is 18 bytes for 32 values (4.5 bpv)");

}  // namespace vq::quant
