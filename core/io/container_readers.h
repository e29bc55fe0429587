// The three dump containers, each read into the same neutral form: a list of tensors (name, dtype,
// shape, where the bytes are) plus the metadata object. The readers validate everything about
// bytes and offsets (nothing is allocated before its size is checked against the file); the KV
// model on top (dump_model.h) judges names, dtypes, orders and shapes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/dtype.h"
#include "core/io/tensor_store.h"

namespace vq::io {

struct RawTensor {
  std::string name;
  std::string dtypeText;         // as stored: "<f4", "F32", "<i4", ...
  std::optional<DType> dtype;    // nullopt: not f32/f16/bf16
  bool rawTwoByte = false;       // .npy '<V2'/'|V2': bf16 when the metadata declares it
  bool fortranOrder = false;
  std::vector<int64_t> shape;
  uint64_t bytes = 0;            // payload size (0 when the dtype's size is unknown)
  TensorLocation where;
  std::string file;              // the file holding it, for messages
  uint64_t fileOffset = 0;       // where its data (or member) starts in that file
};

struct ContainerContents {
  std::string container;         // "npz", "safetensors", "npy-folder"
  std::vector<RawTensor> tensors;  // in file order
  nlohmann::json metadata = nlohmann::json::object();
  uint64_t fileBytes = 0;
};

// .npz (ZIP of .npy members; stored or deflate, ZIP64). Members not named *.npy are skipped.
// Deflated members are inflated once while opening to check their size and CRC32 (in a small
// buffer), then again on demand when read. Stored members are used in place; their CRC32 is not
// checked (that would read the whole dump on open).
ContainerContents readNpz(const std::filesystem::path& path);

// .safetensors, with "__metadata__" decoded and the sidecar merged over it.
ContainerContents readSafetensors(const std::filesystem::path& path);

// A folder of .npy files (one tensor each; name = file name without ".npy"), with optional
// "metadata.json". Other files and sub-folders are ignored.
ContainerContents readNpyFolder(const std::filesystem::path& folder);

// Parses one .npy (mapped) into a RawTensor named `name`; used by the folder reader.
RawTensor readNpyFile(const std::filesystem::path& path, std::string name);

}  // namespace vq::io
