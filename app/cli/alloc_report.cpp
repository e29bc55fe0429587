#include "app/cli/alloc_report.h"

#include <cmath>
#include <cstdio>

namespace vq::cli {

namespace {

std::string fmt(double v, const char* f = "%.4g") {
  if (std::isnan(v)) return "-";
  char b[48];
  std::snprintf(b, sizeof b, f, v);
  return b;
}
std::string fmt(const std::optional<double>& v, const char* f = "%.4g") { return v ? fmt(*v, f) : "-"; }
nlohmann::json num(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }
nlohmann::json num(const std::optional<double>& v) { return v ? num(*v) : nlohmann::json(nullptr); }
const char* unitText(calib::RateUnit u) { return u == calib::RateUnit::Bits ? "bits/value" : "bpv"; }

}  // namespace

void printCalibration(const calib::CalibrationTable& t) {
  const auto& s = t.settings;
  std::printf("dump       %s (%s, %s)\n", t.dump.path.c_str(), t.dump.model.empty() ? "unknown model" : t.dump.model.c_str(),
              t.dump.hash.c_str());
  std::printf("probe      %s, metric %s, groups per %s, K/V %s, %zu groups\n", std::string(calib::probeName(s.probe)).c_str(),
              std::string(calib::metricName(s.metric)).c_str(), std::string(calib::granularityName(s.granularity)).c_str(),
              std::string(calib::kvModeName(s.kv)).c_str(), t.groupCount());
  if (s.queries)
    std::printf("queries    %s positions per head (seed %llu)\n",
                s.queryPositions > 0 ? std::to_string(s.queryPositions).c_str() : "all",
                static_cast<unsigned long long>(s.querySeed));
  std::printf("menu      ");
  for (const auto& e : t.menu) std::printf(" %s (%s bpv)", e.label.c_str(), fmt(e.bpv, "%.4g").c_str());
  std::printf("\n");
  for (const auto& n : s.notes) std::printf("note: %s\n", n.c_str());
  std::printf("\n%-12s %9s", "group", "weight");
  for (const auto& e : t.menu) std::printf(" %12.12s", (e.bits ? std::to_string(e.bits) + "b" : e.label).c_str());
  std::printf(" %8s %7s\n", "beta", "R2");
  for (size_t g = 0; g < t.groupCount(); ++g) {
    std::printf("%-12s %9s", t.groups[g].id.c_str(), fmt(t.weight[g]).c_str());
    for (double d : t.distortion[g]) std::printf(" %12s", fmt(d).c_str());
    std::printf(" %8s %7s\n", fmt(t.fit[g].beta, "%.3f").c_str(), fmt(t.fit[g].r2, "%.4f").c_str());
  }
}

void printAllocation(const calib::CalibrationTable& t, const alloc::Allocation& a) {
  const auto& r = a.request;
  std::printf("allocator  %s\n", a.allocator.c_str());
  std::printf("budget     target %s %s", fmt(r.target).c_str(), unitText(r.unit));
  if (r.targetK) std::printf(", K %s", fmt(*r.targetK).c_str());
  if (r.targetV) std::printf(", V %s", fmt(*r.targetV).c_str());
  if (!r.rules.empty()) std::printf(", rules %s", alloc::formatGroupRules(r.rules).c_str());
  std::printf("\nachieved   %s %s (never above the target)", fmt(a.achieved, "%.6g").c_str(), unitText(r.unit));
  if (a.achievedK) std::printf(", K %s, V %s", fmt(*a.achievedK).c_str(), fmt(a.achievedV).c_str());
  std::printf("; storage %s bpv", fmt(a.achievedBpv, "%.6g").c_str());
  if (a.achievedBits > 0) std::printf(", %s nominal bits", fmt(a.achievedBits, "%.6g").c_str());
  std::printf("\npredicted  %s (sum of weight x distortion)\n", fmt(a.predicted, "%.6g").c_str());
  for (const auto& n : a.notes) std::printf("note: %s\n", n.c_str());
  std::printf("\n%-12s %-20s %8s %12s %7s\n", "group", "choice", "rate", "predicted D", "pinned");
  for (size_t g = 0; g < t.groupCount(); ++g) {
    const size_t e = size_t(a.choice[g]);
    std::printf("%-12s %-20s %8s %12s %7s\n", t.groups[g].id.c_str(), t.menu[e].label.c_str(),
                fmt(t.rate(g, e, r.unit), "%.4g").c_str(), fmt(t.distortion[g][e]).c_str(),
                a.pinned[g] ? "yes" : "");
  }
}

void printVerification(const std::vector<calib::Group>& groups, const std::vector<double>& predicted,
                       const std::vector<ReportRow>& rows, const std::vector<std::string>& labels) {
  if (!rows.empty() && rows.front().verified) {
    const auto& v = *rows.front().verified;
    std::printf("%-12s %-20s %12s %12s %8s\n", "group", "choice", "predicted D", "measured D", "bpv");
    for (size_t g = 0; g < groups.size(); ++g)
      std::printf("%-12s %-20s %12s %12s %8s\n", groups[g].id.c_str(), labels[g].c_str(),
                  g < predicted.size() ? fmt(predicted[g]).c_str() : "-", fmt(v.groupDistortion[g]).c_str(),
                  fmt(v.groupBpv[g], "%.4g").c_str());
    std::printf("\n");
  }
  printComparison(rows, rows.empty() ? calib::RateUnit::Bits : rows.front().allocation->request.unit);
}

void printComparison(const std::vector<ReportRow>& rows, calib::RateUnit unit) {
  std::printf("%-10s %9s %8s %11s %13s %11s %11s %9s\n", unit == calib::RateUnit::Bits ? "allocation" : "allocation",
              unit == calib::RateUnit::Bits ? "avg bits" : "avg bpv", "bpv", "predicted", "measured out", "out K-only",
              "out V-only", "rel MSE K");
  for (const auto& r : rows) {
    const auto* v = r.verified;
    std::printf("%-10s %9s %8s %11s %13s %11s %11s %9s\n", r.name.c_str(), fmt(r.allocation->achieved, "%.4g").c_str(),
                fmt(v ? v->bpv : r.allocation->achievedBpv, "%.4g").c_str(), fmt(r.allocation->predicted).c_str(),
                v ? fmt(v->outputError).c_str() : "-", v ? fmt(v->outputErrorK).c_str() : "-",
                v ? fmt(v->outputErrorV).c_str() : "-", v ? fmt(v->relMseK).c_str() : "-");
  }
  std::printf("(predicted: sum of weight x calibrated distortion; measured out: attention output error "
              "sum|o-o^|^2/sum|o|^2 with every group quantized at once)\n");
}

nlohmann::json allocationJson(const calib::CalibrationTable& t, const alloc::Allocation& a) {
  nlohmann::json groups = nlohmann::json::array();
  for (size_t g = 0; g < t.groupCount(); ++g) {
    const size_t e = size_t(a.choice[g]);
    groups.push_back({{"id", t.groups[g].id},
                      {"choice", t.menu[e].label},
                      {"rate", num(t.rate(g, e, a.request.unit))},
                      {"bpv", num(t.bpv[g][e])},
                      {"predicted", num(t.distortion[g][e])},
                      {"pinned", bool(a.pinned[g])}});
  }
  return {{"allocator", a.allocator},
          {"unit", std::string(calib::rateUnitName(a.request.unit))},
          {"target", num(a.request.target)},
          {"achieved", num(a.achieved)},
          {"achieved_bpv", num(a.achievedBpv)},
          {"achieved_bits", num(a.achievedBits)},
          {"achieved_k", num(a.achievedK)},
          {"achieved_v", num(a.achievedV)},
          {"predicted", num(a.predicted)},
          {"notes", a.notes},
          {"groups", groups}};
}

nlohmann::json verifyJson(const alloc::VerifyResult& r) {
  return {{"output_error", num(r.outputError)}, {"output_error_k", num(r.outputErrorK)},
          {"output_error_v", num(r.outputErrorV)}, {"rel_mse_k", num(r.relMseK)},
          {"rel_mse_v", num(r.relMseV)},          {"bpv", num(r.bpv)},
          {"bpv_k", num(r.bpvK)},                 {"bpv_v", num(r.bpvV)},
          {"queries", r.queries},                 {"group_distortion", r.groupDistortion},
          {"seconds", r.seconds}};
}

}  // namespace vq::cli
