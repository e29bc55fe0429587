#include <algorithm>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/exit_codes.h"
#include "core/common/thread_pool.h"
#include "core/io/dump.h"
#include "core/metrics/dump_metrics.h"

namespace vq::cli {

namespace {

std::string tensorsPresent(const LayerInfo& l) {
  std::string s;
  auto add = [&](bool has, const char* n) {
    if (has) s += (s.empty() ? "" : ",") + std::string(n);
  };
  add(l.hasQ, "q");
  add(l.hasK, "k");
  add(l.hasV, "v");
  add(l.hasKPreRope, "k_pre_rope");
  return s;
}

nlohmann::json toJson(const DumpInfo& info) {
  nlohmann::json j = {{"path", info.path.string()},
                      {"container", info.container},
                      {"model", info.modelName},
                      {"synthetic", info.synthetic},
                      {"layers", info.numLayers},
                      {"q_heads", info.qHeads},
                      {"kv_heads", info.kvHeads},
                      {"head_dim", info.headDim},
                      {"max_tokens", info.maxTokens},
                      {"uniform_shapes", info.uniformShapes},
                      {"has_queries", info.hasQueries},
                      {"dtype", std::string(dtypeName(info.dtype))},
                      {"mixed_dtypes", info.mixedDtypes},
                      {"file_bytes", info.fileBytes},
                      {"tensor_bytes", info.tensorBytes},
                      {"kv_bytes", info.kvBytes},
                      {"per_layer", nlohmann::json::array()}};
  for (const auto& l : info.layers)
    j["per_layer"].push_back({{"layer", l.index}, {"q_heads", l.qHeads}, {"kv_heads", l.kvHeads},
                              {"tokens", l.tokens}, {"head_dim", l.headDim},
                              {"dtype", std::string(dtypeName(l.dtype))}, {"tensors", tensorsPresent(l)},
                              {"kv_bytes", l.kvBytes}});
  return j;
}

void printText(const DumpInfo& info) {
  std::printf("dump       %s (%s, %s on disk)\n", info.path.string().c_str(), info.container.c_str(),
              humanBytes(info.fileBytes).c_str());
  std::printf("model      %s%s\n", info.modelName.empty() ? "(not named in metadata)" : info.modelName.c_str(),
              info.synthetic ? "   [SYNTHETIC data, not a real model]" : "");
  std::printf("layers     %d\nheads      %d query / %d KV%s\nhead_dim   %d\ntokens     %lld%s\n", info.numLayers,
              info.qHeads, info.kvHeads, info.hasQueries ? "" : "   (no queries: attention metrics unavailable)",
              info.headDim, (long long)info.maxTokens, info.uniformShapes ? "" : " (max; layers differ)");
  std::printf("dtype      %s%s\n", std::string(dtypeName(info.dtype)).c_str(),
              info.mixedDtypes ? " (mixed across tensors)" : "");
  std::printf("memory     K+V %s, all tensors %s\n\n", humanBytes(info.kvBytes).c_str(),
              humanBytes(info.tensorBytes).c_str());
  std::printf("%5s %6s %7s %8s %8s %6s  %-18s %10s\n", "layer", "q_hds", "kv_hds", "tokens", "head_dim", "dtype",
              "tensors", "K+V");
  for (const auto& l : info.layers)
    std::printf("%5d %6d %7d %8lld %8d %6s  %-18s %10s\n", l.index, l.qHeads, l.kvHeads, (long long)l.tokens,
                l.headDim, std::string(dtypeName(l.dtype)).c_str(), tensorsPresent(l).c_str(),
                humanBytes(l.kvBytes).c_str());
}

nlohmann::json statsJson(const metrics::ValueStats& s) {
  nlohmann::json top = nlohmann::json::array();
  for (const auto& c : s.topChannels)
    top.push_back({{"head", c.head}, {"channel", c.channel}, {"mean_abs", c.meanAbs}, {"ratio_to_median", c.ratioToMedian}});
  return {{"mean_norm", s.meanNorm}, {"max_norm", s.maxNorm}, {"abs_max", s.absMax}, {"mean", s.mean},
          {"std", s.std}, {"nan", s.nanCount}, {"inf", s.infCount}, {"top_channels", top}};
}

void printStats(const std::vector<metrics::LayerRoleStats>& all, int top) {
  std::printf("\nvalue statistics (vector L2 norms; outlier channels = largest mean |x|, x median channel)\n");
  std::printf("%5s %-10s %10s %10s %10s %8s %8s  %s\n", "layer", "tensor", "mean_norm", "max_norm", "abs_max", "NaN",
              "Inf", "top channels (head:channel ratio)");
  int64_t nan = 0, inf = 0;
  for (const auto& r : all) {
    const auto& s = r.stats;
    nan += s.nanCount;
    inf += s.infCount;
    std::string chans;
    for (size_t i = 0; i < s.topChannels.size() && int(i) < top; ++i) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%s%d:%d %.1fx", i ? ", " : "", s.topChannels[i].head, s.topChannels[i].channel,
                    s.topChannels[i].ratioToMedian);
      chans += buf;
    }
    std::printf("%5d %-10s %10.4g %10.4g %10.4g %8lld %8lld  %s\n", r.layer, std::string(roleName(r.role)).c_str(),
                s.meanNorm, s.maxNorm, s.absMax, (long long)s.nanCount, (long long)s.infCount, chans.c_str());
  }
  if (nan || inf)
    std::printf("\nWARNING: %lld NaN and %lld Inf values; they are excluded from every statistic and metric.\n",
                (long long)nan, (long long)inf);
}

}  // namespace

int runInfo(int argc, char** argv) {
  Args a("info",
         "Shows a dump's model facts, per-layer shapes, dtypes and memory, and value statistics\n"
         "(key/value norms, NaN/Inf counts, top outlier channels). DUMP is a .npz, .safetensors,\n"
         "or a folder of .npy files.");
  a.flag("json", "machine-readable output on stdout")
      .flag("no-stats", "skip the value statistics (which read every value)")
      .option("top", "N", "outlier channels listed per tensor", "3")
      .positional("DUMP", "the dump to inspect");
  if (!a.parse(argc, argv)) return kOk;
  const Dump dump = Dump::open(a.get("DUMP"));
  const int top = a.getInt("top");
  std::vector<metrics::LayerRoleStats> stats;
  if (!a.has("no-stats")) {
    const Progress progress = consoleProgress(true);
    stats = metrics::computeDumpValueStats(dump, std::max(top, 0), defaultThreadPool(), progress.stopToken());
  }
  if (a.has("json")) {
    nlohmann::json j = toJson(dump.info());
    if (!stats.empty()) {
      for (const auto& r : stats) j["per_layer"][size_t(r.layer)]["stats"][std::string(roleName(r.role))] = statsJson(r.stats);
      int64_t nan = 0, inf = 0;
      for (const auto& r : stats) nan += r.stats.nanCount, inf += r.stats.infCount;
      j["nan_count"] = nan;
      j["inf_count"] = inf;
    }
    j["metadata"] = dump.info().metadata;
    std::puts(j.dump(2).c_str());
  } else {
    printText(dump.info());
    if (!stats.empty()) printStats(stats, top);
  }
  return kOk;
}

}  // namespace vq::cli
