// The result of calibration (DESIGN.md §6): for every group g and menu entry c the distortion
// D[g][c] and the exact storage bpv[g][c], the group's weight w_g in the objective
// Σ_g w_g·D_g(c_g), a per-group curve fit, and every setting needed to reproduce it.
//
// What D and w mean, per probe (the settings record which):
// - empirical, metric "attention": D = the group's relative attention output error
//   Σ‖o−ô‖²/Σ‖o‖² over its KV heads' query groups, with only this group quantized (K groups:
//   K-only error, V groups: V-only, joint groups: both); w = the group's share of Σ‖o‖² over the
//   whole dump (per role), so Σ_g w_g·D_g predicts the dump's aggregate output error with
//   everything quantized (exact for one role; K and V errors add approximately).
// - empirical, metric "mse": D = mean relative MSE ‖x−x̂‖²/‖x‖² over the group's vectors (joint
//   groups: K's plus V's); w = the group's share of the values of its role class, so Σ w·D is
//   the mean relative MSE of keys plus that of values.
// - keynorm: w = mean ‖k‖² over the group's key vectors (V groups: mean ‖v‖²; VeloxQuant-MLX's
//   activation proxy); D(c) = β^−rate(c) is a model curve (rate = nominal bits for bit-width
//   menus, measured bpv for format menus; β = settings.beta), not a measurement.
// - perturb: s = (attention output error with Gaussian noise of std noise_scale·std(x) added to
//   the group's tensors) / (relative noise energy Σ‖n‖²/Σ‖x‖²), i.e. output error per unit of
//   relative input distortion; w = s × the group's share of Σ‖o‖²; D = the same model curve.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calib/curve_fit.h"
#include "core/calib/dump_identity.h"
#include "core/calib/group.h"
#include "core/calib/menu.h"
#include "core/metrics/attention_layer.h"
#include "core/quant/protection.h"

namespace vq::calib {

enum class Probe : uint8_t { KeyNorm, Perturb, Empirical };
enum class Metric : uint8_t { Attention, Mse };

std::string_view probeName(Probe p);    // "keynorm", "perturb", "empirical"
std::string_view metricName(Metric m);  // "attention", "mse"
std::optional<Probe> parseProbe(std::string_view s);
std::optional<Metric> parseMetric(std::string_view s);

// What the user asks for.
struct CalibrationOptions {
  Probe probe = Probe::Empirical;
  std::optional<Metric> metric;  // nullopt: attention when the dump has queries, else mse
  Granularity granularity = Granularity::Head;
  KvMode kv = KvMode::Separate;
  MenuSpec menu;
  quant::ProtectionConfig protection;    // applied to every menu entry
  metrics::AttentionOptions attention;   // sampled query positions and their seed
  bool useQueries = true;                // false: behave as if the dump had no queries
  std::vector<int> layers;               // empty: every layer
  double noiseScale = 0.1;               // perturb: noise std = noiseScale · std(x)
  uint64_t noiseSeed = 1;                // perturb: stream (seed, layer, role, head)
  double beta = 3.5;                     // keynorm/perturb model curve D = β^−rate (VeloxQuant-MLX's default)
};

// What was done (stored with the table).
struct CalibrationSettings {
  Probe probe = Probe::Empirical;
  Metric metric = Metric::Attention;
  Granularity granularity = Granularity::Head;
  KvMode kv = KvMode::Separate;
  MenuKind menuKind = MenuKind::BitWidths;
  quant::ProtectionConfig protection;
  int64_t queryPositions = 256;  // requested per head (<= 0: all); 0 when no queries were used
  uint64_t querySeed = 0;
  bool queries = true;           // the attention metric used real queries
  std::vector<int> layers;       // calibrated layers, in order
  double noiseScale = 0.1;
  uint64_t noiseSeed = 1;
  double beta = 3.5;
  std::vector<std::string> notes;  // e.g. "the dump has no queries: distortion is the relative MSE"
};
bool operator==(const CalibrationSettings& a, const CalibrationSettings& b);

struct CalibrationTable {
  DumpIdentity dump;
  CalibrationSettings settings;
  std::vector<MenuEntry> menu;
  std::vector<Group> groups;
  std::vector<double> weight;                   // w_g
  std::vector<std::vector<double>> distortion;  // D[g][c]
  std::vector<std::vector<double>> bpv;         // exact stored bits per value [g][c]
  std::vector<CurveFit> fit;                    // per group, D against bpv

  size_t groupCount() const { return groups.size(); }
  size_t entryCount() const { return menu.size(); }
  // The rate of entry c for group g: nominal bits (RateUnit::Bits) or measured bpv.
  double rate(size_t g, size_t c, RateUnit unit) const {
    return unit == RateUnit::Bits ? double(menu[c].bits) : bpv[g][c];
  }
  // Recomputes fit[] from bpv and distortion.
  void refit();
  // Throws Error(InvalidArgument) when the arrays disagree in size or hold non-finite/negative
  // values (what a loaded file could contain), naming the field.
  void validate() const;
};

}  // namespace vq::calib
