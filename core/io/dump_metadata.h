// Metadata of a dump: the JSON sidecar "<stem>.json" beside a file (or "metadata.json" in a folder
// of .npy), and safetensors "__metadata__", merged into one JSON object; plus the facts the loader
// takes from it (declared layout, head counts, bf16 declarations, model name, synthetic flag).
//
// Keys read (all optional):
//   "model" or "model_name"              model name
//   "synthetic": true                    made by `veloxquant synth`
//   "layout": "HTD" | "1HTD" | "THD"     layout of the KV tensors (rank-3 tensors: HTD or THD)
//   "num_kv_heads" | "num_key_value_heads" | "n_kv_heads"   KV heads (layout evidence)
//   "num_heads" | "num_attention_heads" | "n_heads"         query heads (layout evidence)
//   "dtype": "bf16" or "tensors": {"<name>": {"dtype": "bfloat16"}}  raw 2-byte .npy data is bf16
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/io/dump.h"

namespace vq::io {

// "<dir>/<stem>.json" for "<dir>/<stem>.<ext>".
std::filesystem::path sidecarPathFor(const std::filesystem::path& file);

// The sidecar's object, or an empty object when the file does not exist.
// Throws Error(BadJson) naming the sidecar (and, in the detail, the dump it describes) when it
// does not parse or is not an object; Error(Io) when it cannot be read.
nlohmann::json readSidecar(const std::filesystem::path& jsonPath, const std::filesystem::path& dump);

// safetensors "__metadata__" (string -> string): values that are JSON text ("4", "true",
// "{...}") are replaced by the parsed value; other strings stay strings.
nlohmann::json decodeSafetensorsMetadata(const nlohmann::json& stored);

// `base` with every key of `overlay` set (overlay wins).
nlohmann::json mergeMetadata(nlohmann::json base, const nlohmann::json& overlay);

struct MetadataFacts {
  std::optional<Layout> layout;
  std::optional<int64_t> kvHeads;
  std::optional<int64_t> qHeads;
};
// Throws Error(BadJson) when "layout" is present but not one of the accepted values.
MetadataFacts metadataFacts(const nlohmann::json& meta);

// Whether raw 2-byte values of tensor `name` are declared bf16.
bool declaresBf16(const nlohmann::json& meta, std::string_view name);

std::string metadataModelName(const nlohmann::json& meta);
bool metadataSynthetic(const nlohmann::json& meta);

}  // namespace vq::io
