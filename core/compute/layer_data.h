// One layer of a dump as f32 in memory ([heads][tokens][headDim] per role): the unit of work of
// the compute backends. Loaded from the mapping head by head; big dumps are processed one layer
// at a time, never whole.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/io/dump.h"

namespace vq {

class ThreadPool;

struct LayerData {
  int layer = 0;
  int qHeads = 0;  // 0 when the layer has no queries
  int kvHeads = 0;
  int64_t tokens = 0;
  int headDim = 0;
  std::vector<float> q, k, v;  // [heads][tokens][headDim]

  size_t headSize() const { return size_t(tokens) * size_t(headDim); }
  std::span<const float> head(Role role, int h) const;
  const std::vector<float>& values(Role role) const;  // Q, K or V
  int heads(Role role) const { return role == Role::Q ? qHeads : kvHeads; }
};

// Reads layer `layer` (K and V, and Q when present and wanted) with the pool's threads.
LayerData loadLayer(const Dump& dump, int layer, bool withQueries, ThreadPool* pool = nullptr);

}  // namespace vq
