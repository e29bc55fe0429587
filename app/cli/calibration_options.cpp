#include "app/cli/calibration_options.h"

#include "app/cli/method_options.h"
#include "core/common/error.h"

namespace vq::cli {

void addCalibrationOptions(Args& a) {
  a.option("probe", "P", "sensitivity probe: empirical | keynorm | perturb", "empirical")
      .option("method", "NAME", "method of a bit-width menu", "turboquant_mse")
      .option("bits", "LIST", "bit-widths of the menu, e.g. 1,2,3,4 or 1-4", "1,2,3,4")
      .option("menu", "LIST", "a menu of named formats instead, e.g. q4_0,q8_0,fp16 or turboquant_mse:3")
      .option("granularity", "G", "groups per layer or per layer x KV head: layer | head", "head")
      .option("kv", "MODE", "K and V share a choice (joint) or not (separate)", "separate")
      .option("metric", "M", "distortion: attention (output error; default with queries) | mse")
      .option("noise-scale", "S", "perturb: noise std as a multiple of the tensor's std", "0.1")
      .option("noise-seed", "N", "perturb: noise seed", "1")
      .option("beta", "B", "keynorm/perturb: decay of the model curve D = B^-rate", "3.5");
  addMethodOptions(a);
  addProtectionOptions(a);
  addScopeOptions(a);
}

calib::CalibrationOptions calibrationOptionsFrom(const Args& a) {
  calib::CalibrationOptions o;
  const auto probe = calib::parseProbe(a.get("probe"));
  if (!probe) throw UsageError("--probe must be empirical, keynorm or perturb");
  o.probe = *probe;
  const auto gran = calib::parseGranularity(a.get("granularity"));
  if (!gran) throw UsageError("--granularity must be layer or head");
  o.granularity = *gran;
  const auto kv = calib::parseKvMode(a.get("kv"));
  if (!kv) throw UsageError("--kv must be joint or separate");
  o.kv = *kv;
  if (a.has("metric")) {
    const auto m = calib::parseMetric(a.get("metric"));
    if (!m) throw UsageError("--metric must be attention or mse");
    o.metric = *m;
  }
  o.menu.base = methodConfigFrom(a, a.get("method"), 0);
  if (a.has("menu")) {
    o.menu.kind = calib::MenuKind::Formats;
    o.menu.formats = a.getList("menu");
    if (o.menu.formats.empty()) throw UsageError("--menu needs at least one format");
  } else {
    o.menu.kind = calib::MenuKind::BitWidths;
    o.menu.method = a.get("method");
    o.menu.bits = a.getIntList("bits");
  }
  const EvalOptions scope = evalOptionsFrom(a);
  o.layers = scope.layers;
  o.attention = scope.attention;
  o.useQueries = scope.useQueries;
  o.protection = scope.protection;
  o.noiseScale = a.getDouble("noise-scale");
  o.noiseSeed = uint64_t(a.getInt64("noise-seed"));
  o.beta = a.getDouble("beta");
  return o;
}

void addBudgetOptions(Args& a) {
  a.option("target", "B", "average rate of every group (bits per value in --unit)")
      .option("unit", "U", "bits (nominal bits per coordinate; bit-width menus) | bpv (exact storage)")
      .option("pin", "RULES", "pins and limits, e.g. first:2,last:2 or L3.K=4,L0.H1.V>=2 (rules above)")
      .option("min", "B", "lowest rate any group may get")
      .option("max", "B", "highest rate any group may get")
      .option("k-target", "B", "separate budget of the K groups (K/V separate)")
      .option("v-target", "B", "separate budget of the V groups (K/V separate)")
      .option("beta-fixed", "B", "ratequant: use this beta instead of fitting it on the table");
}

alloc::AllocationRequest allocationRequestFrom(const Args& a, bool menuHasBits) {
  alloc::AllocationRequest r;
  r.unit = menuHasBits ? calib::RateUnit::Bits : calib::RateUnit::Bpv;
  if (a.has("unit")) {
    const auto u = calib::parseRateUnit(a.get("unit"));
    if (!u) throw UsageError("--unit must be bits or bpv");
    r.unit = *u;
  }
  if (!a.has("target") && !(a.has("k-target") && a.has("v-target")))
    throw UsageError("--target is required (or both --k-target and --v-target)");
  if (a.has("target")) r.target = a.getDouble("target");
  if (a.has("k-target")) r.targetK = a.getDouble("k-target");
  if (a.has("v-target")) r.targetV = a.getDouble("v-target");
  if (a.has("min")) r.minRate = a.getDouble("min");
  if (a.has("max")) r.maxRate = a.getDouble("max");
  if (a.has("beta-fixed")) r.beta = a.getDouble("beta-fixed");
  if (a.has("pin")) {
    try {
      r.rules = alloc::parseGroupRules(a.get("pin"));
    } catch (const Error& e) {
      throw UsageError("--pin: " + e.detail());
    }
  }
  return r;
}

}  // namespace vq::cli
