#include "core/learn/walkthrough.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "core/common/error.h"
#include "core/learn/head_reconstruction.h"
#include "core/metrics/reconstruction.h"
#include "core/quant/densities.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/rotation.h"

namespace vq::learn {

namespace {

constexpr int kDefaultSinkTokens = 4;       // what the sink toggle keeps when the request has none
constexpr int kDefaultOutlierChannels = 2;  // likewise for outlier channels

double norm(std::span<const float> x) {
  double s = 0;
  for (float v : x) s += double(v) * double(v);
  return std::sqrt(s);
}

struct Measured {
  HeadReconstruction head;
  VectorMetrics metrics;
  AttentionProbe attention;
};

Measured measure(const LayerData& layer, const LearnOptions& o) {
  Measured m;
  const quant::MethodConfig cfg = effectiveConfig(o, layer.layer);
  m.head = reconstructHead(layer, o.role, o.kvHead, cfg, o.protection);
  const int d = layer.headDim;
  const auto x = layer.head(o.role, o.kvHead);
  metrics::ReconstructionAccumulator acc;
  acc.add(x, m.head.values, layer.tokens, d);
  const auto head = acc.finish(m.head.bitsPerValue());
  m.metrics.headRelMse = head.relMse;
  m.metrics.bitsPerValue = m.head.bitsPerValue();
  m.metrics.bytesPerVector = layer.tokens > 0 ? m.head.bytes / double(layer.tokens) : 0.0;
  const size_t row = size_t(o.token) * size_t(d);
  const auto one = metrics::reconstructionMetrics(x.subspan(row, size_t(d)),
                                                  std::span<const float>(m.head.values).subspan(row, size_t(d)), 1, d);
  m.metrics.cosine = one.cosineMean;
  m.metrics.relError = one.relMse;
  const std::span<const float> rec(m.head.values);
  m.attention = probeAttention(layer, o.kvHead, o.token, o.role == Role::K ? rec : std::span<const float>{},
                               o.role == Role::V ? rec : std::span<const float>{});
  if (m.attention.available) {
    m.metrics.outputError = m.attention.outputError;
    m.metrics.logitErrorRel = m.attention.logitErrorRel;
  }
  return m;
}

bool applies(Effect::Option option, const std::string& method) {
  switch (option) {
    case Effect::Option::NormCorrection: return method == "turboquant_mse";
    case Effect::Option::QjlResidual: return method == "turboquant_prod";
    case Effect::Option::SecondStage: return method == "turboquant_rvq";
    case Effect::Option::SinkTokens:
    case Effect::Option::OutlierChannels: return true;
  }
  return false;
}

// `o` with the option set on or off.
LearnOptions withOption(LearnOptions o, Effect::Option option, bool on) {
  switch (option) {
    case Effect::Option::NormCorrection: o.method.normCorrection = on; break;
    case Effect::Option::QjlResidual: o.qjlResidual = on; break;
    case Effect::Option::SecondStage: o.secondStage = on; break;
    case Effect::Option::SinkTokens:
      o.protection.sinkTokens = on ? (o.protection.sinkTokens > 0 ? o.protection.sinkTokens : kDefaultSinkTokens) : 0;
      break;
    case Effect::Option::OutlierChannels:
      o.protection.outlierChannels =
          on ? (o.protection.outlierChannels > 0 ? o.protection.outlierChannels : kDefaultOutlierChannels) : 0;
      break;
  }
  return o;
}

bool isOn(const LearnOptions& o, Effect::Option option) {
  switch (option) {
    case Effect::Option::NormCorrection: return o.method.normCorrection;
    case Effect::Option::QjlResidual: return o.qjlResidual;
    case Effect::Option::SecondStage: return o.secondStage;
    case Effect::Option::SinkTokens: return o.protection.sinkTokens > 0;
    case Effect::Option::OutlierChannels: return o.protection.outlierChannels > 0;
  }
  return false;
}

}  // namespace

quant::MethodConfig effectiveConfig(const LearnOptions& options, int layer) {
  quant::MethodConfig cfg = options.method;
  cfg.seed = options.method.seed + uint64_t(layer);
  if (cfg.method == "turboquant_prod" && !options.qjlResidual) {
    cfg.method = "turboquant_mse";
    cfg.bits = options.method.bits - 1;
    cfg.normCorrection = false;  // prod's stage 1 stores the plain norm
  } else if (cfg.method == "turboquant_rvq" && !options.secondStage) {
    cfg.method = "turboquant_mse";
    cfg.normCorrection = false;
  }
  if (cfg.method != "turboquant_mse") cfg.normCorrection = false;
  return cfg;
}

bool methodRotates(const std::string& method) { return method.rfind("turboquant_", 0) == 0 || method == "polar"; }

std::optional<CodebookView> codebookOf(const quant::MethodConfig& cfg, int dim) {
  int bits = 0;
  if (cfg.method == "turboquant_mse" || cfg.method == "turboquant_rvq") bits = cfg.bits;
  else if (cfg.method == "turboquant_prod") bits = cfg.bits - 1;
  if (bits < 1 || bits > 8 || dim < 2) return std::nullopt;
  const auto cb = quant::unitSphereCoordinateCodebook(dim, bits);
  CodebookView v;
  v.bits = bits;
  v.density = dim >= quant::kGaussianApproximationMinDim ? "gaussian" : "beta";
  v.centroids = cb->centroids;
  v.boundaries = cb->boundaries;
  v.msePerCoordinate = cb->mse;
  return v;
}

double designDensity(int dim, double x) {
  if (dim >= quant::kGaussianApproximationMinDim) {
    const double s = std::sqrt(double(dim));  // N(0, 1/dim): pdf = s·φ(s·x)
    return s * std::exp(-0.5 * s * s * x * x) / std::sqrt(2.0 * std::numbers::pi);
  }
  static thread_local int cachedDim = -1;
  static thread_local std::optional<quant::Density> cached;
  if (cachedDim != dim) {
    cached = quant::Density::betaMarginal(dim);
    cachedDim = dim;
  }
  return cached->pdf(x);
}

Histogram histogram(const std::vector<float>& values, double lo, double hi, int bins) {
  if (!(hi > lo) || bins < 1) throw Error(ErrorCode::InvalidArgument, "histogram needs lo < hi and at least one bin");
  Histogram h;
  h.lo = lo;
  h.hi = hi;
  h.counts.assign(size_t(bins), 0);
  const double width = (hi - lo) / bins;
  for (float v : values) {
    ++h.total;
    if (!(v >= lo)) {  // NaN counts as below
      ++h.below;
    } else if (v >= hi) {
      ++h.above;
    } else {
      h.counts[size_t(std::min(bins - 1, int((v - lo) / width)))]++;
    }
  }
  return h;
}

Walkthrough walkthrough(const LayerData& layer, const LearnOptions& options) {
  if (options.token < 0 || options.token >= layer.tokens)
    throw Error(ErrorCode::InvalidArgument, "token " + std::to_string(options.token) + " does not exist (the layer has " +
                                                std::to_string(layer.tokens) + " tokens)");
  const int d = layer.headDim;
  Walkthrough w;
  w.config = effectiveConfig(options, layer.layer);
  w.headDim = d;
  w.tokens = layer.tokens;
  w.rotates = methodRotates(w.config.method);
  const Measured m = measure(layer, options);
  w.metrics = m.metrics;
  w.attention = m.attention;

  const auto x = layer.head(options.role, options.kvHead);
  const size_t row = size_t(options.token) * size_t(d);
  w.original.assign(x.begin() + long(row), x.begin() + long(row + size_t(d)));
  w.reconstruction.assign(m.head.values.begin() + long(row), m.head.values.begin() + long(row + size_t(d)));
  w.error.resize(size_t(d));
  for (int i = 0; i < d; ++i) w.error[size_t(i)] = w.reconstruction[size_t(i)] - w.original[size_t(i)];
  w.tokenKeptFp16 = options.token < options.protection.sinkTokens ||
                    options.token >= layer.tokens - options.protection.residualWindow;
  w.norm = norm(w.original);

  // Rotated unit coordinates of every token of the head (the histogram) and of the selected one.
  const quant::Rotation rotation(d, w.config.seed);
  std::vector<float> unitAll(x.size()), rotatedAll(x.size());
  for (int64_t t = 0; t < layer.tokens; ++t) {
    const auto xt = x.subspan(size_t(t) * size_t(d), size_t(d));
    const double n = norm(xt);
    for (int i = 0; i < d; ++i) unitAll[size_t(t) * size_t(d) + size_t(i)] = n > 0 ? float(xt[size_t(i)] / n) : 0.0f;
  }
  rotation.apply(unitAll.data(), rotatedAll.data(), layer.tokens);
  w.unit.assign(unitAll.begin() + long(row), unitAll.begin() + long(row + size_t(d)));
  w.rotated.assign(rotatedAll.begin() + long(row), rotatedAll.begin() + long(row + size_t(d)));
  const double range = std::min(1.0, 4.0 / std::sqrt(double(d)));
  w.rotatedHistogram = histogram(rotatedAll, -range, range, options.histogramBins);
  w.unrotatedHistogram = histogram(unitAll, -range, range, options.histogramBins);
  w.codebook = codebookOf(w.config, d);

  for (auto option : {Effect::Option::NormCorrection, Effect::Option::QjlResidual, Effect::Option::SecondStage,
                      Effect::Option::SinkTokens, Effect::Option::OutlierChannels}) {
    if (!applies(option, options.method.method)) continue;
    Effect e;
    e.option = option;
    e.current = isOn(options, option);
    (e.current ? e.on : e.off) = m.metrics;
    try {
      (e.current ? e.off : e.on) = measure(layer, withOption(options, option, !e.current)).metrics;
    } catch (const Error& err) {
      e.unavailable = err.detail();
    }
    w.effects.push_back(e);
  }
  return w;
}

}  // namespace vq::learn
