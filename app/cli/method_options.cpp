#include "app/cli/method_options.h"

#include <algorithm>
#include <cstdio>

#include "core/quant/registry.h"

namespace vq::cli {

void addMethodOptions(Args& a) {
  a.option("group-size", "G", "kivi / mlx_affine group size (0: the method's default)", "0")
      .flag("norm-correction", "turboquant_mse: store the corrected norm (removes inner-product shrink)")
      .option("sketch-dim", "M", "qjl / turboquant_prod sketch rows (0: head_dim)", "0")
      .option("kivi-window", "R", "kivi: last R tokens kept in fp16", "0")
      .option("seed", "N", "rotation/sketch seed (layer l uses seed + l)", "42");
}

void addProtectionOptions(Args& a) {
  a.option("sink", "N", "keep the first N tokens in fp16 (attention sinks)", "0")
      .option("zscore", "Z", "keep tokens with norm > mean + Z*std in fp16 (0: off)", "0")
      .option("window", "R", "keep the last R tokens in fp16 (residual window)", "0")
      .option("outlier-channels", "C", "store the top-C channels as int8 + per-token scale", "0");
}

void addScopeOptions(Args& a) {
  a.option("layers", "LIST", "layers to evaluate, e.g. 0,2,5-7 (default: all)")
      .option("queries", "N", "query positions sampled per head for attention metrics (0: all)", "256")
      .option("query-seed", "N", "seed of the query sampling", "0")
      .flag("no-queries", "reconstruction metrics only");
}

quant::MethodConfig methodConfigFrom(const Args& a, const std::string& method, int bits) {
  quant::MethodConfig c;
  c.method = method;
  c.bits = bits;
  c.groupSize = a.getInt("group-size");
  c.normCorrection = a.has("norm-correction");
  c.sketchDim = a.getInt("sketch-dim");
  c.residualWindow = a.getInt("kivi-window");
  c.seed = uint64_t(a.getInt64("seed"));
  return c;
}

quant::ProtectionConfig protectionFrom(const Args& a) {
  quant::ProtectionConfig p;
  p.sinkTokens = a.getInt("sink");
  p.zScore = a.getDouble("zscore");
  p.residualWindow = a.getInt("window");
  p.outlierChannels = a.getInt("outlier-channels");
  quant::validate(p);
  return p;
}

EvalOptions evalOptionsFrom(const Args& a) {
  EvalOptions o;
  if (a.has("layers")) o.layers = a.getIntList("layers");
  o.attention.sampleQueries = a.getInt64("queries");
  o.attention.seed = uint64_t(a.getInt64("query-seed"));
  o.useQueries = !a.has("no-queries");
  o.protection = protectionFrom(a);
  return o;
}

std::vector<quant::MethodConfig> sweepConfigs(const Args& a, const std::vector<std::string>& methods,
                                              const std::vector<int>& bits) {
  std::vector<quant::MethodConfig> out;
  for (const auto& m : methods) {
    const quant::MethodInfo* info = quant::findMethod(m);
    if (!info) {
      std::string names;
      for (const auto& r : quant::methodRegistry()) names += (names.empty() ? "" : ", ") + r.name;
      throw UsageError("unknown method '" + m + "' (known: " + names + ")");
    }
    if (info->bits.empty()) {
      out.push_back(methodConfigFrom(a, m, 0));
      continue;
    }
    for (int b : bits) {
      if (std::find(info->bits.begin(), info->bits.end(), b) == info->bits.end()) {
        std::fprintf(stderr, "note: %s has no %d-bit setting; skipped\n", m.c_str(), b);
        continue;
      }
      out.push_back(methodConfigFrom(a, m, b));
    }
  }
  if (out.empty()) throw UsageError("no method/bit combination to run");
  return out;
}

}  // namespace vq::cli
