// The JSON documents we write (allocation files, calibration tables) promise that what loads
// saves and loads again to the same JSON. Fuzz targets check that promise on every input the
// loader accepts, besides "only vq::Error may escape".
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace vq::fuzz {

// The text as readJsonFile parses it; nullopt when it is not JSON (readJsonFile's Error(BadJson)).
inline std::optional<nlohmann::json> parseJson(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return j;
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
