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

namespace vq {

struct TensorSpec {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
};

enum class ContainerFormat : uint8_t { Npz, Safetensors };
// From the extension: ".npz" or ".safetensors"; anything else throws Error(UnknownFormat).
ContainerFormat containerFormatFor(const std::filesystem::path& path);

class DumpWriter {
 public:
  // Creates the temporary output. metadata: written as safetensors __metadata__ (string values;
  // non-string values are JSON-encoded) and, for .npz, as the sidecar "<stem>.json".
  // Checks free disk space first (Error(Io) "not enough free disk space" before writing).
  DumpWriter(std::filesystem::path path, std::vector<TensorSpec> tensors,
             nlohmann::json metadata = nlohmann::json::object());
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

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace vq
