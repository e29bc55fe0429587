#include "core/io/json_fields.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "core/quant/registry.h"

namespace vq::io {

using nlohmann::json;

void JsonReader::fail(const std::string& problem, ErrorCode code) const {
  throw Error(code, (m_path.empty() ? std::string("document") : m_path) + ": " + problem, m_file);
}

JsonReader JsonReader::at(std::string_view key) const {
  if (!m_value->is_object()) fail("expected an object");
  const auto it = m_value->find(key);
  const std::string p = m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
  if (it == m_value->end()) throw Error(ErrorCode::BadJson, p + ": missing", m_file);
  return JsonReader(*it, p, m_file);
}

std::optional<JsonReader> JsonReader::find(std::string_view key) const {
  if (!m_value->is_object()) fail("expected an object");
  const auto it = m_value->find(key);
  if (it == m_value->end() || it->is_null()) return std::nullopt;
  return JsonReader(*it, m_path.empty() ? std::string(key) : m_path + "." + std::string(key), m_file);
}

JsonReader JsonReader::at(size_t index) const {
  if (!m_value->is_array()) fail("expected an array");
  if (index >= m_value->size()) fail("index " + std::to_string(index) + " out of range");
  return JsonReader((*m_value)[index], m_path + "[" + std::to_string(index) + "]", m_file);
}

size_t JsonReader::size() const {
  if (!m_value->is_array()) fail("expected an array");
  return m_value->size();
}

std::string JsonReader::string() const {
  if (!m_value->is_string()) fail("expected a string");
  return m_value->get<std::string>();
}

double JsonReader::number() const {
  if (!m_value->is_number()) fail("expected a number");
  return m_value->get<double>();
}

double JsonReader::numberOrNaN() const {
  if (m_value->is_null()) return std::numeric_limits<double>::quiet_NaN();
  return number();
}

int64_t JsonReader::integer() const {
  if (m_value->is_number_integer()) return m_value->get<int64_t>();
  if (m_value->is_number_float()) {
    const double d = m_value->get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) return int64_t(d);
  }
  fail("expected an integer");
}

int JsonReader::integer(int64_t min, int64_t max) const {
  const int64_t v = integer();
  if (v < min || v > max)
    fail(std::to_string(v) + " is out of range [" + std::to_string(min) + ", " + std::to_string(max) + "]",
         ErrorCode::InvalidArgument);
  return int(v);
}

uint64_t JsonReader::unsignedInteger() const {
  if (m_value->is_number_unsigned()) return m_value->get<uint64_t>();
  const int64_t v = integer();
  if (v < 0) fail("expected a non-negative integer");
  return uint64_t(v);
}

bool JsonReader::boolean() const {
  if (!m_value->is_boolean()) fail("expected true or false");
  return m_value->get<bool>();
}

json readJsonFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error(ErrorCode::NotFound, "no such file", path.string());
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Io, "cannot open for reading", path.string());
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    return json::parse(ss.str());
  } catch (const json::parse_error& e) {
    throw Error(ErrorCode::BadJson, std::string("not valid JSON: ") + e.what(), path.string(), {},
                int64_t(e.byte) - 1);
  } catch (const json::exception& e) {  // e.g. out_of_range 406: a number like 1e400
    throw Error(ErrorCode::BadJson, std::string("not valid JSON: ") + e.what(), path.string());
  }
}

int checkSchema(const JsonReader& root, std::string_view schema, int maxVersion) {
  const std::string s = root.at("schema").string();
  if (s != schema) root.at("schema").fail("expected \"" + std::string(schema) + "\", got \"" + s + "\"");
  const JsonReader v = root.at("version");
  const int64_t version = v.integer();
  if (version < 1 || version > maxVersion)
    v.fail("version " + std::to_string(version) + " is not supported (this build reads 1 to " +
               std::to_string(maxVersion) + ")",
           ErrorCode::Unsupported);
  return int(version);
}

json jsonNumber(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json toJson(const quant::MethodConfig& c) {
  return {{"method", c.method},
          {"bits", c.bits},
          {"group_size", c.groupSize},
          {"norm_correction", c.normCorrection},
          {"sketch_dim", c.sketchDim},
          {"residual_window", c.residualWindow},
          {"seed", c.seed}};
}

quant::MethodConfig methodConfigFromJson(const JsonReader& r) {
  quant::MethodConfig c;
  c.method = r.at("method").string();
  if (!quant::findMethod(c.method))
    r.at("method").fail("unknown method '" + c.method + "'", ErrorCode::InvalidArgument);
  c.bits = r.at("bits").integer(0, 64);
  c.groupSize = r.at("group_size").integer(0, 1 << 20);
  c.normCorrection = r.at("norm_correction").boolean();
  c.sketchDim = r.at("sketch_dim").integer(0, 1 << 20);
  c.residualWindow = r.at("residual_window").integer(0, int64_t(1) << 40);
  c.seed = r.at("seed").unsignedInteger();
  return c;
}

json toJson(const quant::ProtectionConfig& p) {
  return {{"sink_tokens", p.sinkTokens},
          {"z_score", p.zScore},
          {"residual_window", p.residualWindow},
          {"outlier_channels", p.outlierChannels}};
}

quant::ProtectionConfig protectionFromJson(const JsonReader& r) {
  quant::ProtectionConfig p;
  p.sinkTokens = r.at("sink_tokens").integer(0, int64_t(1) << 40);
  p.zScore = r.at("z_score").number();
  p.residualWindow = r.at("residual_window").integer(0, int64_t(1) << 40);
  p.outlierChannels = r.at("outlier_channels").integer(0, 1 << 20);
  try {
    quant::validate(p);
  } catch (const Error& e) {
    r.fail(e.detail(), ErrorCode::InvalidArgument);
  }
  return p;
}

json toJson(const calib::DumpIdentity& d) {
  json layers = json::array();
  for (const auto& l : d.layers)
    layers.push_back({{"q_heads", l.qHeads}, {"kv_heads", l.kvHeads}, {"tokens", l.tokens}, {"head_dim", l.headDim}});
  return {{"path", d.path}, {"model", d.model}, {"hash", d.hash}, {"layers", layers}};
}

calib::DumpIdentity dumpIdentityFromJson(const JsonReader& r) {
  calib::DumpIdentity d;
  d.path = r.at("path").string();
  d.model = r.at("model").string();
  d.hash = r.at("hash").string();
  const JsonReader layers = r.at("layers");
  for (size_t i = 0; i < layers.size(); ++i) {
    const JsonReader l = layers.at(i);
    calib::LayerShape s;
    s.qHeads = l.at("q_heads").integer(0, 1 << 20);
    s.kvHeads = l.at("kv_heads").integer(1, 1 << 20);
    s.tokens = l.at("tokens").integer();
    if (s.tokens <= 0) l.at("tokens").fail("must be positive", ErrorCode::InvalidArgument);
    s.headDim = l.at("head_dim").integer(1, 1 << 20);
    d.layers.push_back(s);
  }
  return d;
}

json toJson(const calib::MenuEntry& e) {
  return {{"label", e.label}, {"bits", e.bits}, {"bpv", jsonNumber(e.bpv)}, {"config", toJson(e.config)}};
}

calib::MenuEntry menuEntryFromJson(const JsonReader& r) {
  calib::MenuEntry e;
  e.config = methodConfigFromJson(r.at("config"));
  e.bits = r.at("bits").integer(0, 64);
  e.bpv = r.at("bpv").numberOrNaN();
  e.label = r.at("label").string();
  const auto* info = quant::findMethod(e.config.method);
  if (info->bits.empty()) {
    if (e.bits != 0) r.at("bits").fail(e.config.method + " is a fixed format: bits must be 0", ErrorCode::InvalidArgument);
  } else {
    bool ok = false;
    for (int b : info->bits) ok = ok || b == e.bits;
    if (!ok || e.bits != e.config.bits)
      r.at("bits").fail(e.config.method + " has no " + std::to_string(e.bits) + "-bit setting (or it disagrees with config.bits)",
                        ErrorCode::InvalidArgument);
  }
  if (e.label != calib::entryLabel(e.config))
    r.at("label").fail("expected \"" + calib::entryLabel(e.config) + "\" for this config", ErrorCode::InvalidArgument);
  return e;
}

void writeGroup(json& j, const calib::Group& g) {
  j["id"] = g.id;
  j["layer"] = g.key.layer;
  j["head"] = g.key.head >= 0 ? json(g.key.head) : json(nullptr);
  j["role"] = std::string(calib::groupRoleName(g.key.role));
  j["values"] = g.values;
  j["tokens"] = g.tokens;
  j["head_dim"] = g.headDim;
  j["heads"] = g.heads;
}

calib::Group groupFromJson(const JsonReader& r) {
  calib::Group g;
  g.key.layer = r.at("layer").integer(0, 1 << 20);
  const auto head = r.find("head");
  g.key.head = head ? head->integer(0, 1 << 20) : -1;
  const auto role = calib::parseGroupRole(r.at("role").string());
  if (!role) r.at("role").fail("expected \"K\", \"V\" or \"KV\"", ErrorCode::InvalidArgument);
  g.key.role = *role;
  g.id = r.at("id").string();
  if (g.id != g.key.id()) r.at("id").fail("expected \"" + g.key.id() + "\" for this layer/head/role", ErrorCode::InvalidArgument);
  g.values = r.at("values").integer();
  g.tokens = r.at("tokens").integer();
  g.headDim = r.at("head_dim").integer(1, 1 << 20);
  g.heads = r.at("heads").integer(1, 1 << 20);
  if (g.tokens <= 0) r.at("tokens").fail("must be positive", ErrorCode::InvalidArgument);
  const int64_t expect = g.tokens * g.headDim * g.heads * (g.key.role == calib::GroupRole::KV ? 2 : 1);
  if (g.values != expect)
    r.at("values").fail("expected tokens*head_dim*heads*(2 if KV) = " + std::to_string(expect), ErrorCode::InvalidArgument);
  return g;
}

}  // namespace vq::io
