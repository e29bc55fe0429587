// Reading our own JSON documents (calibration tables, allocation files) with errors that name
// the field: "groups[3].bits: expected an integer". And the JSON form of the small structs
// several documents share (method configs, protection, dump identity, menu entries).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/calib/dump_identity.h"
#include "core/calib/group.h"
#include "core/calib/menu.h"
#include "core/common/error.h"
#include "core/quant/method.h"
#include "core/quant/protection.h"

namespace vq::io {

// A view of one JSON value and where it sits in the document. Every accessor throws
// Error(BadJson) with "<path>: <problem>" and the file name when the shape is wrong.
class JsonReader {
 public:
  JsonReader(const nlohmann::json& value, std::string path, std::string file)
      : m_value(&value), m_path(std::move(path)), m_file(std::move(file)) {}

  JsonReader at(std::string_view key) const;                // required member of an object
  std::optional<JsonReader> find(std::string_view key) const;  // absent or null -> nullopt
  JsonReader at(size_t index) const;                        // element of an array
  size_t size() const;                                      // array length (throws if not an array)
  bool isNull() const { return m_value->is_null(); }

  std::string string() const;
  double number() const;          // any JSON number
  int64_t integer() const;        // integral JSON number
  int integer(int64_t min, int64_t max) const;  // with a range check
  uint64_t unsignedInteger() const;
  bool boolean() const;
  double numberOrNaN() const;     // null reads as NaN (how we write non-finite numbers)

  const std::string& path() const { return m_path; }
  const std::string& file() const { return m_file; }
  const nlohmann::json& json() const { return *m_value; }
  [[noreturn]] void fail(const std::string& problem, ErrorCode code = ErrorCode::BadJson) const;

 private:
  const nlohmann::json* m_value;
  std::string m_path, m_file;
};

// Parses a whole file as JSON; Error(BadJson) with the parser's position when it is not JSON,
// Error(NotFound/Io) when it cannot be read.
nlohmann::json readJsonFile(const std::filesystem::path& path);
// Checks "schema" == schema and an integer "version" <= maxVersion; returns the version.
int checkSchema(const JsonReader& root, std::string_view schema, int maxVersion);

// NaN/inf are written as null (JSON has no such numbers).
nlohmann::json jsonNumber(double v);

nlohmann::json toJson(const quant::MethodConfig& c);
quant::MethodConfig methodConfigFromJson(const JsonReader& r);  // checks the method is known
nlohmann::json toJson(const quant::ProtectionConfig& p);
quant::ProtectionConfig protectionFromJson(const JsonReader& r);
nlohmann::json toJson(const calib::DumpIdentity& d);
calib::DumpIdentity dumpIdentityFromJson(const JsonReader& r);
nlohmann::json toJson(const calib::MenuEntry& e);
calib::MenuEntry menuEntryFromJson(const JsonReader& r);  // checks bits against the registry
// A group's key and size: {"id", "layer", "head" (null: all), "role", "values", "tokens", "head_dim", "heads"}.
void writeGroup(nlohmann::json& j, const calib::Group& g);
calib::Group groupFromJson(const JsonReader& r);

}  // namespace vq::io
