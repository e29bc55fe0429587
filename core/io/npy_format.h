// The NumPy .npy format (versions 1, 2 and 3): parsing the header of an existing array and
// building the header of a new one. Only the header is handled here; the payload stays mapped.
//
// Header facts (numpy/lib/format.py): magic "\x93NUMPY", major and minor version bytes, a
// little-endian header length (2 bytes in v1, 4 bytes in v2/v3), then a Python dict literal
// {'descr': '<f4', 'fortran_order': False, 'shape': (4, 97, 16), } padded with spaces and a
// final '\n' so that the data starts on a 64-byte boundary (16 in old files).
//
// bf16: numpy has no bfloat16. Arrays saved through ml_dtypes carry the raw descr '<V2'/'|V2'.
// We read such a tensor as bf16 only when the metadata declares it (sidecar "dtype": "bf16" or
// "tensors": {"<name>": {"dtype": "bfloat16"}}); otherwise it is Error(UnsupportedDtype). Our
// writer stores bf16 as '<V2' and declares it in the sidecar's "tensors" entry.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/dtype.h"

namespace vq::io {

struct NpyHeader {
  std::string descr;             // as written, e.g. "<f4"; "structured" for record dtypes
  bool fortranOrder = false;
  std::vector<int64_t> shape;
  uint64_t dataOffset = 0;       // bytes from the start of the .npy to the first element
  std::optional<uint64_t> itemSize;  // from descr; nullopt for object/structured dtypes
  std::optional<uint64_t> dataBytes; // prod(shape) * itemSize, when itemSize is known
};

// Bytes needed to know the full header size (magic + version + length field): 12 covers all.
constexpr size_t kNpyPreambleBytes = 12;
// Headers longer than this are refused (numpy itself refuses > 10000 by default).
constexpr uint64_t kNpyMaxHeaderBytes = 1u << 20;

// Total header size (offset of the data) from the first bytes, or nullopt if `prefix` is too short.
// Throws Error(BadMagic / BadHeader) when the preamble is wrong.
std::optional<uint64_t> npyHeaderSize(std::span<const std::byte> prefix, uint64_t baseOffset = 0);

// Parses the header at the start of `bytes` (the whole .npy or at least its header).
// baseOffset: where `bytes` starts in the file, for error offsets.
// Throws vq::Error: Truncated, BadMagic, BadHeader, BadShape (negative / overflowing dims).
// Does not judge the dtype or the order; see resolveNpyDtype.
NpyHeader parseNpyHeader(std::span<const std::byte> bytes, uint64_t baseOffset = 0);

// The dtype of a supported header: '<f4' f32, '<f2' f16, '<V2' / '|V2' bf16 when bf16Declared.
// Returns nullopt for anything else (big-endian, f8, ints, structured, ...).
std::optional<DType> npyDtype(const NpyHeader& h, bool bf16Declared);

// The detail text of Error(UnsupportedDtype) for a descr.
std::string unsupportedNpyDtypeText(std::string_view descr);

// descr written for a dtype: "<f4", "<f2", "<V2".
std::string_view npyDescr(DType t);

// A complete header (magic ... '\n') for a C-order array; v1, or v2 when v1's 65535-byte limit
// is exceeded. Its size is a multiple of 64.
std::string buildNpyHeader(DType t, std::span<const int64_t> shape);

}  // namespace vq::io
