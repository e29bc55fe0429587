// The container-specific half of DumpWriter: what bytes go around the tensor payloads. The layout
// of the whole file is computed in the constructor (so its exact size is known before writing and
// the disk space can be checked); DumpWriter streams payloads through tensorData().
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/atomic_file.h"
#include "core/io/dump_writer.h"

namespace vq::io {

class ContainerSink {
 public:
  virtual ~ContainerSink() = default;
  // Exact size of the finished file.
  virtual uint64_t totalBytes() const = 0;
  virtual void begin(AtomicFile& f) = 0;
  virtual void beginTensor(AtomicFile& f, size_t index) = 0;
  virtual void tensorData(AtomicFile& f, std::span<const std::byte> bytes) = 0;
  virtual void endTensor(AtomicFile& f, size_t index) = 0;
  virtual void finish(AtomicFile& f) = 0;
};

// `payloadBytes[i]` is the byte size of tensors[i]; shapes were validated by the caller.
std::unique_ptr<ContainerSink> makeNpzSink(const std::vector<TensorSpec>& tensors,
                                           const std::vector<uint64_t>& payloadBytes, bool forceZip64);
std::unique_ptr<ContainerSink> makeSafetensorsSink(const std::vector<TensorSpec>& tensors,
                                                   const std::vector<uint64_t>& payloadBytes,
                                                   const nlohmann::json& metadata);

}  // namespace vq::io
