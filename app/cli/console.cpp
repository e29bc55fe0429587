#include "app/cli/console.h"

#include <unistd.h>

#include <csignal>
#include <memory>
#include <cstdio>
#include <mutex>
#include <stop_token>

namespace vq::cli {

namespace {
std::stop_source& stopSource() {
  static std::stop_source s;
  return s;
}
volatile std::sig_atomic_t g_signalled = 0;
void onSignal(int) { g_signalled = 1; }

bool g_lineOpen = false;
std::mutex g_printMutex;
}  // namespace

Progress consoleProgress(bool quiet) {
  std::signal(SIGINT, onSignal);
  std::signal(SIGTERM, onSignal);
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
