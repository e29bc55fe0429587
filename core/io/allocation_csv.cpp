#include "core/io/allocation_csv.h"

namespace vq::io {

namespace {
std::string head(const calib::Group& g) { return g.key.head >= 0 ? std::to_string(g.key.head) : "all"; }
std::string opt(const std::optional<double>& v) { return v ? csvNumber(*v) : std::string(); }
}  // namespace

CsvTable calibrationCsv(const calib::CalibrationTable& t) {
  CsvTable c;
  c.header = {"group", "layer", "kv_head", "role", "values", "weight", "entry", "bits", "bpv", "distortion",
              "fit_alpha", "fit_beta", "fit_r2"};
  for (size_t g = 0; g < t.groupCount(); ++g) {
    const calib::Group& grp = t.groups[g];
    for (size_t e = 0; e < t.entryCount(); ++e)
      c.rows.push_back({grp.id, std::to_string(grp.key.layer), head(grp), std::string(calib::groupRoleName(grp.key.role)),
                        std::to_string(grp.values), csvNumber(t.weight[g]), t.menu[e].label,
                        t.menu[e].bits ? std::to_string(t.menu[e].bits) : "", csvNumber(t.bpv[g][e]),
                        csvNumber(t.distortion[g][e]), csvNumber(t.fit[g].alpha), csvNumber(t.fit[g].beta),
                        csvNumber(t.fit[g].r2)});
  }
  return c;
}

CsvTable allocationCsv(const calib::CalibrationTable& t, const std::vector<NamedAllocation>& allocations) {
  CsvTable c;
  c.header = {"group", "layer", "kv_head", "role", "values", "weight"};
  for (const auto& a : allocations)
    for (const char* col : {"entry", "bits", "bpv", "predicted", "measured", "pinned"})
      c.header.push_back(a.name + "_" + col);
  for (size_t g = 0; g < t.groupCount(); ++g) {
    const calib::Group& grp = t.groups[g];
    std::vector<std::string> row = {grp.id, std::to_string(grp.key.layer), head(grp),
                                    std::string(calib::groupRoleName(grp.key.role)), std::to_string(grp.values),
                                    csvNumber(t.weight[g])};
    for (const auto& a : allocations) {
      const size_t e = size_t(a.allocation->choice.at(g));
      row.push_back(t.menu[e].label);
      row.push_back(t.menu[e].bits ? std::to_string(t.menu[e].bits) : "");
      row.push_back(csvNumber(t.bpv[g][e]));
      row.push_back(csvNumber(t.distortion[g][e]));
      row.push_back(a.verified ? csvNumber(a.verified->groupDistortion.at(g)) : std::string());
      row.push_back(g < a.allocation->pinned.size() && a.allocation->pinned[g] ? "1" : "0");
    }
    c.rows.push_back(std::move(row));
  }
  return c;
}

CsvTable allocationSummaryCsv(const std::vector<NamedAllocation>& allocations) {
  CsvTable c;
  c.header = {"allocation", "unit", "target", "achieved", "achieved_bpv", "achieved_bits", "predicted",
              "measured_output_error", "measured_output_error_k", "measured_output_error_v", "measured_rel_mse_k",
              "measured_rel_mse_v", "measured_bpv"};
  for (const auto& n : allocations) {
    const alloc::Allocation& a = *n.allocation;
    const alloc::VerifyResult* v = n.verified;
    c.rows.push_back({n.name, std::string(calib::rateUnitName(a.request.unit)), csvNumber(a.request.target),
                      csvNumber(a.achieved), csvNumber(a.achievedBpv), csvNumber(a.achievedBits), csvNumber(a.predicted),
                      v ? opt(v->outputError) : "", v ? opt(v->outputErrorK) : "", v ? opt(v->outputErrorV) : "",
                      v ? csvNumber(v->relMseK) : "", v ? csvNumber(v->relMseV) : "", v ? csvNumber(v->bpv) : ""});
  }
  return c;
}

}  // namespace vq::io
