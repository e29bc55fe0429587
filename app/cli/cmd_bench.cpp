#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <cstdio>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/exit_codes.h"
#include "core/io/dump.h"

namespace vq::cli {

namespace {

double seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

uint64_t peakRssBytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return uint64_t(u.ru_maxrss) * 1024;  // Linux reports KiB
}

// A field of /proc/self/status in bytes ("RssAnon", "RssFile"), 0 when unavailable.
uint64_t procStatusBytes(const char* field) {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  uint64_t kib = 0;
  const size_t len = std::strlen(field);
  while (std::fgets(line, sizeof line, f))
    if (std::strncmp(line, field, len) == 0 && line[len] == ':') kib = std::strtoull(line + len + 1, nullptr, 10);
  std::fclose(f);
  return kib * 1024;
}

// Times Dump::open (map + parse + validate) `repeats` times, then one pass that converts every
// K and V head to f32 (what calibration reads), and reports peak RSS.
int benchLoad(const Args& a) {
  const std::string path = a.get("DUMP");
  const int repeats = std::max(1, a.getInt("repeats"));
  std::vector<double> openTimes;
  for (int i = 0; i < repeats; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const Dump d = Dump::open(path);
    openTimes.push_back(seconds(t0, std::chrono::steady_clock::now()));
  }
  const Dump dump = Dump::open(path);
  const auto& info = dump.info();
  std::vector<float> head;
  uint64_t values = 0;
  double checksum = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto& l : info.layers) {
    head.resize(size_t(l.tokens) * size_t(l.headDim));
    for (Role r : {Role::K, Role::V})
      for (int h = 0; h < l.kvHeads; ++h) {
        dump.readHead(l.index, r, h, head);
        checksum += head[head.size() / 2];
        values += head.size();
      }
  }
  const double readSeconds = seconds(t0, std::chrono::steady_clock::now());
  const double openMedian = median(openTimes);
  const uint64_t rss = peakRssBytes();
  const uint64_t anon = procStatusBytes("RssAnon"), fileBacked = procStatusBytes("RssFile");
  if (a.has("json")) {
    nlohmann::json j = {{"dump", path},
                        {"open_seconds_median", openMedian},
                        {"open_repeats", repeats},
                        {"read_kv_seconds", readSeconds},
                        {"kv_values", values},
                        {"kv_bytes", info.kvBytes},
                        {"read_gb_per_s", double(info.kvBytes) / readSeconds / 1e9},
                        {"peak_rss_bytes", rss},
                        {"rss_anon_bytes_at_end", anon},
                        {"rss_file_bytes_at_end", fileBacked},
                        {"threads", std::thread::hardware_concurrency()},
                        {"checksum", checksum}};
    std::puts(j.dump(2).c_str());
  } else {
    std::printf("dump             %s (%d layers, K+V %s)\n", path.c_str(), info.numLayers,
                humanBytes(info.kvBytes).c_str());
    std::printf("open (map+validate)  median %.3f ms over %d runs\n", openMedian * 1e3, repeats);
    std::printf("read all K/V as f32  %.3f s (%.2f GB/s of stored data)\n", readSeconds,
                double(info.kvBytes) / readSeconds / 1e9);
    std::printf("peak RSS             %s (includes the mapped file's pages)\n", humanBytes(rss).c_str());
    std::printf("RSS at end           %s anonymous + %s file-backed (mapped dump)\n", humanBytes(anon).c_str(),
                humanBytes(fileBacked).c_str());
  }
  return kOk;
}

}  // namespace

int runBench(int argc, char** argv) {
  Args a("bench",
         "Benchmarks. WHAT is `load`: times opening DUMP (map + parse + validate, median of\n"
         "--repeats runs), then one pass converting every K and V head to f32, and prints the peak\n"
         "resident memory. Make a reproducible workload with `veloxquant synth --preset llama8b-4k`.");
  a.option("repeats", "N", "how many times to open the dump", "5")
      .flag("json", "machine-readable output")
      .positional("WHAT", "load")
      .positional("DUMP", "the dump to benchmark");
  if (!a.parse(argc, argv)) return kOk;
  if (a.get("WHAT") == "load") return benchLoad(a);
  throw UsageError("unknown benchmark '" + a.get("WHAT") + "' (load)");
}

}  // namespace vq::cli
