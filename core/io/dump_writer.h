// Writes dumps (and any named f32/f16/bf16 tensors) as .npz (stored, numpy-compatible, zip64
// when large) or .safetensors, atomically. Tensors are declared up front and their bytes are
// then streamed in declared order, so a 10 GB dump is never held in memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/dtype.h"
#include "core/common/progress.h"

namespace vq {

class Dump;

struct TensorSpec {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
};

enum class ContainerFormat : uint8_t { Npz, Safetensors };
// From the extension: ".npz" or ".safetensors"; anything else throws Error(UnknownFormat).
ContainerFormat containerFormatFor(const std::filesystem::path& path);

struct DumpWriterOptions {
  // .npz: write ZIP64 records for every entry even when the sizes fit 32 bits (tests use it to
  // exercise the ZIP64 paths without 4 GiB files).
  bool forceZip64 = false;
};

class DumpWriter {
 public:
  // Creates the temporary output. metadata: written as safetensors __metadata__ (string values;
  // non-string values are JSON-encoded) and, for .npz, as the sidecar "<stem>.json".
  // Checks free disk space first (Error(Io) "not enough free disk space" before writing).
  // Also throws Error(DuplicateTensor) for two tensors of one name, Error(BadShape) for negative or
  // overflowing shapes, Error(InvalidArgument) when metadata is not an object.
  // .npz details: members "<name>.npy", STORED, numpy .npy v1 headers (v2 when longer than v1
  // allows); bf16 tensors are written with descr '<V2' and declared in the sidecar as
  // "tensors": {"<name>": {"dtype": "bfloat16"}}. The sidecar is written when there is metadata
  // (or bf16) or when one already exists (so a stale sidecar is never left beside new data).
  DumpWriter(std::filesystem::path path, std::vector<TensorSpec> tensors,
             nlohmann::json metadata = nlohmann::json::object());
  DumpWriter(std::filesystem::path path, std::vector<TensorSpec> tensors, nlohmann::json metadata,
             DumpWriterOptions options);
  ~DumpWriter();  // discards the temporary if commit() was not reached
  DumpWriter(const DumpWriter&) = delete;
  DumpWriter& operator=(const DumpWriter&) = delete;

  // Appends values of the current tensor (converted to its dtype). Tensors fill in declared order;
  // a tensor is complete when all its elements were appended.
  void appendF32(std::span<const float> values);
  // Appends raw bytes already in the current tensor's dtype.
  void appendRaw(std::span<const std::byte> bytes);
  // Checks every tensor is complete, finalises headers/directory, renames into place.
  void commit();

  // Size of the file being written (known up front), and of the payload bytes appended so far.
  uint64_t totalBytes() const;
  uint64_t payloadBytesWritten() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Writes every tensor of `dump` (tensors() order, dtypes, shapes and layouts as stored) and its
// metadata to `path` (.npz or .safetensors), streaming payloads in chunks. `path` may be the
// dump's own file: the old file stays mapped until the dump is closed. Throws Error(Cancelled)
// (leaving any old target intact) when `progress` is cancelled.
void writeDump(const std::filesystem::path& path, const Dump& dump, const Progress& progress = {});

}  // namespace vq
