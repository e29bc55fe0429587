// Byte-level builders for test dumps: .npy, ZIP (stored or deflate, via zlib), safetensors.
// They write exactly what they are told, so tests can also build malformed files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vq::test {

// A fresh, empty folder under the system temp folder, removed (recursively) on destruction.
class TempDir {
 public:
  explicit TempDir(std::string_view tag = "vq-io-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(std::string_view name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

void writeBytes(const std::filesystem::path& path, std::string_view bytes);
std::string readBytes(const std::filesystem::path& path);

// Little-endian bytes of floats / of uint16 values.
std::string floatBytes(const std::vector<float>& v);
// `count` deterministic pseudo-random floats in [-2, 2) (seeded).
std::vector<float> testValues(size_t count, uint32_t seed);

// "(2, 3, 4)" in Python tuple syntax.
std::string pyShape(const std::vector<int64_t>& shape);
// A .npy v1 file: header dict {'descr': descr, 'fortran_order': ..., 'shape': shapeText}, then payload.
std::string npyBytes(std::string_view descr, std::string_view shapeText, std::string_view payload,
                     bool fortranOrder = false);
std::string npyBytes(std::string_view descr, const std::vector<int64_t>& shape, std::string_view payload,
                     bool fortranOrder = false);
// A .npy v1 file whose header dict text is exactly `dict` (padded to 64 bytes).
std::string npyWithHeaderText(std::string_view dict, std::string_view payload);
// A .npy of f32 values.
std::string npyF32(const std::vector<int64_t>& shape, const std::vector<float>& values);

struct ZipMember {
  std::string name;
  std::string data;                  // uncompressed
  bool deflate = false;              // compress with zlib (method 8) instead of storing
  std::optional<uint16_t> method;    // method number to write (defaults to 0 / 8)
  std::optional<uint32_t> crc;       // CRC32 to write (defaults to the real one)
  uint16_t flags = 0;
};
// A complete ZIP archive (no ZIP64 records).
std::string zipBytes(const std::vector<ZipMember>& members);
// Raw DEFLATE (no zlib header) of `data`.
std::string deflateRaw(std::string_view data);

// Offsets inside an archive built by zipBytes: the EOCD record and the first central entry.
size_t zipEocdOffset(const std::string& zip);
size_t zipCentralOffset(const std::string& zip);
void patchLE16(std::string& s, size_t at, uint16_t v);
void patchLE32(std::string& s, size_t at, uint32_t v);
void patchLE64(std::string& s, size_t at, uint64_t v);

// A safetensors file: 8-byte length, the header text as given, the payload.
std::string safetensorsBytes(std::string_view headerJson, std::string_view payload);

}  // namespace vq::test
