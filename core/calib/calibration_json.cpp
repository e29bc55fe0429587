#include "core/calib/calibration_json.h"

#include <cctype>
#include <fstream>

#include "core/common/atomic_file.h"
#include "core/io/json_fields.h"

namespace vq::calib {

using nlohmann::json;
using io::JsonReader;
using io::jsonNumber;

json toJson(const CalibrationSettings& s) {
  json notes = json::array();
  for (const auto& n : s.notes) notes.push_back(n);
  return {{"probe", std::string(probeName(s.probe))},
          {"metric", std::string(metricName(s.metric))},
          {"granularity", std::string(granularityName(s.granularity))},
          {"kv", std::string(kvModeName(s.kv))},
          {"menu_kind", std::string(menuKindName(s.menuKind))},
          {"protection", io::toJson(s.protection)},
          {"query_positions", s.queryPositions},
          {"query_seed", s.querySeed},
          {"queries", s.queries},
          {"layers", s.layers},
          {"noise_scale", s.noiseScale},
          {"noise_seed", s.noiseSeed},
          {"beta", s.beta},
          {"notes", notes}};
}

namespace {

template <typename T>
T parsed(const JsonReader& r, std::optional<T> (*parse)(std::string_view), const char* valid) {
  const auto v = parse(r.string());
  if (!v) r.fail(std::string("expected ") + valid, ErrorCode::InvalidArgument);
  return *v;
}

}  // namespace

CalibrationSettings calibrationSettingsFromJson(const JsonReader& r) {
  CalibrationSettings s;
  s.probe = parsed<Probe>(r.at("probe"), parseProbe, "keynorm, perturb or empirical");
  s.metric = parsed<Metric>(r.at("metric"), parseMetric, "attention or mse");
  s.granularity = parsed<Granularity>(r.at("granularity"), parseGranularity, "layer or head");
  s.kv = parsed<KvMode>(r.at("kv"), parseKvMode, "joint or separate");
  s.menuKind = parsed<MenuKind>(r.at("menu_kind"), parseMenuKind, "bits or formats");
  s.protection = io::protectionFromJson(r.at("protection"));
  s.queryPositions = r.at("query_positions").integer();
  s.querySeed = r.at("query_seed").unsignedInteger();
  s.queries = r.at("queries").boolean();
  const JsonReader layers = r.at("layers");
  for (size_t i = 0; i < layers.size(); ++i) s.layers.push_back(layers.at(i).integer(0, 1 << 20));
  s.noiseScale = r.at("noise_scale").number();
  s.noiseSeed = r.at("noise_seed").unsignedInteger();
  s.beta = r.at("beta").number();
  const JsonReader notes = r.at("notes");
  for (size_t i = 0; i < notes.size(); ++i) s.notes.push_back(notes.at(i).string());
  return s;
}

json toJson(const CalibrationTable& t) {
  json menu = json::array();
  for (const auto& e : t.menu) menu.push_back(io::toJson(e));
  json groups = json::array();
  for (size_t g = 0; g < t.groups.size(); ++g) {
    json j;
    io::writeGroup(j, t.groups[g]);
    j["weight"] = jsonNumber(t.weight[g]);
    json bpv = json::array(), dist = json::array();
    for (double v : t.bpv[g]) bpv.push_back(jsonNumber(v));
    for (double v : t.distortion[g]) dist.push_back(jsonNumber(v));
    j["bpv"] = bpv;
    j["distortion"] = dist;
    const CurveFit& f = t.fit[g];
    j["fit"] = {{"alpha", jsonNumber(f.alpha)}, {"beta", jsonNumber(f.beta)}, {"r2", jsonNumber(f.r2)},
                {"points", f.points}, {"excluded", f.excluded}};
    groups.push_back(std::move(j));
  }
  return {{"schema", kCalibrationSchema},
          {"version", kCalibrationVersion},
          {"created_by", std::string("veloxquant ") + VQ_VERSION},
          {"dump", io::toJson(t.dump)},
          {"settings", toJson(t.settings)},
          {"menu", menu},
          {"groups", groups}};
}

CalibrationTable calibrationTableFromJson(const json& j, const std::string& file) {
  const JsonReader root(j, "", file);
  io::checkSchema(root, kCalibrationSchema, kCalibrationVersion);
  CalibrationTable t;
  t.dump = io::dumpIdentityFromJson(root.at("dump"));
  t.settings = calibrationSettingsFromJson(root.at("settings"));
  const JsonReader menu = root.at("menu");
  for (size_t i = 0; i < menu.size(); ++i) t.menu.push_back(io::menuEntryFromJson(menu.at(i)));
  if (t.menu.empty()) menu.fail("the menu is empty", ErrorCode::InvalidArgument);
  const JsonReader groups = root.at("groups");
  if (groups.size() == 0) groups.fail("no groups", ErrorCode::InvalidArgument);
  for (size_t i = 0; i < groups.size(); ++i) {
    const JsonReader g = groups.at(i);
    t.groups.push_back(io::groupFromJson(g));
    t.weight.push_back(g.at("weight").number());
    auto readRow = [&](const char* name) {
      const JsonReader row = g.at(name);
      if (row.size() != t.menu.size())
        row.fail("needs one value per menu entry (" + std::to_string(t.menu.size()) + ")", ErrorCode::InvalidArgument);
      std::vector<double> v;
      for (size_t c = 0; c < row.size(); ++c) v.push_back(row.at(c).number());
      return v;
    };
    t.bpv.push_back(readRow("bpv"));
    t.distortion.push_back(readRow("distortion"));
    if (t.groups.back().key.layer >= int(t.dump.layers.size()))
      g.at("layer").fail("the dump has " + std::to_string(t.dump.layers.size()) + " layers", ErrorCode::InvalidArgument);
    for (size_t k = 0; k + 1 < t.groups.size(); ++k)
      if (t.groups[k].id == t.groups.back().id) g.at("id").fail("duplicate group id", ErrorCode::InvalidArgument);
  }
  try {
    t.fit.assign(t.groups.size(), CurveFit{});
    t.validate();
  } catch (const Error& e) {
    throw Error(e.code(), e.detail(), file);
  }
  t.refit();
  return t;
}

void saveCalibrationTable(const CalibrationTable& t, const std::filesystem::path& path) {
  writeFileAtomic(path, toJson(t).dump(2) + "\n");
}

CalibrationTable loadCalibrationTable(const std::filesystem::path& path) {
  return calibrationTableFromJson(io::readJsonFile(path), path.string());
}

bool isCalibrationTableFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  char first = 0;
  while (in.get(first) && std::isspace(static_cast<unsigned char>(first))) {
  }
  if (first != '{') return false;
  try {
    const json j = io::readJsonFile(path);
    return j.is_object() && j.value("schema", std::string()) == kCalibrationSchema;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace vq::calib
