// What the empirical probe measured, kept per layer, menu entry and KV head so that a verify pass
// over the same dump (alloc::verifyAllocations) can reuse it instead of loading, quantizing and
// evaluating again: `tune` verifies what it has just calibrated. For every (layer, entry, head):
// the stored bytes of K̂ and V̂, their reconstruction statistics and the attention sums with K̂ and
// V̂ of that entry (K-only, V-only and both). A head whose allocation gives K and V different
// entries still needs its "both" sums computed (the pair was never evaluated together).
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <vector>

#include "core/calib/menu.h"
#include "core/compute/compute_backend.h"
#include "core/metrics/attention.h"
#include "core/metrics/attention_layer.h"
#include "core/metrics/reconstruction.h"
#include "core/quant/protection.h"

namespace vq::calib {

struct EntryMeasurement {
  std::vector<double> bytesK, bytesV;                               // per KV head
  std::vector<metrics::ReconstructionAccumulator> reconK, reconV;   // per KV head
  std::vector<metrics::AttentionSums> attention;                    // per KV head; empty without queries
};

struct CalibrationMeasurements {
  std::vector<MenuEntry> menu;           // the calibrated menu (configs before the per-layer seed)
  quant::ProtectionConfig protection;
  metrics::AttentionOptions attention;   // the query sample
  bool queries = false;                  // attention sums were measured
  std::map<int, std::vector<EntryMeasurement>> layers;  // layer -> [menu entry]
  double loadSeconds = 0;  // wall time calibration waited for layers read from the dump as f32

  // Set by the caller before calibrate(): every layer's session stays open afterwards with the
  // reconstructions of each entry (resident: on the device for a GPU backend), so the verify pass
  // neither loads, uploads nor quantizes again and keeps the attention reference. Memory: the
  // whole dump as f32 plus 2 reconstructions per entry and layer (and, on the CPU backend, the
  // attention references): meant for device backends.
  bool keepLayers = false;
  // Layers are kept while the estimate of what they hold (the layer as f32 plus its
  // reconstructions) stays within this; later layers are read again by verify (big dumps stream).
  uint64_t keepLimitBytes = std::numeric_limits<uint64_t>::max();
  uint64_t keptBytes = 0;
  struct KeptLayer {
    std::unique_ptr<LayerSession> session;
    std::vector<RoleReconstruction> k, v;  // per menu entry (seeded for the layer)
  };
  std::map<int, KeptLayer> kept;
};

}  // namespace vq::calib
