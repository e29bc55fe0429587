// Read-only memory mapping of a whole file (RAII). Dumps are never copied into memory whole.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

namespace vq {

class MappedFile {
 public:
  // Maps `path` read-only. Throws vq::Error (NotFound, Io) naming the file.
  static std::shared_ptr<const MappedFile> open(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::span<const std::byte> bytes() const { return {m_data, m_size}; }
  size_t size() const { return m_size; }
  const std::filesystem::path& path() const { return m_path; }

 private:
  MappedFile() = default;
  std::filesystem::path m_path;
  const std::byte* m_data = nullptr;
  size_t m_size = 0;
};

}  // namespace vq
