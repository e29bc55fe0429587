// Turns the neutral contents of a container (container_readers.h) into the KV dump model:
// which tensor is which layer's q/k/v/k_pre_rope, their layout, and the checks DESIGN.md §2 asks
// for. Validation order (the first failure is reported):
//   per KV tensor: dtype f32/f16/bf16 (UnsupportedDtype), C order (FortranOrder), no zero
//   dimension (BadShape), one tensor per layer and role (DuplicateTensor);
//   at least one KV tensor (EmptyDump); layers 0..L-1 without gaps, each with k and v
//   (MissingTensor); ranks and layout (BadShape, AmbiguousLayout, InconsistentDump);
//   per layer: k, v, k_pre_rope agree on heads, tokens and head_dim, q has the same tokens and
//   head_dim and a multiple of the KV heads (InconsistentDump).
// Layers may differ from each other in tokens, heads and head_dim (uniformShapes = false).
#pragma once

#include <array>
#include <filesystem>
#include <vector>

#include "core/io/container_readers.h"
#include "core/io/dump.h"

namespace vq::io {

struct DumpModel {
  DumpInfo info;
  std::vector<TensorInfo> tensors;           // kept tensors, in file order
  std::vector<TensorLocation> locations;     // parallel to tensors
  std::vector<std::array<int, 4>> roleIndex; // [layer][role] -> index into tensors, or -1
};

// Throws vq::Error naming the file and tensor at fault.
DumpModel buildDumpModel(ContainerContents contents, const std::filesystem::path& path);

}  // namespace vq::io
