// The safetensors format: parsing the header of an existing file and building the header of a
// new one. Payloads stay mapped; nothing here copies tensor data.
//
// Format facts (huggingface/safetensors): an 8-byte little-endian header length N, N bytes of
// JSON {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
// "__metadata__": {"key": "value"}}, then the data region; offsets are relative to its start
// (byte 8 + N). The header may be padded with spaces; writers align N to 8.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/dtype.h"
#include "core/io/dump_writer.h"

namespace vq::io {

struct SafetensorsEntry {
  std::string name;
  std::string dtypeText;        // as stored: "F32", "I8", ...
  std::optional<DType> dtype;   // F32 / F16 / BF16; nullopt for other (known) dtypes
  std::vector<int64_t> shape;
  uint64_t begin = 0, end = 0;  // absolute byte offsets in the file
};

struct SafetensorsHeader {
  std::vector<SafetensorsEntry> entries;  // in data order (ascending offsets)
  nlohmann::json metadata = nlohmann::json::object();  // "__metadata__" as stored
  uint64_t dataStart = 0;
};

// Parses and validates the header of the file `file`: the length is inside the file, the JSON
// parses, names are unique, dtypes are known safetensors dtypes, shapes are non-negative and do not
// overflow, every data_offsets pair lies in the data region with end - begin equal to the shape's
// byte size, and no two tensors overlap. Throws vq::Error (without the file name): Truncated,
// BadHeader, BadJson, DuplicateTensor, UnsupportedDtype (unknown dtype names), BadShape,
// OffsetOutOfRange.
SafetensorsHeader parseSafetensorsHeader(std::span<const std::byte> file);

// "F32", "F16", "BF16".
std::string_view safetensorsDtypeName(DType t);

// Detail text of Error(UnsupportedDtype) for a safetensors dtype name.
std::string unsupportedSafetensorsDtypeText(std::string_view dtype);

// The complete header (8-byte length + JSON padded with spaces to a multiple of 8) for tensors
// stored back to back in the given order. metadata: an object; string values are written as they
// are, other values JSON-encoded (safetensors metadata is string to string). Empty metadata is
// left out. Throws Error(InvalidArgument) for a tensor named "__metadata__".
std::string buildSafetensorsHeader(std::span<const TensorSpec> tensors, const nlohmann::json& metadata);

}  // namespace vq::io
