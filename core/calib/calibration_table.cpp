#include "core/calib/calibration_table.h"

#include <cmath>

#include "core/common/error.h"

namespace vq::calib {

std::string_view probeName(Probe p) {
  switch (p) {
    case Probe::KeyNorm: return "keynorm";
    case Probe::Perturb: return "perturb";
    case Probe::Empirical: break;
  }
  return "empirical";
}

std::string_view metricName(Metric m) { return m == Metric::Attention ? "attention" : "mse"; }

std::optional<Probe> parseProbe(std::string_view s) {
  if (s == "keynorm") return Probe::KeyNorm;
  if (s == "perturb") return Probe::Perturb;
  if (s == "empirical") return Probe::Empirical;
  return std::nullopt;
}

std::optional<Metric> parseMetric(std::string_view s) {
  if (s == "attention") return Metric::Attention;
  if (s == "mse") return Metric::Mse;
  return std::nullopt;
}

bool operator==(const CalibrationSettings& a, const CalibrationSettings& b) {
  const auto& p = a.protection;
  const auto& q = b.protection;
  return a.probe == b.probe && a.metric == b.metric && a.granularity == b.granularity && a.kv == b.kv &&
         a.menuKind == b.menuKind && p.sinkTokens == q.sinkTokens && p.zScore == q.zScore &&
         p.residualWindow == q.residualWindow && p.outlierChannels == q.outlierChannels &&
         a.queryPositions == b.queryPositions && a.querySeed == b.querySeed && a.queries == b.queries &&
         a.layers == b.layers && a.noiseScale == b.noiseScale && a.noiseSeed == b.noiseSeed && a.beta == b.beta &&
         a.notes == b.notes;
}

void CalibrationTable::refit() {
  fit.assign(groups.size(), CurveFit{});
  for (size_t g = 0; g < groups.size(); ++g) fit[g] = fitRateDistortion(bpv[g], distortion[g]);
}

void CalibrationTable::validate() const {
  auto bad = [](const std::string& what) { throw Error(ErrorCode::InvalidArgument, what); };
  if (menu.empty()) bad("menu: empty");
  if (groups.empty()) bad("groups: empty");
  const size_t G = groups.size(), C = menu.size();
  if (weight.size() != G || distortion.size() != G || bpv.size() != G || fit.size() != G)
    bad("groups: per-group arrays differ in length");
  for (size_t g = 0; g < G; ++g) {
    const std::string at = "groups[" + std::to_string(g) + "] (" + groups[g].id + ")";
    if (!(weight[g] >= 0) || !std::isfinite(weight[g])) bad(at + ".weight: must be finite and >= 0");
    if (groups[g].values <= 0) bad(at + ".values: must be positive");
    if (distortion[g].size() != C) bad(at + ".distortion: needs one value per menu entry (" + std::to_string(C) + ")");
    if (bpv[g].size() != C) bad(at + ".bpv: needs one value per menu entry (" + std::to_string(C) + ")");
    for (size_t c = 0; c < C; ++c) {
      if (!(distortion[g][c] >= 0) || !std::isfinite(distortion[g][c]))
        bad(at + ".distortion[" + std::to_string(c) + "]: must be finite and >= 0");
      if (!(bpv[g][c] > 0) || !std::isfinite(bpv[g][c]))
        bad(at + ".bpv[" + std::to_string(c) + "]: must be finite and > 0");
    }
  }
}

}  // namespace vq::calib
