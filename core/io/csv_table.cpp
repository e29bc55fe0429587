#include "core/io/csv_table.h"

#include <cmath>
#include <cstdio>

#include "core/common/atomic_file.h"

namespace vq {

namespace {
std::string quote(const std::string& cell) {
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string q = "\"";
  for (char c : cell) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + '"';
}

void appendRow(std::string& out, const std::vector<std::string>& row) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out += ',';
    out += quote(row[i]);
  }
  out += "\r\n";
}
}  // namespace

std::string CsvTable::toString() const {
  std::string out;
  appendRow(out, header);
  for (const auto& r : rows) appendRow(out, r);
  return out;
}

void CsvTable::write(const std::filesystem::path& path) const { writeFileAtomic(path, toString()); }

std::string csvNumber(double v) {
  if (std::isnan(v)) return "nan";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace vq
