#include "core/io/safetensors_format.h"

#include <algorithm>
#include <set>

#include "core/common/error.h"
#include "core/io/byte_io.h"

namespace vq::io {

namespace {

constexpr int64_t kHeaderAt = 8;

[[noreturn]] void fail(ErrorCode code, std::string detail, std::string tensor = {},
                       int64_t offset = kHeaderAt) {
  throw Error(code, std::move(detail), {}, std::move(tensor), offset);
}

// Element size of every dtype name the safetensors specification knows.
std::optional<uint64_t> safetensorsItemSize(std::string_view t) {
  if (t == "F64" || t == "I64" || t == "U64" || t == "C64") return 8;
  if (t == "F32" || t == "I32" || t == "U32") return 4;
  if (t == "F16" || t == "BF16" || t == "I16" || t == "U16") return 2;
  if (t == "BOOL" || t == "U8" || t == "I8" || t == "F8_E4M3" || t == "F8_E5M2" || t == "F8_E8M0")
    return 1;
  return std::nullopt;
}

std::optional<DType> supportedDtype(std::string_view t) {
  if (t == "F32") return DType::F32;
  if (t == "F16") return DType::F16;
  if (t == "BF16") return DType::BF16;
  return std::nullopt;
}

uint64_t offsetValue(const nlohmann::json& v, const std::string& name) {
  if (v.is_number_unsigned()) return v.get<uint64_t>();
  if (v.is_number_integer()) {
    fail(ErrorCode::OffsetOutOfRange, "negative data offset " + v.dump(), name);
  }
  fail(ErrorCode::BadHeader, "data_offsets must be two non-negative integers, not " + v.dump(), name);
}

SafetensorsEntry parseEntry(const std::string& name, const nlohmann::json& e, uint64_t dataStart,
                            uint64_t dataSize) {
  if (!e.is_object() || !e.contains("dtype") || !e.contains("shape") || !e.contains("data_offsets")) {
    fail(ErrorCode::BadHeader, "the entry needs \"dtype\", \"shape\" and \"data_offsets\"", name);
  }
  SafetensorsEntry s;
  s.name = name;
  if (!e["dtype"].is_string()) fail(ErrorCode::BadHeader, "\"dtype\" is not a string", name);
  s.dtypeText = e["dtype"].get<std::string>();
  const std::optional<uint64_t> itemSize = safetensorsItemSize(s.dtypeText);
  if (!itemSize) fail(ErrorCode::UnsupportedDtype, unsupportedSafetensorsDtypeText(s.dtypeText), name);
  s.dtype = supportedDtype(s.dtypeText);

  if (!e["shape"].is_array()) fail(ErrorCode::BadHeader, "\"shape\" is not a list", name);
  for (const auto& d : e["shape"]) {
    if (d.is_number_unsigned()) {
      if (d.get<uint64_t>() > uint64_t(INT64_MAX)) fail(ErrorCode::BadShape, "dimension " + d.dump() + " is too large", name);
      s.shape.push_back(int64_t(d.get<uint64_t>()));
    } else if (d.is_number_integer()) {
      fail(ErrorCode::BadShape, "negative dimension " + d.dump() + " in the shape", name);
    } else {
      fail(ErrorCode::BadHeader, "the shape holds a non-integer " + d.dump(), name);
    }
  }
  const auto bytes = checkedByteCount(s.shape, *itemSize);
  if (!bytes) fail(ErrorCode::BadShape, "shape " + shapeText(s.shape) + " overflows 64-bit sizes", name);

  const nlohmann::json& off = e["data_offsets"];
  if (!off.is_array() || off.size() != 2) {
    fail(ErrorCode::BadHeader, "\"data_offsets\" must be [begin, end]", name);
  }
  const uint64_t begin = offsetValue(off[0], name), end = offsetValue(off[1], name);
  if (begin > end || end > dataSize) {
    fail(ErrorCode::OffsetOutOfRange,
         "data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
             "] are not inside the data region of " + std::to_string(dataSize) + " bytes",
         name, int64_t(dataStart));
  }
  if (end - begin != *bytes) {
    fail(ErrorCode::BadHeader,
         "data_offsets span " + std::to_string(end - begin) + " bytes, but shape " + shapeText(s.shape) +
             " of " + s.dtypeText + " needs " + std::to_string(*bytes),
         name, int64_t(dataStart + begin));
  }
  s.begin = dataStart + begin;
  s.end = dataStart + end;
  return s;
}

}  // namespace

SafetensorsHeader parseSafetensorsHeader(std::span<const std::byte> file) {
  if (file.empty()) fail(ErrorCode::Truncated, "the file is empty", {}, 0);
  if (file.size() < 8) fail(ErrorCode::Truncated, "the file is shorter than the 8-byte header length", {}, 0);
  const uint64_t n = loadLE64(file.data());
  if (n == 0 || n > file.size() - 8) {
    fail(ErrorCode::BadHeader,
         "header length " + std::to_string(n) + " runs past the end of the file (" +
             std::to_string(file.size()) + " bytes)",
         {}, 0);
  }
  const char* text = reinterpret_cast<const char*>(file.data() + 8);

  // Parse, refusing duplicate tensor names (JSON objects would silently keep the last one).
  std::set<std::string> seen;
  std::string duplicate;
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(
        text, text + n,
        [&](int depth, nlohmann::json::parse_event_t ev, nlohmann::json& parsed) {
          if (ev == nlohmann::json::parse_event_t::key && depth == 1 && parsed.is_string()) {
            if (!seen.insert(parsed.get<std::string>()).second && duplicate.empty()) {
              duplicate = parsed.get<std::string>();
            }
          }
          return true;
        });
  } catch (const nlohmann::json::exception& e) {
    fail(ErrorCode::BadJson, std::string("the header is not valid JSON: ") + e.what());
  }
  if (!duplicate.empty()) {
    fail(ErrorCode::DuplicateTensor, "the header names this tensor more than once", duplicate);
  }
  if (!root.is_object()) fail(ErrorCode::BadHeader, "the header is not a JSON object");

  SafetensorsHeader h;
  h.dataStart = 8 + n;
  const uint64_t dataSize = file.size() - h.dataStart;
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (it.key() == "__metadata__") {
      if (!it.value().is_object()) fail(ErrorCode::BadHeader, "\"__metadata__\" is not an object");
      h.metadata = it.value();
      continue;
    }
    h.entries.push_back(parseEntry(it.key(), it.value(), h.dataStart, dataSize));
  }
  std::sort(h.entries.begin(), h.entries.end(), [](const auto& a, const auto& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  for (size_t i = 1; i < h.entries.size(); ++i) {
    const auto& prev = h.entries[i - 1];
    const auto& cur = h.entries[i];
    if (cur.begin < prev.end) {
      fail(ErrorCode::OffsetOutOfRange, "its data overlaps the data of '" + prev.name + "'", cur.name,
           int64_t(cur.begin));
    }
  }
  return h;
}

std::string_view safetensorsDtypeName(DType t) {
  switch (t) {
    case DType::F32: return "F32";
    case DType::F16: return "F16";
    case DType::BF16: return "BF16";
  }
  return "F32";
}

std::string unsupportedSafetensorsDtypeText(std::string_view dtype) {
  return "dtype '" + std::string(dtype) + "' is not supported; F32, F16 and BF16 are";
}

std::string buildSafetensorsHeader(std::span<const TensorSpec> tensors, const nlohmann::json& metadata) {
  nlohmann::ordered_json root = nlohmann::ordered_json::object();
  if (metadata.is_object() && !metadata.empty()) {
    nlohmann::ordered_json meta = nlohmann::ordered_json::object();
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
      meta[it.key()] = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
    }
    root["__metadata__"] = std::move(meta);
  }
  uint64_t offset = 0;
  for (const TensorSpec& t : tensors) {
    if (t.name == "__metadata__") {
      throw Error(ErrorCode::InvalidArgument, "a tensor cannot be named \"__metadata__\"");
    }
    const auto bytes = checkedByteCount(t.shape, dtypeSize(t.dtype));
    if (!bytes) throw Error(ErrorCode::BadShape, "shape " + shapeText(t.shape) + " is invalid", {}, t.name);
    nlohmann::ordered_json e;
    e["dtype"] = std::string(safetensorsDtypeName(t.dtype));
    e["shape"] = t.shape;
    e["data_offsets"] = {offset, offset + *bytes};
    root[t.name] = std::move(e);
    offset += *bytes;
  }
  std::string json = root.dump();
  json.append((8 - json.size() % 8) % 8, ' ');
  std::string out;
  putLE64(out, json.size());
  return out + json;
}

}  // namespace vq::io
