#include "app/cli/eval_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/quant/registry.h"

namespace vq::cli {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string fmt(double v, const char* f = "%.4g") {
  if (std::isnan(v)) return "-";
  char b[32];
  std::snprintf(b, sizeof b, f, v);
  return b;
}

bool hasBits(const quant::MethodConfig& c) {
  const auto* info = quant::findMethod(c.method);
  return info && !info->bits.empty();
}

struct AttnCols {
  double logit = kNaN, shrink = kNaN, kl = kNaN, topk = kNaN, outK = kNaN, outV = kNaN, outKV = kNaN;
};

AttnCols attnCols(const std::optional<metrics::AttentionMetrics>& a) {
  AttnCols c;
  if (!a) return c;
  if (a->keys) {
    c.logit = a->keys->logitErrorRel;
    c.shrink = a->keys->shrink;
    c.kl = a->keys->klMean;
    c.topk = a->keys->topkOverlap;
  }
  if (a->kOnly) c.outK = a->kOnly->aggregate;
  if (a->vOnly) c.outV = a->vOnly->aggregate;
  if (a->both) c.outKV = a->both->aggregate;
  return c;
}

nlohmann::json num(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }

nlohmann::json reconJson(const metrics::ReconstructionMetrics& r) {
  return {{"rel_mse", num(r.relMse)},           {"rel_mse_aggregate", num(r.relMseAggregate)},
          {"cosine_mean", num(r.cosineMean)},   {"cosine_p01", num(r.cosineP01)},
          {"snr_db", num(r.snrDb)},             {"limit_ratio", num(r.limitRatio)},
          {"wasted_bits", num(r.wastedBits)},   {"vectors", r.vectors},
          {"nonfinite_vectors", r.nonFiniteVectors}};
}
}  // namespace

std::string configLabel(const quant::MethodConfig& c) {
  return hasBits(c) ? c.method + " " + std::to_string(c.bits) + "b" : c.method;
}

void printSummaryTable(const std::vector<EvalSummary>& rows, bool hasQueries) {
  std::printf("%-20s %6s %6s %9s %8s %8s %9s %8s %8s %8s %7s %9s %9s %9s\n", "method", "bpv", "x fp16", "K relMSE",
              "K cos", "K p01", "V relMSE", "logitErr", "shrink", "KL", "top8", "outErr K", "outErr V", "outErr KV");
  for (const auto& s : rows) {
    const AttnCols a = attnCols(s.attention);
    std::printf("%-20s %6s %6s %9s %8s %8s %9s %8s %8s %8s %7s %9s %9s %9s\n", configLabel(s.config).c_str(),
                fmt(s.bpv, "%.3f").c_str(), fmt(s.compressionVsFp16, "%.2f").c_str(), fmt(s.reconK.relMse).c_str(),
                fmt(s.reconK.cosineMean, "%.5f").c_str(), fmt(s.reconK.cosineP01, "%.4f").c_str(),
                fmt(s.reconV.relMse).c_str(), fmt(a.logit).c_str(), fmt(a.shrink, "%.4f").c_str(), fmt(a.kl).c_str(),
                fmt(a.topk, "%.3f").c_str(), fmt(a.outK).c_str(), fmt(a.outV).c_str(), fmt(a.outKV).c_str());
  }
  if (!hasQueries)
    std::printf("(no queries in this dump: attention metrics are unavailable; keys are judged by reconstruction error)\n");
}

CsvTable summaryCsv(const std::vector<EvalSummary>& rows) {
  CsvTable t;
  t.header = {"method", "bits", "bpv_k", "bpv_v", "bpv", "compression_vs_fp16", "k_rel_mse", "k_cos_mean",
              "k_cos_p01", "k_snr_db", "k_limit_ratio", "k_wasted_bits", "v_rel_mse", "v_cos_mean", "v_cos_p01",
              "v_snr_db", "v_limit_ratio", "v_wasted_bits", "logit_err_rel", "shrink", "kl_mean", "kl_max",
              "topk_overlap", "out_err_k_only", "out_err_v_only", "out_err_both", "seconds"};
  for (const auto& s : rows) {
    const AttnCols a = attnCols(s.attention);
    const double klMax = s.attention && s.attention->keys ? s.attention->keys->klMax : kNaN;
    t.rows.push_back({s.config.method, hasBits(s.config) ? std::to_string(s.config.bits) : "", csvNumber(s.bpvK),
                      csvNumber(s.bpvV), csvNumber(s.bpv), csvNumber(s.compressionVsFp16), csvNumber(s.reconK.relMse),
                      csvNumber(s.reconK.cosineMean), csvNumber(s.reconK.cosineP01), csvNumber(s.reconK.snrDb),
                      csvNumber(s.reconK.limitRatio), csvNumber(s.reconK.wastedBits), csvNumber(s.reconV.relMse),
                      csvNumber(s.reconV.cosineMean), csvNumber(s.reconV.cosineP01), csvNumber(s.reconV.snrDb),
                      csvNumber(s.reconV.limitRatio), csvNumber(s.reconV.wastedBits), csvNumber(a.logit),
                      csvNumber(a.shrink), csvNumber(a.kl), csvNumber(klMax), csvNumber(a.topk), csvNumber(a.outK),
                      csvNumber(a.outV), csvNumber(a.outKV), csvNumber(s.seconds)});
  }
  return t;
}

nlohmann::json summaryJson(const std::vector<EvalSummary>& rows) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& s : rows) {
    const AttnCols a = attnCols(s.attention);
    nlohmann::json j = {{"method", s.config.method},
                        {"bits", hasBits(s.config) ? nlohmann::json(s.config.bits) : nlohmann::json(nullptr)},
                        {"bpv_k", s.bpvK},
                        {"bpv_v", s.bpvV},
                        {"bpv", s.bpv},
                        {"compression_vs_fp16", s.compressionVsFp16},
                        {"bytes_k", s.bytesK},
                        {"bytes_v", s.bytesV},
                        {"layers", s.layers},
                        {"keys", reconJson(s.reconK)},
                        {"values", reconJson(s.reconV)},
                        {"seconds", s.seconds}};
    if (s.attention) {
      j["attention"] = {{"queries", s.attention->queries}, {"logit_err_rel", num(a.logit)},
                        {"shrink", num(a.shrink)},           {"kl_mean", num(a.kl)},
                        {"topk_overlap", num(a.topk)},       {"out_err_k_only", num(a.outK)},
                        {"out_err_v_only", num(a.outV)},     {"out_err_both", num(a.outKV)}};
    } else {
      j["attention"] = nullptr;
    }
    arr.push_back(std::move(j));
  }
  return arr;
}

GroupCsv::GroupCsv() {
  m_table.header = {"method", "bits", "layer", "kv_head", "bpv_k", "bpv_v", "k_rel_mse", "k_cos_mean", "k_cos_p01",
                    "v_rel_mse", "v_cos_mean", "v_cos_p01", "logit_err_rel", "shrink", "kl_mean", "topk_overlap",
                    "out_err_k_only", "out_err_v_only", "out_err_both"};
}

void GroupCsv::add(const quant::MethodConfig& config, const LayerEval& layer, const std::vector<int>& heads) {
  for (const auto& h : layer.heads) {
    if (!heads.empty() && std::find(heads.begin(), heads.end(), h.kvHead) == heads.end()) continue;
    const double bpvK = h.values ? h.bytesK * 8.0 / double(h.values) : kNaN;
    const double bpvV = h.values ? h.bytesV * 8.0 / double(h.values) : kNaN;
    const auto rk = h.reconK.finish(bpvK);
    const auto rv = h.reconV.finish(bpvV);
    const AttnCols a = attnCols(h.attention ? std::optional(h.attention->finish()) : std::nullopt);
    m_table.rows.push_back({config.method, hasBits(config) ? std::to_string(config.bits) : "",
                            std::to_string(h.layer), std::to_string(h.kvHead), csvNumber(bpvK), csvNumber(bpvV),
                            csvNumber(rk.relMse), csvNumber(rk.cosineMean), csvNumber(rk.cosineP01),
                            csvNumber(rv.relMse), csvNumber(rv.cosineMean), csvNumber(rv.cosineP01),
                            csvNumber(a.logit), csvNumber(a.shrink), csvNumber(a.kl), csvNumber(a.topk),
                            csvNumber(a.outK), csvNumber(a.outV), csvNumber(a.outKV)});
  }
}

}  // namespace vq::cli
