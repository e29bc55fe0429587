// Which dump a calibration table or an allocation file was made from: its path, model name,
// per-layer shapes and a cheap content hash, so an allocation is not silently applied to
// another model or another recording.
//
// The dump hash ("fnv1a64:<16 hex digits>") is FNV-1a (64-bit) over, in order:
//   the text "vq-dump-id-v1", the layer count, and for every layer l and role k then v:
//   l, the role name, the tensor's heads, tokens and head_dim, its dtype name, its payload size
//   in bytes, then the first min(4096, size) and the last min(4096, size) payload bytes as
//   stored (integers are hashed as 8 little-endian bytes, texts as their bytes plus a 0).
// It reads at most 16 KiB per layer, so it is instant even for a 10 GB dump. It identifies the
// stored K/V tensors (values, dtype, layout); it does not hash queries, metadata or the bytes
// in the middle of a tensor, so two dumps differing only there share a hash.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/io/dump.h"

namespace vq::calib {

struct LayerShape {
  int qHeads = 0;  // 0 without queries
  int kvHeads = 0;
  int64_t tokens = 0;
  int headDim = 0;
  friend bool operator==(const LayerShape&, const LayerShape&) = default;
};

struct DumpIdentity {
  std::string path;   // as given when it was opened
  std::string model;  // metadata model name; empty if unknown
  std::string hash;   // see above
  std::vector<LayerShape> layers;
  friend bool operator==(const DumpIdentity&, const DumpIdentity&) = default;
};

DumpIdentity identifyDump(const Dump& dump);

}  // namespace vq::calib
