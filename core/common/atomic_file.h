// Atomic file writing: data goes to "<target>.tmp-XXXXXX" in the same folder, is flushed
// (fsync) and renamed over the target only by commit(). If commit() is never reached (error,
// exception, cancel) the temporary is removed and the old target is untouched.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace vq {

class AtomicFile {
 public:
  // Creates the temporary file. Throws vq::Error (Io) naming the target.
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // discards unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::span<const std::byte> data);
  void write(std::string_view text) { write(std::as_bytes(std::span(text.data(), text.size()))); }
  // Writes at an absolute position (to patch a header after streaming the data).
  void writeAt(uint64_t offset, std::span<const std::byte> data);
  uint64_t position() const { return m_pos; }
  // Reserves `bytes` of disk now (posix_fallocate) so a full disk fails before streaming.
  void reserve(uint64_t bytes);
  void commit();
  void discard();
  const std::filesystem::path& target() const { return m_target; }

 private:
  std::filesystem::path m_target;
  std::string m_tmp;
  int m_fd = -1;
  uint64_t m_pos = 0;
  bool m_done = false;
};

// Writes the whole text atomically.
void writeFileAtomic(const std::filesystem::path& target, std::string_view text);

}  // namespace vq
