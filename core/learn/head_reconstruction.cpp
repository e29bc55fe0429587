#include "core/learn/head_reconstruction.h"

#include <algorithm>
#include <string>

#include "core/common/error.h"
#include "core/quant/registry.h"

namespace vq::learn {

double HeadReconstruction::bitsPerValue() const {
  const double values = double(tokens) * double(headDim);
  return values > 0 ? bytes * 8.0 / values : 0.0;
}

HeadReconstruction reconstructHead(const LayerData& layer, Role role, int kvHead, const quant::MethodConfig& cfgIn,
                                   const quant::ProtectionConfig& protection) {
  if (role != Role::K && role != Role::V) throw Error(ErrorCode::InvalidArgument, "only keys and values are quantized");
  if (kvHead < 0 || kvHead >= layer.kvHeads)
    throw Error(ErrorCode::InvalidArgument, "KV head " + std::to_string(kvHead) + " does not exist (the layer has " +
                                                std::to_string(layer.kvHeads) + ")");
  quant::validate(protection);
  quant::MethodConfig cfg = cfgIn;
  cfg.isKey = role == Role::K;
  const quant::MethodInfo* info = quant::findMethod(cfg.method);
  if (!info) quant::createMethod(cfg, layer.headDim);  // throws the error listing valid names
  const std::vector<float>& src = layer.values(role);
  const size_t hs = layer.headSize();
  const int d = layer.headDim;
  HeadReconstruction out;
  out.tokens = layer.tokens;
  out.headDim = d;
  out.values.resize(hs);
  if (info->scope == quant::RowScope::LayerRow) {
    const int n = layer.kvHeads * d;
    const auto method = quant::createMethod(cfg, n);
    std::vector<float> rows(src.size()), rec(src.size());
    for (int h = 0; h < layer.kvHeads; ++h)
      for (int64_t t = 0; t < layer.tokens; ++t)
        std::copy_n(src.data() + size_t(h) * hs + size_t(t) * size_t(d), d,
                    rows.data() + size_t(t) * size_t(n) + size_t(h) * size_t(d));
    const auto res = quant::roundTripProtected(*method, protection, rows, layer.tokens, rec);
    for (int64_t t = 0; t < layer.tokens; ++t)
      std::copy_n(rec.data() + size_t(t) * size_t(n) + size_t(kvHead) * size_t(d), d,
                  out.values.data() + size_t(t) * size_t(d));
    out.bytes = double(res.bytes) / double(layer.kvHeads);
    out.protectedRows = res.protectedRows;
  } else {
    const auto method = quant::createMethod(cfg, d);
    const auto res = quant::roundTripProtected(*method, protection, layer.head(role, kvHead), layer.tokens, out.values);
    out.bytes = double(res.bytes);
    out.protectedRows = res.protectedRows;
  }
  return out;
}

}  // namespace vq::learn
