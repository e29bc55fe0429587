// The interface heavy batched work goes through (DESIGN.md §8): quantize/dequantize a layer's
// keys or values with a method, reduce reconstruction metrics, and evaluate attention of sampled
// real queries against reconstructed keys/values. A layer is opened once and stays resident
// (in RAM for the CPU, on the device for Vulkan) through a whole sweep of methods and bit-widths.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/compute/layer_data.h"
#include "core/metrics/attention.h"
#include "core/metrics/attention_layer.h"
#include "core/metrics/reconstruction.h"
#include "core/quant/method.h"
#include "core/quant/protection.h"

namespace vq {

// A backend's own copy of a reconstruction, kept where it computes (e.g. a GPU buffer).
struct ResidentReconstruction {
  virtual ~ResidentReconstruction() = default;
};

// Keys or values of one layer after quantize → decode.
struct RoleReconstruction {
  Role role = Role::K;
  quant::MethodConfig config;
  std::vector<float> values;      // [kvHeads][tokens][headDim]
  uint64_t bytes = 0;             // exact storage of the whole layer's K (or V)
  std::vector<double> headBytes;  // share of each KV head (layer-row formats split evenly)
  int64_t protectedRows = 0;
  double bitsPerValue = 0;        // bytes·8 / values
  // Set by backends that compute off the host; `values` may then be empty (quantizeResident).
  std::shared_ptr<const ResidentReconstruction> resident;
  std::span<const float> head(int h, size_t headSize) const {
    return std::span<const float>(values).subspan(size_t(h) * headSize, headSize);
  }
};

class LayerSession {
 public:
  virtual ~LayerSession() = default;
  virtual const LayerData& data() const = 0;
  // Quantizes then decodes K or V of the layer (cfg.seed is used as given; callers add the layer).
  virtual RoleReconstruction quantize(Role role, const quant::MethodConfig& cfg,
                                      const quant::ProtectionConfig& protection) = 0;
  // The same, for a result that only this session's reconstruction() and attention() read: a
  // device backend may keep it on the device (`resident`) and leave `values` empty, which saves
  // the download. The CPU backend returns quantize().
  virtual RoleReconstruction quantizeResident(Role role, const quant::MethodConfig& cfg,
                                              const quant::ProtectionConfig& protection) {
    return quantize(role, cfg, protection);
  }
  // K or V of the layer with each KV head taken from its own reconstruction (perHead[h], all of
  // `role`, made by this session): an allocation that gives heads different bit-widths. headBytes
  // come from the sources, bytes is their sum, config that of perHead[0], protectedRows 0 (not
  // tracked per head). The base version copies
  // host values (sources need `values`); a device backend composes on the device.
  virtual RoleReconstruction composeHeads(Role role, std::span<const RoleReconstruction* const> perHead);
  // Reconstruction statistics of one KV head.
  virtual metrics::ReconstructionAccumulator reconstruction(const RoleReconstruction& r, int kvHead) = 0;
  // Attention sums of one KV head and its query group; k or v may be null (= not quantized).
  // nullopt when the layer has no queries.
  virtual std::optional<metrics::AttentionSums> attention(int kvHead, const RoleReconstruction* k,
                                                          const RoleReconstruction* v) = 0;
  virtual const std::vector<int64_t>& queryPositions() const = 0;
};

class ComputeBackend {
 public:
  virtual ~ComputeBackend() = default;
  virtual std::string name() const = 0;  // "CPU (2 threads)", "Vulkan: NVIDIA H100 ..."
  // True when sessions compute on a device and keep their layer there: the host is then free
  // while they work (calibration reads the next layer meanwhile), and keeping layers open after
  // calibration costs no host memory for the data (tune's verify reuses them).
  virtual bool computesOffHost() const { return false; }
  virtual std::unique_ptr<LayerSession> openLayer(LayerData data, const metrics::AttentionOptions& options) = 0;
};

class ThreadPool;
std::unique_ptr<ComputeBackend> makeCpuBackend(ThreadPool& pool);
// A CPU session over a layer the caller owns and keeps alive for the session's lifetime (no
// copy): the per-call fallback of device backends.
std::unique_ptr<LayerSession> openCpuLayerView(const LayerData& data, const metrics::AttentionOptions& options,
                                               ThreadPool& pool);

}  // namespace vq
