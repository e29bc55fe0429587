// The JSON documents we write (allocation files, calibration tables) promise that what loads
// saves and loads again to the same JSON. Fuzz targets check that promise on every input the
// loader accepts, besides "only vq::Error may escape".
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/io/json_fields.h"
#include "fuzz_support.h"

namespace vq::fuzz {

// The text parsed by readJsonFile, the function the loaders use (written to a scratch file);
// nullopt when it refuses the text with vq::Error. Any other exception escapes: a finding.
inline std::optional<nlohmann::json> parseJson(std::string_view text) {
  const std::filesystem::path file = scratchDir() / "input.json";
  writeFile(file, text);
  try {
    return io::readJsonFile(file);
  } catch (const Error&) {
    return std::nullopt;
  }
}

inline void requireSameJson(const nlohmann::json& first, const nlohmann::json& second, const char* what) {
  const std::string a = first.dump(), b = second.dump();
  if (a != b) {
    std::fprintf(stderr, "%s: save -> load -> save changed the document\nfirst:  %s\nsecond: %s\n", what,
                 a.c_str(), b.c_str());
    std::abort();
  }
}

}  // namespace vq::fuzz
