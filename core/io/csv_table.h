// A table of text cells written as RFC 4180 CSV (quoted where needed), atomically.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace vq {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::string toString() const;
  void write(const std::filesystem::path& path) const;  // atomic; throws Error(Io) naming the file
};

// Formats a number for CSV/JSON-free output: %.6g, "nan" for NaN, "" for "not available".
std::string csvNumber(double v);

}  // namespace vq
