// A corpus of malformed dumps, each with the error Dump::open must report. Used by the
// parameterised loader test, and meant as seeds for fuzzing the loader.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/common/error.h"

namespace vq::test {

struct MalformedCase {
  std::string name;     // also the name of the case's own folder
  ErrorCode expected;
};

// Every case, in a stable order.
const std::vector<MalformedCase>& malformedCases();

// Writes case `name` into `dir/<name>/` and returns the path to pass to Dump::open (which may not
// exist, for the "does not exist" case). Throws std::out_of_range for an unknown name.
std::filesystem::path writeMalformedCase(const std::string& name, const std::filesystem::path& dir);

// Writes every case; returns (path to open, expected code) pairs.
std::vector<std::pair<std::filesystem::path, ErrorCode>> writeMalformedCorpus(const std::filesystem::path& dir);

}  // namespace vq::test
