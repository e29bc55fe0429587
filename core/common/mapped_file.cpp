#include "core/common/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <setjmp.h>
#include <signal.h>

#include <algorithm>
#include <cstdint>
#include <cerrno>
#include <cstring>
#include <mutex>

#include "core/common/error.h"

namespace vq {

namespace {

// The guarded range of the current thread and where to jump back to on a fault inside it.
struct ReadGuard {
  sigjmp_buf back;
  const std::byte* begin = nullptr;
  const std::byte* end = nullptr;
};
thread_local ReadGuard* t_guard = nullptr;
struct sigaction g_previousSigbus {};

void onSigbus(int sig, siginfo_t* info, void* context) {
  ReadGuard* g = t_guard;
  const auto* at = static_cast<const std::byte*>(info->si_addr);
  if (g && at >= g->begin && at < g->end) siglongjmp(g->back, 1);
  // Not a fault of a guarded read: behave as if we were not here.
  if ((g_previousSigbus.sa_flags & SA_SIGINFO) && g_previousSigbus.sa_sigaction) {
    g_previousSigbus.sa_sigaction(sig, info, context);
    return;
  }
  if (!(g_previousSigbus.sa_flags & SA_SIGINFO) && g_previousSigbus.sa_handler != SIG_DFL &&
      g_previousSigbus.sa_handler != SIG_IGN) {
    g_previousSigbus.sa_handler(sig);
    return;
  }
  // Default action: returning re-runs the faulting access, which now kills the process as usual.
  ::signal(SIGBUS, SIG_DFL);
}

void installSigbusHandler() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction sa {};
    sa.sa_sigaction = onSigbus;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGBUS, &sa, &g_previousSigbus);
  });
}

// Returns false when `call` was left by a SIGBUS inside the guarded range. Kept apart from the
// caller so that no frame with destructors lies between sigsetjmp and the fault.
bool runGuarded(ReadGuard& g, void (*call)(void*), void* copy) {
  if (sigsetjmp(g.back, 1) != 0) return false;  // 1: restore the signal mask (SIGBUS unblocked)
  t_guard = &g;
  call(copy);
  return true;
}

}  // namespace

void MappedFile::guardedReadImpl(void (*call)(void*), void* copy) const {
  installSigbusHandler();
  ReadGuard g;
  g.begin = m_data;
  g.end = m_data + m_size;
  ReadGuard* const outer = t_guard;
  bool completed = false;
  try {
    completed = runGuarded(g, call, copy);
  } catch (...) {
    t_guard = outer;
    throw;
  }
  t_guard = outer;
  if (!completed) {
    throw Error(ErrorCode::Truncated,
                "the file was shortened while it was open (another program truncated or rewrote it); "
                "reopen it",
                m_path.string());
  }
}

void MappedFile::release(uint64_t offset, uint64_t size) const {
  if (!m_data || offset >= m_size) return;
  size = std::min<uint64_t>(size, m_size - offset);
  const uint64_t page = uint64_t(::sysconf(_SC_PAGESIZE));
  const uint64_t base = reinterpret_cast<uintptr_t>(m_data);
  const uint64_t first = (base + offset + page - 1) / page * page;  // whole pages only
  const uint64_t last = (base + offset + size) / page * page;
  if (last > first) ::madvise(reinterpret_cast<void*>(first), size_t(last - first), MADV_DONTNEED);
}

std::shared_ptr<const MappedFile> MappedFile::open(const std::filesystem::path& path) {
  const std::string name = path.string();
  const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    throw Error(err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io, std::strerror(err), name);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw Error(ErrorCode::Io, "not a regular file", name);
  }
  std::shared_ptr<MappedFile> f(new MappedFile());
  f->m_path = path;
  f->m_size = size_t(st.st_size);
  if (f->m_size > 0) {
    void* p = ::mmap(nullptr, f->m_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      const int err = errno;
      ::close(fd);
      throw Error(ErrorCode::Io, std::string("mmap failed: ") + std::strerror(err), name);
    }
    ::madvise(p, f->m_size, MADV_SEQUENTIAL);
    f->m_data = static_cast<const std::byte*>(p);
  }
  ::close(fd);
  return f;
}

MappedFile::~MappedFile() {
  if (m_data) ::munmap(const_cast<std::byte*>(m_data), m_size);
}

}  // namespace vq
