#include "core/io/dump_metadata.h"

#include <fstream>
#include <iterator>
#include <system_error>

#include "core/common/error.h"

namespace vq::io {

namespace {

std::optional<int64_t> positiveInt(const nlohmann::json& meta, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    const auto it = meta.find(k);
    if (it == meta.end()) continue;
    if (it->is_number_integer() && it->get<int64_t>() > 0) return it->get<int64_t>();
  }
  return std::nullopt;
}

}  // namespace

std::filesystem::path sidecarPathFor(const std::filesystem::path& file) {
  std::filesystem::path p = file;
  p.replace_extension(".json");
  return p;
}

nlohmann::json readSidecar(const std::filesystem::path& jsonPath, const std::filesystem::path& dump) {
  const std::filesystem::path shown = dump.has_filename() ? dump.filename() : dump.parent_path().filename();
  const std::string of = " of " + shown.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(jsonPath, ec)) return nlohmann::json::object();
  std::ifstream in(jsonPath, std::ios::binary);
  if (!in) throw Error(ErrorCode::Io, "cannot read the metadata sidecar" + of, jsonPath.string());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(ErrorCode::BadJson, "the metadata sidecar" + of + " is not valid JSON: " + e.what(),
                jsonPath.string(), {}, int64_t(e.byte > 0 ? e.byte - 1 : 0));
  } catch (const nlohmann::json::exception& e) {  // e.g. out_of_range 406: a number like 1e400
    throw Error(ErrorCode::BadJson, "the metadata sidecar" + of + " is not valid JSON: " + e.what(), jsonPath.string());
  }
  if (!j.is_object()) {
    throw Error(ErrorCode::BadJson, "the metadata sidecar" + of + " must hold a JSON object", jsonPath.string());
  }
  return j;
}

nlohmann::json decodeSafetensorsMetadata(const nlohmann::json& stored) {
  nlohmann::json out = nlohmann::json::object();
  if (!stored.is_object()) return out;
  for (auto it = stored.begin(); it != stored.end(); ++it) {
    nlohmann::json v = it.value();
    if (v.is_string()) {
      nlohmann::json parsed = nlohmann::json::parse(v.get<std::string>(), nullptr, false);
      if (!parsed.is_discarded()) v = std::move(parsed);
    }
    out[it.key()] = std::move(v);
  }
  return out;
}

nlohmann::json mergeMetadata(nlohmann::json base, const nlohmann::json& overlay) {
  if (!base.is_object()) base = nlohmann::json::object();
  if (!overlay.is_object()) return base;
  for (auto it = overlay.begin(); it != overlay.end(); ++it) base[it.key()] = it.value();
  return base;
}

MetadataFacts metadataFacts(const nlohmann::json& meta) {
  MetadataFacts f;
  if (!meta.is_object()) return f;
  if (const auto it = meta.find("layout"); it != meta.end()) {
    const std::string v = it->is_string() ? it->get<std::string>() : it->dump();
    if (v == "HTD") f.layout = Layout::HTD;
    else if (v == "1HTD") f.layout = Layout::BHTD;
    else if (v == "THD") f.layout = Layout::THD;
    else {
      throw Error(ErrorCode::BadJson,
                  "metadata \"layout\" is '" + v + "'; it must be \"HTD\", \"1HTD\" or \"THD\"");
    }
  }
  f.kvHeads = positiveInt(meta, {"num_kv_heads", "num_key_value_heads", "n_kv_heads"});
  f.qHeads = positiveInt(meta, {"num_heads", "num_attention_heads", "n_heads"});
  return f;
}

bool declaresBf16(const nlohmann::json& meta, std::string_view name) {
  if (!meta.is_object()) return false;
  const auto isBf16 = [](const nlohmann::json& v) {
    return v.is_string() && parseDtypeName(v.get<std::string>()) == DType::BF16;
  };
  if (const auto t = meta.find("tensors"); t != meta.end() && t->is_object()) {
    const auto e = t->find(std::string(name));
    if (e != t->end() && e->is_object()) {
      if (const auto d = e->find("dtype"); d != e->end()) return isBf16(*d);
    }
  }
  const auto d = meta.find("dtype");
  return d != meta.end() && isBf16(*d);
}

std::string metadataModelName(const nlohmann::json& meta) {
  if (!meta.is_object()) return {};
  for (const char* k : {"model", "model_name"}) {
    const auto it = meta.find(k);
    if (it != meta.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

bool metadataSynthetic(const nlohmann::json& meta) {
  if (!meta.is_object()) return false;
  const auto it = meta.find("synthetic");
  return it != meta.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace vq::io
