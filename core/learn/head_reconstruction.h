// One KV head of a loaded layer quantized and decoded the way the evaluator does it (the CPU
// backend's rules): cfg.isKey follows the role, vector and head-matrix methods run on the head's
// [tokens x d] rows, layer-row formats (llama.cpp blocks, turbo2/3/4) on the layer's rows of all KV
// heads concatenated, their bytes split evenly between the heads. The seed is used as given
// (callers add the layer index, as the evaluator does).
#pragma once

#include <cstdint>
#include <vector>

#include "core/compute/layer_data.h"
#include "core/quant/method.h"
#include "core/quant/protection.h"

namespace vq::learn {

struct HeadReconstruction {
  std::vector<float> values;  // [tokens x headDim]
  double bytes = 0;           // this head's share of the stored bytes
  int64_t protectedRows = 0;  // rows kept in fp16 (layer-row formats: of the whole layer)
  double bitsPerValue() const;
  int64_t tokens = 0;
  int headDim = 0;
};

// Throws Error(InvalidArgument) for an unknown method, a parameter the method rejects for this
// head_dim, a bad head or a role other than K/V.
HeadReconstruction reconstructHead(const LayerData& layer, Role role, int kvHead, const quant::MethodConfig& cfg,
                                   const quant::ProtectionConfig& protection);

}  // namespace vq::learn
