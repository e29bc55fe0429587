#include "app/cli/console.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <memory>
#include <cstdio>
#include <mutex>
#include <stop_token>
#include <thread>

#include "core/common/error.h"

namespace vq::cli {

namespace {
std::stop_source& stopSource() {
  static std::stop_source s;
  return s;
}
volatile std::sig_atomic_t g_signalled = 0;
int g_wakePipe[2] = {-1, -1};

// Only async-signal-safe work here: note the signal and wake the watcher thread.
void onSignal(int) {
  g_signalled = 1;
  if (g_wakePipe[1] >= 0) {
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_wakePipe[1], &c, 1);
  }
}

// Requests the stop as soon as a signal arrives (not only at the next progress report), so
// Ctrl+C is seen at the next cancellation check of the running work.
void startWatcher() {
  if (::pipe(g_wakePipe) != 0) return;  // then the stop is requested at the next report
  std::thread([] {
    char c = 0;
    while (::read(g_wakePipe[0], &c, 1) < 0 && errno == EINTR) {
    }
    stopSource().request_stop();
  }).detach();
}

bool g_lineOpen = false;
std::mutex g_printMutex;
}  // namespace

void installInterruptHandler() {
  static std::once_flag once;
  std::call_once(once, [] {
    startWatcher();
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
  });
}

void throwIfInterrupted() {
  if (g_signalled) {
    stopSource().request_stop();
    throw Error(ErrorCode::Cancelled, "interrupted");
  }
}

Progress consoleProgress(bool quiet) {
  installInterruptHandler();
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  auto lastDecile = std::make_shared<int>(-1);
  return Progress(stopSource().get_token(), [quiet, tty, lastDecile](double f, std::string_view what) {
    if (g_signalled) stopSource().request_stop();
    if (quiet) return;
    std::lock_guard lock(g_printMutex);
    const int pct = int(f * 100.0 + 0.5);
    if (tty) {
      std::fprintf(stderr, "\r[%3d%%] %-60.*s", pct, int(what.size()), what.data());
      g_lineOpen = true;
    } else if (pct / 10 != *lastDecile) {
      *lastDecile = pct / 10;
      std::fprintf(stderr, "[%3d%%] %.*s\n", pct, int(what.size()), what.data());
    }
    std::fflush(stderr);
  });
}

void finishProgressLine() {
  std::lock_guard lock(g_printMutex);
  if (g_lineOpen) std::fputc('\n', stderr);
  g_lineOpen = false;
}

std::string humanBytes(uint64_t bytes) {
  const char* units[] = {"B", "kB", "MB", "GB", "TB"};
  double v = double(bytes);
  int u = 0;
  while (v >= 1000.0 && u < 4) {
    v /= 1000.0;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
  return buf;
}

}  // namespace vq::cli
