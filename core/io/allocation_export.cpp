#include "core/io/allocation_export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "core/common/error.h"

namespace vq::io {

using ojson = nlohmann::ordered_json;

std::string_view exportFormatName(ExportFormat f) {
  switch (f) {
    case ExportFormat::VeloxQuantList: return "veloxquant-list";
    case ExportFormat::VeloxQuantDict: return "veloxquant-dict";
    case ExportFormat::KvTuner: return "kvtuner";
    case ExportFormat::Vllm: return "vllm";
    case ExportFormat::LlamaCpp: return "llamacpp";
    case ExportFormat::Hf: return "hf";
    case ExportFormat::Mlx: break;
  }
  return "mlx";
}

std::vector<ExportFormat> allExportFormats() {
  return {ExportFormat::VeloxQuantList, ExportFormat::VeloxQuantDict, ExportFormat::KvTuner, ExportFormat::Vllm,
          ExportFormat::LlamaCpp,       ExportFormat::Hf,             ExportFormat::Mlx};
}

std::optional<ExportFormat> parseExportFormat(std::string_view s) {
  for (ExportFormat f : allExportFormats())
    if (exportFormatName(f) == s) return f;
  return std::nullopt;
}

namespace {

std::string fmt(double v, const char* f = "%.4g") {
  char b[48];
  std::snprintf(b, sizeof b, f, v);
  return b;
}

// What one layer's KV heads got: a menu entry per head and role.
struct LayerView {
  int layer = 0;
  std::vector<int> k, v;
  std::vector<double> bpvK, bpvV;  // measured storage per head (0: unknown)
};

// The menu entry with the highest rate (bits, or bpv for fixed formats).
int highestEntry(const AllocationFile& f) {
  int best = 0;
  for (size_t c = 1; c < f.menu.size(); ++c) {
    const auto& a = f.menu[c];
    const auto& b = f.menu[size_t(best)];
    if (a.bits > b.bits || (a.bits == b.bits && a.bpv > b.bpv)) best = int(c);
  }
  return best;
}

// Layers of the dump that no group covers (an allocation calibrated on a subset of layers).
std::vector<int> missingLayers(const AllocationFile& f) {
  std::vector<bool> present(f.dump.layers.size(), false);
  for (const auto& g : f.groups) present.at(size_t(g.group.key.layer)) = true;
  std::vector<int> out;
  for (size_t l = 0; l < present.size(); ++l)
    if (!present[l]) out.push_back(int(l));
  return out;
}

// Every layer of the dump; layers without groups get the highest menu entry (see missingLayers).
std::vector<LayerView> layerViews(const AllocationFile& f) {
  std::vector<LayerView> out(f.dump.layers.size());
  const int top = highestEntry(f);
  for (size_t l = 0; l < out.size(); ++l) {
    const int h = f.dump.layers[l].kvHeads;
    out[l].layer = int(l);
    out[l].k.assign(size_t(h), top);
    out[l].v.assign(size_t(h), top);
    out[l].bpvK.assign(size_t(h), 0.0);
    out[l].bpvV.assign(size_t(h), 0.0);
  }
  for (const auto& g : f.groups) {
    LayerView& lv = out.at(size_t(g.group.key.layer));
    for (size_t h = 0; h < lv.k.size(); ++h) {
      if (!g.group.key.coversHead(int(h))) continue;
      if (g.group.key.coversRole(Role::K)) {
        lv.k[h] = g.entry;
        lv.bpvK[h] = g.bpv;
      }
      if (g.group.key.coversRole(Role::V)) {
        lv.v[h] = g.entry;
        lv.bpvV[h] = g.bpv;
      }
    }
  }
  return out;
}

void requireBitWidths(const AllocationFile& f, ExportFormat format) {
  if (!calib::menuHasBitWidths(f.menu))
    throw Error(ErrorCode::Unsupported, std::string(exportFormatName(format)) +
                                            " holds bit-widths; this allocation's menu has fixed formats (" +
                                            f.menu.front().label + ", ...)");
}

double meanBits(const AllocationFile& f, const std::vector<int>& entries) {
  double s = 0;
  for (int e : entries) s += f.menu[size_t(e)].bits;
  return entries.empty() ? 0.0 : s / double(entries.size());
}

// The largest menu bit-width <= mean (the smallest one when none is).
int floorToMenu(const AllocationFile& f, double mean) {
  int best = -1, smallest = 1 << 30;
  for (const auto& e : f.menu) {
    smallest = std::min(smallest, e.bits);
    if (e.bits <= mean + 1e-9) best = std::max(best, e.bits);
  }
  return best < 0 ? smallest : best;
}

bool allSame(const std::vector<int>& v) { return std::adjacent_find(v.begin(), v.end(), std::not_equal_to<>()) == v.end(); }

// "turboquant_mse", or "q4_0/q8_0/fp16" for a menu of formats.
std::string menuMethods(const AllocationFile& f) {
  std::string s;
  std::set<std::string> seen;
  for (const auto& e : f.menu)
    if (seen.insert(e.config.method).second) s += (s.empty() ? "" : "/") + e.config.method;
  return s;
}

// "bits" for bit-width menus, "bpv" when averageBits() falls back to the exact storage.
std::string averageUnit(const AllocationFile& f) { return calib::menuHasBitWidths(f.menu) ? "bits" : "bpv"; }

std::string methodNote(const AllocationFile& f) {
  return "bit-widths are those calibrated for " + f.menu.front().config.method +
         "; configure the same quantizer in the runtime, or the measured distortion does not apply";
}

double averageBpvOf(const AllocationFile& f) {
  double s = 0, m = 0;
  for (const auto& g : f.groups) {
    const double b = g.bpv > 0 ? g.bpv : f.menu[size_t(g.entry)].bpv;
    s += double(g.group.values) * b;
    m += double(g.group.values);
  }
  return s / m;
}

// The average nominal bits per value of the allocation (bpv for fixed-format menus).
double averageBits(const AllocationFile& f) {
  if (calib::menuHasBitWidths(f.menu)) {
    double s = 0, m = 0;
    for (const auto& g : f.groups) {
      s += double(g.group.values) * f.menu[size_t(g.entry)].bits;
      m += double(g.group.values);
    }
    return s / m;
  }
  return averageBpvOf(f);
}

ExportResult veloxQuantList(const AllocationFile& f) {
  requireBitWidths(f, ExportFormat::VeloxQuantList);
  ExportResult r;
  std::string text = "[";
  int mixed = 0, rounded = 0;
  for (const auto& lv : layerViews(f)) {
    std::vector<int> all = lv.k;
    all.insert(all.end(), lv.v.begin(), lv.v.end());
    const double mean = meanBits(f, all);
    const int bits = floorToMenu(f, mean);
    if (!allSame(all)) ++mixed;
    if (std::fabs(bits - mean) > 1e-9) ++rounded;
    text += (text.size() > 1 ? ", " : "") + std::to_string(bits);
  }
  r.text = text + "]\n";
  if (mixed)
    r.approximations.push_back("the list form has one bit-width per layer for keys and values alike; " +
                               std::to_string(mixed) + " layer(s) have different bits per head or for K and V " +
                               "(use the dict form with value_bits, or kvtuner for per-head lists)");
  if (rounded)
    r.approximations.push_back(std::to_string(rounded) +
                               " layer(s) were given the value-weighted mean of their bits rounded down to a menu "
                               "bit-width (never more memory than allocated)");
  r.approximations.push_back(methodNote(f));
  return r;
}

ExportResult veloxQuantDict(const AllocationFile& f) {
  requireBitWidths(f, ExportFormat::VeloxQuantDict);
  ExportResult r;
  ojson keys = ojson::object(), values = ojson::object();
  int mixed = 0;
  for (const auto& lv : layerViews(f)) {
    const std::string name = "layer_" + std::to_string(lv.layer);
    keys[name] = floorToMenu(f, meanBits(f, lv.k));
    values[name] = floorToMenu(f, meanBits(f, lv.v));
    if (!allSame(lv.k) || !allSame(lv.v)) ++mixed;
  }
  r.text = ojson{{"bit_width_inlier", keys}, {"value_bits", values}}.dump(2) + "\n";
  if (mixed)
    r.approximations.push_back(std::to_string(mixed) + " layer(s) have different bits per KV head; the dict form is "
                               "per layer: each holds the mean over its heads rounded down to a menu bit-width");
  r.approximations.push_back(methodNote(f));
  return r;
}

ExportResult kvTuner(const AllocationFile& f) {
  requireBitWidths(f, ExportFormat::KvTuner);
  ExportResult r;
  ojson out = ojson::object();
  const bool perHead = f.calibration.granularity == calib::Granularity::Head;
  int mixed = 0;
  for (const auto& lv : layerViews(f)) {
    ojson layer = {{"nbits_key", floorToMenu(f, meanBits(f, lv.k))}, {"nbits_value", floorToMenu(f, meanBits(f, lv.v))}};
    if (perHead) {
      ojson kh = ojson::array(), vh = ojson::array();
      for (int e : lv.k) kh.push_back(f.menu[size_t(e)].bits);
      for (int e : lv.v) vh.push_back(f.menu[size_t(e)].bits);
      layer["nbits_key_per_head"] = kh;
      layer["nbits_value_per_head"] = vh;
    }
    if (!allSame(lv.k) || !allSame(lv.v)) ++mixed;
    out[std::to_string(lv.layer)] = layer;
  }
  r.text = out.dump(2) + "\n";
  if (mixed)
    r.approximations.push_back("KVTuner configures one key and one value bit-width per layer; " + std::to_string(mixed) +
                               " layer(s) differ per head: nbits_key/nbits_value hold the mean over heads rounded "
                               "down, the exact per-head bits are in nbits_*_per_head (an extension KVTuner ignores)");
  r.approximations.push_back("KVTuner quantizes with KIVI-style per-token/per-channel integers, not " +
                             menuMethods(f) + ": the bit-widths carry over, the distortion does not");
  return r;
}

ExportResult vllm(const AllocationFile& f) {
  ExportResult r;
  ojson skip = ojson::array();
  int quantized = 0;
  const auto views = layerViews(f);
  double exported = 0;
  for (const auto& lv : views) {
    bool high = true;
    for (size_t h = 0; h < lv.k.size(); ++h)
      high = high && f.menu[size_t(lv.k[h])].bpv >= 12.0 && f.menu[size_t(lv.v[h])].bpv >= 12.0;
    if (high) {
      skip.push_back(std::to_string(lv.layer));
      exported += 16.0;
    } else {
      ++quantized;
      exported += 8.0;
    }
  }
  exported /= double(std::max<size_t>(1, views.size()));
  const std::string dtype = quantized ? "fp8" : "auto";
  r.text = ojson{{"kv_cache_dtype", dtype}, {"kv_cache_dtype_skip_layers", skip}}.dump(2) + "\n";
  const double allocated = averageBpvOf(f);
  r.approximations.push_back("vLLM stores the KV cache as fp8 (8 bits/value; fp8 = fp8_e4m3, fp8_e5m2 also exists) or "
                             "at the model dtype (auto): this allocation averages " + fmt(allocated) +
                             " bpv, the export about " + fmt(exported) + " bpv (layers at 12+ bpv in the allocation "
                             "are skipped, i.e. kept at the model dtype)");
  if (quantized && allocated < 8.0)
    r.approximations.push_back("per-layer and per-head bit-widths below 8 cannot be expressed; the memory saving and "
                               "the distortion measured here do not carry over");
  r.approximations.push_back("newer vLLM versions add other cache dtypes (int4/int8 per token-head, turboquant "
                             "variants); they are not mapped because their formats differ from this menu");
  return r;
}

struct LlamaType {
  const char* name;      // llama.cpp --cache-type name
  const char* method;    // our registry name
  double bpv;
  int quality;           // higher is better at equal size
};
constexpr LlamaType kLlamaTypes[] = {{"f16", "fp16", 16.0, 7},  {"q8_0", "q8_0", 8.5, 6},  {"q5_1", "q5_1", 6.0, 5},
                                     {"q5_0", "q5_0", 5.5, 4},  {"q4_1", "q4_1", 5.0, 3},  {"iq4_nl", "iq4_nl", 4.5, 2},
                                     {"q4_0", "q4_0", 4.5, 1}};

// The best type whose storage fits `bpv` (q4_0 when none does).
const LlamaType& bestTypeWithin(double bpv) {
  const LlamaType* best = nullptr;
  for (const auto& t : kLlamaTypes)
    if (t.bpv <= bpv + 1e-9 && (!best || t.bpv > best->bpv || (t.bpv == best->bpv && t.quality > best->quality)))
      best = &t;
  return best ? *best : kLlamaTypes[6];
}

ExportResult llamaCpp(const AllocationFile& f) {
  ExportResult r;
  const double budget = averageBpvOf(f);
  const auto table = calibrationTableOf(f);
  const bool separate = f.calibration.kv == calib::KvMode::Separate;
  const LlamaType *bestK = nullptr, *bestV = nullptr;
  double bestScore = 0;
  bool usedTable = false;
  for (const auto& k : kLlamaTypes)
    for (const auto& v : kLlamaTypes) {
      if ((k.bpv + v.bpv) / 2.0 > budget + 1e-9) continue;
      double score = 0;
      bool measured = false;
      if (table) {
        const auto ek = calib::findMenuEntry(table->menu, k.method, 0);
        const auto ev = calib::findMenuEntry(table->menu, v.method, 0);
        if (ek && ev && (separate || ek == ev)) {
          measured = true;
          for (size_t g = 0; g < table->groupCount(); ++g)
            score += table->weight[g] *
                     table->distortion[g][table->groups[g].key.role == calib::GroupRole::V ? *ev : *ek];
        }
      }
      if (measured) {
        if (!usedTable || score < bestScore) {
          bestK = &k;
          bestV = &v;
          bestScore = score;
          usedTable = true;
        }
        continue;
      }
      if (usedTable) continue;
      const double s = (k.bpv + v.bpv) * 100.0 + k.bpv + (k.quality * 8 + v.quality) * 1e-3;
      if (!bestK || s > bestScore) {
        bestK = &k;
        bestV = &v;
        bestScore = s;
      }
    }
  if (!bestK) {
    bestK = bestV = &kLlamaTypes[6];
    r.approximations.push_back("no llama.cpp cache type fits this allocation's " + fmt(budget) +
                               " bpv: the smallest pair (q4_0, 4.5 bpv) is exported and uses more memory");
  }
  r.text = "--cache-type-k " + std::string(bestK->name) + " --cache-type-v " + bestV->name + "\n";
  // Per-layer overrides for the first/last layers the allocation gives more than the global pair.
  const auto views = layerViews(f);
  auto layerBpv = [&](const LayerView& lv, bool keys) {
    double s = 0;
    const auto& e = keys ? lv.k : lv.v;
    const auto& b = keys ? lv.bpvK : lv.bpvV;
    for (size_t h = 0; h < e.size(); ++h) s += b[h] > 0 ? b[h] : f.menu[size_t(e[h])].bpv;
    return s / double(e.size());
  };
  auto above = [&](const LayerView& lv) {
    return (layerBpv(lv, true) + layerBpv(lv, false)) / 2.0 > (bestK->bpv + bestV->bpv) / 2.0 + 1e-9;
  };
  std::vector<const LayerView*> overrides;
  size_t first = 0;
  while (first < views.size() && above(views[first])) overrides.push_back(&views[first++]);
  size_t last = views.size();
  while (last > first && above(views[last - 1])) --last;
  for (size_t i = last; i < views.size(); ++i) overrides.push_back(&views[i]);
  for (const LayerView* lv : overrides) {
    const LlamaType& k = bestTypeWithin(layerBpv(*lv, true));
    const LlamaType& v = bestTypeWithin(layerBpv(*lv, false));
    if (&k == bestK && &v == bestV) continue;
    r.text += "# layer " + std::to_string(lv->layer) + ": --cache-type-k " + k.name + " --cache-type-v " + v.name + "\n";
  }
  if (r.text.find('#') != std::string::npos)
    r.approximations.push_back("upstream llama.cpp applies one K/V type pair to every layer; the '# layer' lines are "
                               "per-layer overrides for forks that support them (ik_llama.cpp style), check your "
                               "fork's syntax");
  r.approximations.push_back("allocation: " + fmt(budget) + " bpv; exported pair: " +
                             fmt((bestK->bpv + bestV->bpv) / 2.0) + " bpv" +
                             (usedTable ? " (chosen by the calibrated distortion among the menu's formats; others were not measured)"
                                        : " (chosen by storage: the largest pair that fits, keys first)"));
  if (std::string(bestV->name) != "f16")
    r.approximations.push_back("a quantized V cache needs flash attention in llama.cpp (-fa / --flash-attn)");
  bool sameMenu = true;
  for (const auto& e : f.menu) {
    bool known = false;
    for (const auto& t : kLlamaTypes) known = known || e.config.method == t.method;
    sameMenu = sameMenu && known;
  }
  if (!sameMenu)
    r.approximations.push_back("the allocation's menu (" + f.menu.front().label +
                               ", ...) is not llama.cpp's: the per-group choices are replaced by llama.cpp types");
  return r;
}

int groupSizeFor(const AllocationFile& f) {
  const auto& l = f.dump.layers.front();
  const int hidden = l.kvHeads * l.headDim;
  if (hidden % 64 == 0) return 64;
  int g = 1;
  while (hidden % (g * 2) == 0 && g < 64) g *= 2;
  return g;
}

ExportResult hf(const AllocationFile& f) {
  ExportResult r;
  const double avg = averageBits(f);
  const int hqq[] = {1, 2, 3, 4, 8};
  int nbits = 1;
  for (int b : hqq)
    if (b <= avg + 1e-9) nbits = b;
  const bool quanto = nbits == 2 || nbits == 4;
  const int group = groupSizeFor(f);
  ojson cfg = {{"backend", quanto ? "quanto" : "HQQ"}, {"nbits", nbits},       {"axis_key", 0},
               {"axis_value", 0},                       {"q_group_size", group}, {"residual_length", 128}};
  r.text = ojson{{"cache_implementation", "quantized"}, {"cache_config", cfg}}.dump(2) + "\n";
  r.approximations.push_back("QuantizedCache uses one nbits for every layer, head, key and value: " +
                             std::to_string(nbits) + " (the allocation averages " + fmt(avg) + " " + averageUnit(f) + ", rounded down)");
  r.approximations.push_back("its quantizer is asymmetric integer with a scale and zero-point per group of " +
                             std::to_string(group) + " (about " + fmt(nbits + 32.0 / group) +
                             " bpv), not " + menuMethods(f) + ": the measured distortion does not carry over");
  r.approximations.push_back("residual_length 128 keeps the most recent 128 tokens unquantized (this calibration "
                             "quantized every token)");
  return r;
}

ExportResult mlx(const AllocationFile& f) {
  ExportResult r;
  const double avg = averageBits(f);
  const int valid[] = {2, 3, 4, 6, 8};
  int bits = 0;
  for (int b : valid)
    if (b <= avg + 1e-9) bits = b;
  if (bits == 0) {
    bits = 2;
    r.approximations.push_back("mlx_lm's smallest KV bit-width is 2; the allocation averages " + fmt(avg) + " " +
                               averageUnit(f) + ", so the export uses more memory");
  }
  r.text = "--kv-bits " + std::to_string(bits) + " --kv-group-size 64 --quantized-kv-start 0\n";
  r.approximations.push_back("mlx_lm quantizes every layer, key and value alike with " + std::to_string(bits) +
                             "-bit affine groups of 64 (fp16 scale and bias: " + fmt(bits + 0.5) +
                             " bpv); the allocation averages " + fmt(avg) + " " + averageUnit(f) +
                             ", its per-layer/per-head choices are not expressible");
  r.approximations.push_back("--quantized-kv-start 0 quantizes from the first token, as measured here (mlx_lm's default "
                             "keeps the first tokens unquantized)");
  return r;
}

}  // namespace

ExportResult exportAllocation(const AllocationFile& f, ExportFormat format) {
  if (f.groups.empty() || f.dump.layers.empty()) throw Error(ErrorCode::InvalidArgument, "the allocation is empty");
  ExportResult r;
  switch (format) {
    case ExportFormat::VeloxQuantList: r = veloxQuantList(f); break;
    case ExportFormat::VeloxQuantDict: r = veloxQuantDict(f); break;
    case ExportFormat::KvTuner: r = kvTuner(f); break;
    case ExportFormat::Vllm: r = vllm(f); break;
    case ExportFormat::LlamaCpp: r = llamaCpp(f); break;
    case ExportFormat::Hf: r = hf(f); break;
    case ExportFormat::Mlx: r = mlx(f); break;
  }
  const auto missing = missingLayers(f);
  if (!missing.empty() && format != ExportFormat::Hf && format != ExportFormat::Mlx) {
    std::string list;
    for (int l : missing) list += (list.empty() ? "" : ", ") + std::to_string(l);
    r.approximations.push_back("layers " + list + " are not in the allocation (calibrated on a subset of layers): " +
                               "exported at the menu's highest entry, " + f.menu[size_t(highestEntry(f))].label);
  }
  return r;
}

}  // namespace vq::io
