#include "core/learn/rate_distortion.h"

#include <cmath>

#include "core/common/error.h"
#include "core/learn/head_reconstruction.h"
#include "core/metrics/reconstruction.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/registry.h"

namespace vq::learn {

std::vector<int> curveBits(const std::string& method) {
  const quant::MethodInfo* info = quant::findMethod(method);
  if (!info) throw Error(ErrorCode::InvalidArgument, "unknown method '" + method + "'");
  if (info->bits.empty()) return {0};
  std::vector<int> out;
  for (int b : info->bits)
    if (b >= 1 && b <= kMaxLearnBits) out.push_back(b);
  return out.empty() ? info->bits : out;
}

std::vector<RdPoint> rateDistortion(const LayerData& layer, const LearnOptions& options, const Progress& progress) {
  std::vector<RdPoint> out;
  const auto bits = curveBits(options.method.method);
  for (size_t i = 0; i < bits.size(); ++i) {
    progress.checkCancelled();
    LearnOptions o = options;
    if (bits[i] > 0) o.method.bits = bits[i];
    HeadReconstruction head;
    try {
      head = reconstructHead(layer, o.role, o.kvHead, effectiveConfig(o, layer.layer), o.protection);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::InvalidArgument) throw;
      continue;  // a bit-width this head cannot take is left out of the curve
    }
    metrics::ReconstructionAccumulator acc;
    acc.add(layer.head(o.role, o.kvHead), head.values, layer.tokens, layer.headDim);
    RdPoint p;
    p.bits = bits[i];
    p.bitsPerValue = head.bitsPerValue();
    p.relMse = acc.finish(p.bitsPerValue).relMse;
    p.current = bits[i] == 0 || bits[i] == options.method.bits;
    out.push_back(p);
    progress.report(double(i + 1) / double(bits.size()), "rate-distortion");
  }
  return out;
}

std::vector<ReferencePoint> referenceCurve(int dim, int maxBits) {
  std::vector<ReferencePoint> out;
  for (int b = 1; b <= maxBits; ++b) {
    ReferencePoint r;
    r.bits = b;
    r.shannon = std::pow(4.0, -b);
    r.lloydMax = quant::unitSphereCoordinateCodebook(dim, b)->mse * double(dim);
    out.push_back(r);
  }
  return out;
}

}  // namespace vq::learn
