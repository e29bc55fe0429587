// One vector of a real dump taken through a quantization method step by step, for the Learn view
// (DESIGN.md §9): the vector before and after the random rotation, the histogram of the rotated
// unit coordinates of its head against the density the method's codebook was designed for (with
// that codebook's centroids and decision boundaries), the reconstruction coordinate by coordinate,
// the attention of the token's own query with original vs reconstructed keys/values, and what each
// option (norm correction, QJL residual, second RVQ stage, sink tokens, outlier channels) changes.
// Seeds follow the evaluator: cfg.seed + layer index.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/compute/layer_data.h"
#include "core/learn/attention_probe.h"
#include "core/quant/method.h"
#include "core/quant/protection.h"

namespace vq::learn {

struct LearnOptions {
  int kvHead = 0;
  Role role = Role::K;
  int64_t token = 0;
  quant::MethodConfig method;          // method, bits, normCorrection; seed before the layer offset
  quant::ProtectionConfig protection;  // sink tokens, outlier channels, …
  bool qjlResidual = true;             // turboquant_prod: false = its stage 1 alone (turboquant_mse, b−1 bits)
  bool secondStage = true;             // turboquant_rvq: false = stage 1 alone (turboquant_mse, b bits)
  int histogramBins = 32;
};

// The configuration that actually runs for `options` on `layer` (toggles applied, seed + layer).
quant::MethodConfig effectiveConfig(const LearnOptions& options, int layer);

// Whether the method rotates its vectors with Rotation(d, seed) (turboquant_*, polar).
bool methodRotates(const std::string& method);

// The scalar codebook a method applies to the rotated unit coordinates: bits and the unit-sphere
// Lloyd–Max codebook (unitSphereCoordinateCodebook(d, bits)); nullopt for methods without one.
struct CodebookView {
  int bits = 0;
  std::string density;              // "gaussian" (N(0, 1/d), d >= 64) or "beta" (exact marginal)
  std::vector<double> centroids;    // ascending
  std::vector<double> boundaries;   // decision thresholds
  double msePerCoordinate = 0;      // the codebook's MSE (unit-vector coordinate units)
};
std::optional<CodebookView> codebookOf(const quant::MethodConfig& cfg, int dim);

// Density of one coordinate of a uniform unit vector in R^dim, as the codebook design assumes it
// (N(0, 1/dim) for dim >= 64, the Beta marginal below), at x.
double designDensity(int dim, double x);

struct Histogram {
  double lo = 0, hi = 0;            // bins of equal width on [lo, hi)
  std::vector<int64_t> counts;
  int64_t below = 0, above = 0;     // values outside [lo, hi)
  int64_t total = 0;                // every value given (counts + below + above)
  double binWidth() const { return counts.empty() ? 0.0 : (hi - lo) / double(counts.size()); }
};
Histogram histogram(const std::vector<float>& values, double lo, double hi, int bins);

struct VectorMetrics {
  double cosine = 0;                // of the selected token's vector
  double relError = 0;              // ‖x−x̂‖²/‖x‖² of the selected vector
  double headRelMse = 0;            // mean of that over the head's tokens (the evaluator's relMse)
  double bytesPerVector = 0;        // the head's stored bytes / tokens
  double bitsPerValue = 0;
  double outputError = std::nan("");  // attention output error of the token's query (NaN: no queries)
  double logitErrorRel = std::nan("");
};

struct Effect {
  enum class Option { NormCorrection, QjlResidual, SecondStage, SinkTokens, OutlierChannels };
  Option option;
  bool current = false;             // the option's state in the request
  VectorMetrics off, on;
  std::string unavailable;          // why the flipped setting cannot run (then off/on hold only the current side)
};

struct Walkthrough {
  quant::MethodConfig config;       // what ran (effectiveConfig)
  int headDim = 0;
  int64_t tokens = 0;
  bool rotates = false;
  std::vector<float> original;      // x
  double norm = 0;                  // ‖x‖
  std::vector<float> unit;          // x/‖x‖
  std::vector<float> rotated;       // Π x/‖x‖ (with the method's rotation; Rotation(d, seed) otherwise)
  std::vector<float> reconstruction;  // x̂
  std::vector<float> error;         // x̂ − x
  bool tokenKeptFp16 = false;       // a sink token or in the residual window: stored in fp16
  std::optional<CodebookView> codebook;
  Histogram rotatedHistogram;       // every coordinate of Π x_t/‖x_t‖ over the head's tokens
  Histogram unrotatedHistogram;     // the same bins, x_t/‖x_t‖ without rotation
  VectorMetrics metrics;
  AttentionProbe attention;
  std::vector<Effect> effects;      // the options that apply to this method
};

// Throws Error(InvalidArgument) for a bad head/token/role or a method that cannot run on this
// layer (its message says why, e.g. "polar needs head_dim divisible by 16").
Walkthrough walkthrough(const LayerData& layer, const LearnOptions& options);

}  // namespace vq::learn
