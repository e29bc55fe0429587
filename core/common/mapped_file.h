// Read-only memory mapping of a whole file (RAII). Dumps are never copied into memory whole.
//
// Truncation while mapped: when another process shortens the file, touching a mapped page past
// its new end raises SIGBUS, which would kill the process. Every copy out of the mapping after
// opening goes through guardedRead(), which turns that SIGBUS into Error(Truncated) naming the
// file. Why a signal handler and not an fstat() before each read: the file can shrink between the
// check and the copy, so only catching the fault itself is safe. The handler is installed once
// per process (SA_SIGINFO, chaining to any previous handler for faults outside a guarded read);
// the guard is thread-local, so concurrent readers on other threads are unaffected.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <type_traits>

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

  // Runs `copy`, which reads from bytes(), so that a SIGBUS raised by touching a page the file no
  // longer has becomes Error(Truncated) naming the file. On the fault the stack of `copy` is left
  // with siglongjmp, so `copy` must only copy or convert: no allocation, no locks, no objects
  // with destructors in its frames (memcpy, convertToF32 and CRC loops qualify).
  template <class F>
  void guardedRead(F&& copy) const {
    using Fn = std::remove_reference_t<F>;
    guardedReadImpl([](void* f) { (*static_cast<Fn*>(f))(); }, const_cast<void*>(static_cast<const void*>(&copy)));
  }

  // Drops this process's page-table entries for the whole pages inside [offset, offset + size)
  // (madvise MADV_DONTNEED): the data stays in the page cache and is faulted in again if read,
  // but it no longer counts in this process's resident memory. For streaming over huge dumps.
  void release(uint64_t offset, uint64_t size) const;

 private:
  MappedFile() = default;
  void guardedReadImpl(void (*call)(void*), void* copy) const;
  std::filesystem::path m_path;
  const std::byte* m_data = nullptr;
  size_t m_size = 0;
};

}  // namespace vq
