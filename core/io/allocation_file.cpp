#include "core/io/allocation_file.h"

#include <algorithm>
#include <map>

#include "core/calib/calibration_json.h"
#include "core/common/atomic_file.h"
#include "core/io/json_fields.h"
#include "core/quant/registry.h"

namespace vq::io {

using nlohmann::json;

namespace {

json optionalNumber(const std::optional<double>& v) { return v ? jsonNumber(*v) : json(nullptr); }

std::optional<double> readOptional(const JsonReader& parent, const char* key) {
  const auto r = parent.find(key);
  if (!r) {
    parent.at(key);  // must be present (as null)
    return std::nullopt;
  }
  return r->number();
}

std::string menuLabels(const std::vector<calib::MenuEntry>& menu, const std::string& method) {
  std::string s;
  for (const auto& e : menu)
    if (method.empty() || e.config.method == method)
      s += (s.empty() ? "" : ", ") + (method.empty() || e.bits == 0 ? e.label : std::to_string(e.bits));
  return s;
}

}  // namespace

AllocationFile makeAllocationFile(const calib::CalibrationTable& t, const alloc::Allocation& a,
                                  const alloc::VerifyResult* verified) {
  AllocationFile f;
  f.dump = t.dump;
  f.calibration = t.settings;
  f.menu = t.menu;
  f.allocation = a;
  for (size_t g = 0; g < t.groupCount(); ++g) {
    AllocatedGroup ag;
    ag.group = t.groups[g];
    ag.entry = a.choice.at(g);
    ag.bpv = t.bpv[g][size_t(ag.entry)];
    ag.weight = t.weight[g];
    ag.pinned = g < a.pinned.size() && a.pinned[g];
    ag.predicted = t.distortion[g][size_t(ag.entry)];
    ag.tableBpv = t.bpv[g];
    ag.tableDistortion = t.distortion[g];
    f.groups.push_back(std::move(ag));
  }
  if (verified) setMeasured(f, *verified);
  return f;
}

void setMeasured(AllocationFile& f, const alloc::VerifyResult& r) {
  MeasuredSummary m;
  m.outputError = r.outputError;
  m.outputErrorK = r.outputErrorK;
  m.outputErrorV = r.outputErrorV;
  m.relMseK = r.relMseK;
  m.relMseV = r.relMseV;
  m.bpv = r.bpv;
  m.queries = r.queries;
  f.measured = m;
  for (size_t g = 0; g < f.groups.size() && g < r.groupDistortion.size(); ++g) f.groups[g].measured = r.groupDistortion[g];
}

json toJson(const AllocationFile& f) {
  const alloc::Allocation& a = f.allocation;
  const alloc::AllocationRequest& q = a.request;
  json menu = json::array();
  for (const auto& e : f.menu) menu.push_back(toJson(e));
  json rules = json::array();
  for (const auto& r : q.rules) rules.push_back(r.text);
  json notes = json::array();
  for (const auto& n : a.notes) notes.push_back(n);
  json budget = {{"unit", std::string(calib::rateUnitName(q.unit))},
                 {"target", jsonNumber(q.target)},
                 {"target_k", optionalNumber(q.targetK)},
                 {"target_v", optionalNumber(q.targetV)},
                 {"min", optionalNumber(q.minRate)},
                 {"max", optionalNumber(q.maxRate)},
                 {"rules", rules},
                 {"beta", optionalNumber(q.beta)},
                 {"achieved", jsonNumber(a.achieved)},
                 {"achieved_bpv", jsonNumber(a.achievedBpv)},
                 {"achieved_bits", jsonNumber(a.achievedBits)},
                 {"achieved_k", optionalNumber(a.achievedK)},
                 {"achieved_v", optionalNumber(a.achievedV)},
                 {"minimum_achievable", jsonNumber(a.minimumAchievable)}};
  json measured = nullptr;
  if (f.measured) {
    const MeasuredSummary& m = *f.measured;
    measured = {{"output_error", optionalNumber(m.outputError)},
                {"output_error_k", optionalNumber(m.outputErrorK)},
                {"output_error_v", optionalNumber(m.outputErrorV)},
                {"rel_mse_k", jsonNumber(m.relMseK)},
                {"rel_mse_v", jsonNumber(m.relMseV)},
                {"bpv", jsonNumber(m.bpv)},
                {"queries", m.queries}};
  }
  json groups = json::array();
  for (const auto& g : f.groups) {
    json j;
    writeGroup(j, g.group);
    const calib::MenuEntry& e = f.menu.at(size_t(g.entry));
    j["method"] = e.config.method;
    j["bits"] = e.bits;
    j["bpv"] = jsonNumber(g.bpv);
    j["weight"] = jsonNumber(g.weight);
    j["pinned"] = g.pinned;
    j["predicted"] = jsonNumber(g.predicted);
    j["measured"] = optionalNumber(g.measured);
    if (g.tableBpv.empty()) {
      j["table"] = nullptr;
    } else {
      json b = json::array(), d = json::array();
      for (double v : g.tableBpv) b.push_back(jsonNumber(v));
      for (double v : g.tableDistortion) d.push_back(jsonNumber(v));
      j["table"] = {{"bpv", b}, {"distortion", d}};
    }
    groups.push_back(std::move(j));
  }
  return {{"schema", kAllocationSchema},
          {"version", kAllocationVersion},
          {"created_by", std::string("veloxquant ") + VQ_VERSION},
          {"dump", toJson(f.dump)},
          {"calibration", calib::toJson(f.calibration)},
          {"menu", menu},
          {"allocator", a.allocator},
          {"budget", budget},
          {"ratequant_beta", jsonNumber(a.beta)},
          {"predicted", jsonNumber(a.predicted)},
          {"measured", measured},
          {"notes", notes},
          {"groups", groups}};
}

AllocationFile allocationFileFromJson(const json& j, const std::string& file) {
  const JsonReader root(j, "", file);
  checkSchema(root, kAllocationSchema, kAllocationVersion);
  AllocationFile f;
  f.dump = dumpIdentityFromJson(root.at("dump"));
  f.calibration = calib::calibrationSettingsFromJson(root.at("calibration"));
  const JsonReader menu = root.at("menu");
  for (size_t i = 0; i < menu.size(); ++i) f.menu.push_back(menuEntryFromJson(menu.at(i)));
  if (f.menu.empty()) menu.fail("the menu is empty", ErrorCode::InvalidArgument);
  alloc::Allocation& a = f.allocation;
  a.allocator = root.at("allocator").string();
  const JsonReader b = root.at("budget");
  const auto unit = calib::parseRateUnit(b.at("unit").string());
  if (!unit) b.at("unit").fail("expected \"bits\" or \"bpv\"", ErrorCode::InvalidArgument);
  a.request.unit = *unit;
  a.request.target = b.at("target").number();
  a.request.targetK = readOptional(b, "target_k");
  a.request.targetV = readOptional(b, "target_v");
  a.request.minRate = readOptional(b, "min");
  a.request.maxRate = readOptional(b, "max");
  const JsonReader rules = b.at("rules");
  for (size_t i = 0; i < rules.size(); ++i) {
    try {
      const auto parsed = alloc::parseGroupRules(rules.at(i).string());
      if (parsed.size() != 1) rules.at(i).fail("expected one rule", ErrorCode::InvalidArgument);
      a.request.rules.push_back(parsed.front());
    } catch (const Error& e) {
      if (e.code() == ErrorCode::BadJson) throw;
      rules.at(i).fail(e.detail(), ErrorCode::InvalidArgument);
    }
  }
  a.request.beta = readOptional(b, "beta");
  a.achieved = b.at("achieved").number();
  a.achievedBpv = b.at("achieved_bpv").number();
  a.achievedBits = b.at("achieved_bits").number();
  a.achievedK = readOptional(b, "achieved_k");
  a.achievedV = readOptional(b, "achieved_v");
  a.minimumAchievable = b.at("minimum_achievable").number();
  a.beta = root.at("ratequant_beta").number();
  a.predicted = root.at("predicted").number();
  if (const auto m = root.find("measured")) {
    MeasuredSummary s;
    s.outputError = readOptional(*m, "output_error");
    s.outputErrorK = readOptional(*m, "output_error_k");
    s.outputErrorV = readOptional(*m, "output_error_v");
    s.relMseK = m->at("rel_mse_k").number();
    s.relMseV = m->at("rel_mse_v").number();
    s.bpv = m->at("bpv").number();
    s.queries = m->at("queries").integer();
    f.measured = s;
  } else {
    root.at("measured");
  }
  const JsonReader notes = root.at("notes");
  for (size_t i = 0; i < notes.size(); ++i) a.notes.push_back(notes.at(i).string());
  const JsonReader groups = root.at("groups");
  if (groups.size() == 0) groups.fail("no groups", ErrorCode::InvalidArgument);
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < groups.size(); ++i) {
    const JsonReader g = groups.at(i);
    AllocatedGroup ag;
    ag.group = groupFromJson(g);
    const calib::GroupKey& key = ag.group.key;
    if (key.layer >= int(f.dump.layers.size()))
      g.at("layer").fail("layer " + std::to_string(key.layer) + " does not exist (the dump has " +
                             std::to_string(f.dump.layers.size()) + " layers)",
                         ErrorCode::InvalidArgument);
    const calib::LayerShape& shape = f.dump.layers[size_t(key.layer)];
    if (key.head >= shape.kvHeads)
      g.at("head").fail("KV head " + std::to_string(key.head) + " does not exist (layer " + std::to_string(key.layer) +
                            " has " + std::to_string(shape.kvHeads) + ")",
                        ErrorCode::InvalidArgument);
    if (ag.group.tokens != shape.tokens || ag.group.headDim != shape.headDim ||
        ag.group.heads != (key.head >= 0 ? 1 : shape.kvHeads))
      g.at("values").fail("does not match the dump's layer " + std::to_string(key.layer) + " shape",
                          ErrorCode::InvalidArgument);
    if (!seen.emplace(ag.group.id, i).second) g.at("id").fail("duplicate group id", ErrorCode::InvalidArgument);
    const std::string method = g.at("method").string();
    if (!quant::findMethod(method)) g.at("method").fail("unknown method '" + method + "'", ErrorCode::InvalidArgument);
    const int bits = g.at("bits").integer(0, 64);
    const auto entry = calib::findMenuEntry(f.menu, method, bits);
    if (!entry) {
      if (menuLabels(f.menu, method).empty())
        g.at("method").fail("'" + method + "' is not in the menu (" + menuLabels(f.menu, "") + ")",
                            ErrorCode::InvalidArgument);
      g.at("bits").fail(method + " " + std::to_string(bits) + "b is not in the menu (" + menuLabels(f.menu, method) + ")",
                        ErrorCode::InvalidArgument);
    }
    ag.entry = int(*entry);
    ag.bpv = g.at("bpv").number();
    ag.weight = g.at("weight").number();
    ag.pinned = g.at("pinned").boolean();
    ag.predicted = g.at("predicted").number();
    ag.measured = readOptional(g, "measured");
    if (const auto t = g.find("table")) {
      const JsonReader tb = t->at("bpv"), td = t->at("distortion");
      if (tb.size() != f.menu.size() || td.size() != f.menu.size())
        t->fail("needs one bpv and one distortion per menu entry (" + std::to_string(f.menu.size()) + ")",
                ErrorCode::InvalidArgument);
      for (size_t c = 0; c < f.menu.size(); ++c) {
        ag.tableBpv.push_back(tb.at(c).number());
        ag.tableDistortion.push_back(td.at(c).number());
      }
    } else {
      g.at("table");
    }
    a.choice.push_back(ag.entry);
    a.pinned.push_back(ag.pinned);
    f.groups.push_back(std::move(ag));
  }
  return f;
}

void saveAllocationFile(const AllocationFile& f, const std::filesystem::path& path) {
  writeFileAtomic(path, toJson(f).dump(2) + "\n");
}

AllocationFile loadAllocationFile(const std::filesystem::path& path) {
  return allocationFileFromJson(readJsonFile(path), path.string());
}

std::vector<std::string> checkAgainstDump(const AllocationFile& f, const Dump& dump) {
  const DumpInfo& info = dump.info();
  const std::string where = info.path.string();
  if (int(f.dump.layers.size()) != info.numLayers)
    throw Error(ErrorCode::InvalidArgument, "dump.layers: the allocation is for " + std::to_string(f.dump.layers.size()) +
                                                " layers, this dump has " + std::to_string(info.numLayers),
                where);
  std::vector<std::string> warnings;
  bool tokens = false;
  for (int l = 0; l < info.numLayers; ++l) {
    const calib::LayerShape& s = f.dump.layers[size_t(l)];
    const LayerInfo& li = info.layers[size_t(l)];
    const std::string at = "dump.layers[" + std::to_string(l) + "]";
    if (s.kvHeads != li.kvHeads)
      throw Error(ErrorCode::InvalidArgument, at + ".kv_heads: the allocation has " + std::to_string(s.kvHeads) +
                                                  ", this dump " + std::to_string(li.kvHeads), where);
    if (s.headDim != li.headDim)
      throw Error(ErrorCode::InvalidArgument, at + ".head_dim: the allocation has " + std::to_string(s.headDim) +
                                                  ", this dump " + std::to_string(li.headDim), where);
    tokens = tokens || s.tokens != li.tokens;
  }
  if (tokens) warnings.push_back("the dump's token counts differ from the calibration's (another recording?)");
  if (!f.dump.model.empty() && !info.modelName.empty() && f.dump.model != info.modelName)
    warnings.push_back("model '" + info.modelName + "' differs from the allocation's '" + f.dump.model + "'");
  else if (calib::identifyDump(dump).hash != f.dump.hash)
    warnings.push_back("the dump's content hash differs from the one calibrated");
  return warnings;
}

std::optional<calib::CalibrationTable> calibrationTableOf(const AllocationFile& f) {
  calib::CalibrationTable t;
  t.dump = f.dump;
  t.settings = f.calibration;
  t.menu = f.menu;
  for (const auto& g : f.groups) {
    if (g.tableBpv.size() != f.menu.size()) return std::nullopt;
    t.groups.push_back(g.group);
    t.weight.push_back(g.weight);
    t.bpv.push_back(g.tableBpv);
    t.distortion.push_back(g.tableDistortion);
  }
  t.refit();
  try {
    t.validate();
  } catch (const Error&) {
    return std::nullopt;  // e.g. an imported file without measured storage
  }
  return t;
}

alloc::VerifyPlan verifyPlanFor(const AllocationFile& f, const Dump& dump) {
  checkAgainstDump(f, dump);
  std::vector<int> layers;
  for (const auto& g : f.groups)
    if (layers.empty() || layers.back() != g.group.key.layer) layers.push_back(g.group.key.layer);
  std::sort(layers.begin(), layers.end());
  layers.erase(std::unique(layers.begin(), layers.end()), layers.end());
  alloc::VerifyPlan p;
  p.menu = f.menu;
  p.groups = calib::makeGroups(dump.info(), f.calibration.granularity, f.calibration.kv, layers);
  std::map<std::string, int> byId;
  for (const auto& g : f.groups) byId[g.group.id] = g.entry;
  for (const auto& g : p.groups) {
    const auto it = byId.find(g.id);
    if (it == byId.end())
      throw Error(ErrorCode::InvalidArgument, "the allocation has no choice for group " + g.id +
                                                  " (its granularity/KV mode do not match its groups)");
    p.choice.push_back(it->second);
  }
  return p;
}

}  // namespace vq::io
