#include "core/common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/common/error.h"

namespace vq {

namespace {
[[noreturn]] void fail(const std::filesystem::path& target, const char* what, int err) {
  throw Error(ErrorCode::Io, std::string(what) + ": " + std::strerror(err), target.string());
}
}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
  m_tmp = m_target.string() + ".tmp-XXXXXX";
  m_fd = ::mkstemp(m_tmp.data());
  if (m_fd < 0) fail(m_target, "cannot create a temporary file beside it", errno);
  ::fchmod(m_fd, 0644);
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::write(std::span<const std::byte> data) {
  writeAt(m_pos, data);
}

void AtomicFile::writeAt(uint64_t offset, std::span<const std::byte> data) {
  const std::byte* p = data.data();
  size_t left = data.size();
  uint64_t at = offset;
  while (left > 0) {
    const ssize_t n = ::pwrite(m_fd, p, left, off_t(at));
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(m_target, "write failed", errno);
    }
    p += n;
    left -= size_t(n);
    at += uint64_t(n);
  }
  if (at > m_pos && offset == m_pos) m_pos = at;
}

void AtomicFile::reserve(uint64_t bytes) {
  const int rc = ::posix_fallocate(m_fd, 0, off_t(bytes));
  if (rc == ENOSPC) {
    throw Error(ErrorCode::Io,
                "not enough free disk space for " + std::to_string(bytes) + " bytes",
                m_target.string());
  }
  // EINVAL/EOPNOTSUPP: the file system cannot preallocate; writing will report a full disk.
}

void AtomicFile::commit() {
  if (m_done) return;
  if (::fsync(m_fd) != 0) fail(m_target, "fsync failed", errno);
  if (::close(m_fd) != 0) {
    m_fd = -1;
    fail(m_target, "close failed", errno);
  }
  m_fd = -1;
  if (::rename(m_tmp.c_str(), m_target.c_str()) != 0) fail(m_target, "rename failed", errno);
  m_done = true;
}

void AtomicFile::discard() {
  if (m_done) return;
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
  ::unlink(m_tmp.c_str());
  m_done = true;
}

void writeFileAtomic(const std::filesystem::path& target, std::string_view text) {
  AtomicFile f(target);
  f.write(text);
  f.commit();
}

}  // namespace vq
