#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/exit_codes.h"
#include "core/bench/method_throughput.h"
#include "core/common/thread_pool.h"
#include "core/io/dump.h"
#include "core/quant/registry.h"
#include "gpu/kernel_bench.h"

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

// Thread CPU time over wall time of a single-threaded case (below 1: the machine was shared).
double busy(const bench::ThroughputResult& r) {
  return (r.encode.busyFraction + r.decode.busyFraction + r.roundTrip.busyFraction) / 3.0;
}

std::vector<double> scaled(const std::vector<double>& v, double factor) {
  std::vector<double> out;
  for (double x : v) out.push_back(x * factor);
  return out;
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
  if (!a.has("DUMP")) throw UsageError("bench load needs a DUMP");
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


// Encode / decode / round-trip throughput of the registry's methods on a batch of random
// vectors (core/bench/method_throughput.h), one case per method × bits × d.
int benchMethods(const Args& a) {
  if (a.has("DUMP")) throw UsageError("bench methods takes no DUMP");
  const std::vector<int> dims = a.getIntList("dims");
  if (dims.empty()) throw UsageError("--dims: give at least one head dimension");
  for (int d : dims)
    if (d < 1) throw UsageError("--dims: head dimensions must be >= 1, got " + std::to_string(d));
  bench::ThroughputOptions o;
  o.seconds = a.getDouble("seconds");
  if (!(o.seconds > 0.0) || o.seconds > 3600.0) throw UsageError("--seconds must be in (0, 3600]");
  o.repetitions = a.getInt("repetitions");
  if (o.repetitions < 1) throw UsageError("--repetitions must be >= 1");
  o.vectors = a.getInt64("vectors");
  if (o.vectors < 1 || o.vectors > (int64_t(1) << 24)) throw UsageError("--vectors must be in 1..16777216");
  const int threads = a.getInt("threads");
  if (threads < 1) throw UsageError("--threads must be >= 1");
  std::unique_ptr<ThreadPool> pool;
  if (threads > 1) pool = std::make_unique<ThreadPool>(threads);
  o.pool = pool.get();

  const std::vector<std::string> methods = a.getList("methods");
  for (const auto& m : methods)
    if (!quant::findMethod(m)) {
      std::string names;
      for (const auto& r : quant::methodRegistry()) names += (names.empty() ? "" : ", ") + r.name;
      throw UsageError("unknown method '" + m + "' (known: " + names + ")");
    }
  const bench::CaseList list = bench::enumerateCases(methods, a.getIntList("bits"), dims);
  for (const auto& s : list.skipped) std::fprintf(stderr, "note: skipped %s\n", s.c_str());
  if (list.cases.empty()) throw UsageError("no method/bit/d combination to run");

  const bool json = a.has("json");
  const std::string cpu = bench::cpuModelName();
  const int hw = bench::hardwareThreads();
  if (!json) {
    std::printf("machine  %s, %d hardware threads; %d benchmark thread%s\n", cpu.c_str(), hw, threads,
                threads == 1 ? "" : "s");
    std::printf("batch    %lld random vectors per case (layer-row formats: rows of %d x d); median of %d "
                "repetitions, %.3g s per case\n",
                static_cast<long long>(o.vectors), o.kvHeads, o.repetitions, o.seconds);
    std::printf("GB/s     f32 input bytes per wall-clock second (1 GB = 1e9 bytes)%s\n\n",
                threads == 1 ? "; busy = thread CPU time / wall time (< 100%: the CPU was shared)" : "");
    std::printf("%-16s %4s %5s %7s %12s %12s %15s %5s\n", "method", "bits", "d", "bpv", "encode GB/s", "decode GB/s",
                "round-trip GB/s", "busy");
    std::fflush(stdout);
  }
  nlohmann::json results = nlohmann::json::array();
  for (const auto& c : list.cases) {
    const bench::ThroughputResult r = bench::measureThroughput(c, o);
    if (json) {
      results.push_back({{"method", r.method},
                         {"bits", r.bits},
                         {"d", r.headDim},
                         {"row_length", r.rowLength},
                         {"rows", r.rows},
                         {"bpv", r.bitsPerValue},
                         {"encode_gb_per_s", r.encode.bytesPerSecond / 1e9},
                         {"decode_gb_per_s", r.decode.bytesPerSecond / 1e9},
                         {"round_trip_gb_per_s", r.roundTrip.bytesPerSecond / 1e9},
                         {"encode_samples_gb_per_s", scaled(r.encode.samples, 1e-9)},
                         {"decode_samples_gb_per_s", scaled(r.decode.samples, 1e-9)},
                         {"round_trip_samples_gb_per_s", scaled(r.roundTrip.samples, 1e-9)},
                         {"encode_gb_per_cpu_s", r.encode.bytesPerCpuSecond / 1e9},
                         {"decode_gb_per_cpu_s", r.decode.bytesPerCpuSecond / 1e9},
                         {"round_trip_gb_per_cpu_s", r.roundTrip.bytesPerCpuSecond / 1e9},
                         {"busy_fraction", busy(r)},
                         {"measured_seconds", r.measuredSeconds}});
    } else {
      const std::string bits = c.fixedFormat ? "-" : std::to_string(r.bits);
      const std::string busyText = threads == 1 ? std::to_string(int(std::lround(100.0 * busy(r)))) + "%" : "-";
      std::printf("%-16s %4s %5d %7.3f %12.3f %12.3f %15.3f %5s\n", r.method.c_str(), bits.c_str(), r.headDim,
                  r.bitsPerValue, r.encode.bytesPerSecond / 1e9, r.decode.bytesPerSecond / 1e9,
                  r.roundTrip.bytesPerSecond / 1e9, busyText.c_str());
      std::fflush(stdout);
    }
  }
  if (json) {
    nlohmann::json j = {{"machine", {{"cpu", cpu}, {"hardware_threads", hw}}},
                        {"threads", threads},
                        {"vectors", o.vectors},
                        {"kv_heads_per_layer_row", o.kvHeads},
                        {"repetitions", o.repetitions},
                        {"seconds_per_case", o.seconds},
                        {"unit", "f32 input bytes per second, 1 GB = 1e9 bytes, median of the repetitions"},
                        {"skipped", list.skipped},
                        {"results", results}};
    std::puts(j.dump(2).c_str());
  }
  return kOk;
}

// Device time of the Vulkan kernels (gpu/kernel_bench.h) with the achieved bandwidth and FLOP rate.
int benchKernels(const Args& a) {
  if (a.has("DUMP")) throw UsageError("bench kernels takes no DUMP");
  gpu::KernelBenchOptions o;
  o.device = a.getInt("device");
  o.repeats = a.getInt("repetitions");
  if (o.repeats < 1) throw UsageError("--repetitions must be >= 1");
  if (a.has("tokens")) {
    o.tokens = a.getInt("tokens");
    if (o.tokens < 1) throw UsageError("--tokens must be >= 1");
  }
  const gpu::KernelBenchReport r = gpu::runKernelBench(o);
  const auto fraction = [&](double bytesPerSecond, std::optional<double> peak) {
    return peak ? nlohmann::json(bytesPerSecond / *peak) : nlohmann::json(nullptr);
  };
  if (a.has("json")) {
    nlohmann::json kernels = nlohmann::json::array();
    for (const auto& k : r.kernels) {
      nlohmann::json j = {{"kernel", k.kernel}, {"seconds", k.seconds}};
      if (k.bytes > 0) {
        j["gb_per_s"] = k.bytes / k.seconds / 1e9;
        j["fraction_of_copy"] = k.bytes / k.seconds / r.copyBytesPerSecond;
        j["fraction_of_spec"] = fraction(k.bytes / k.seconds, r.specBytesPerSecond);
      }
      if (k.flops > 0) {
        j["tflop_per_s"] = k.flops / k.seconds / 1e12;
        j["fraction_of_fp32_spec"] = fraction(k.flops / k.seconds, r.specFp32FlopsPerSecond);
      }
      kernels.push_back(j);
    }
    nlohmann::json j = {{"device", r.device.name},
                        {"driver", r.device.driver},
                        {"vulkan", r.device.apiVersionText},
                        {"shape", {{"kv_heads", r.kvHeads}, {"q_heads", r.qHeads}, {"tokens", r.tokens},
                                   {"head_dim", r.headDim}, {"query_positions", r.queries}}},
                        {"copy_gb_per_s", r.copyBytesPerSecond / 1e9},
                        {"spec", r.specSource.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.specSource)},
                        {"unit", "bytes = minimum traffic (f32 read + f32 write), 1 GB = 1e9 bytes; median device "
                                 "time from Vulkan timestamps"},
                        {"kernels", kernels}};
    std::puts(j.dump(2).c_str());
    return kOk;
  }
  std::printf("device   %s (%s, Vulkan %s)\n", r.device.name.c_str(), r.device.driver.c_str(),
              r.device.apiVersionText.c_str());
  std::printf("layer    %d KV heads x %lld tokens x d %d (one role %.1f MB f32), %d query heads, %lld positions\n",
              r.kvHeads, static_cast<long long>(r.tokens), r.headDim,
              double(r.kvHeads) * double(r.tokens) * r.headDim * 4e-6, r.qHeads, static_cast<long long>(r.queries));
  std::printf("peak     device-local copy %.0f GB/s (read + write)", r.copyBytesPerSecond / 1e9);
  if (r.specBytesPerSecond) std::printf("; spec %s", r.specSource.c_str());
  std::printf("\ntimes    median of %d runs, device time from Vulkan timestamps; GB/s = (f32 read + f32 write) / time\n\n",
              o.repeats);
  std::printf("%-34s %10s %10s %8s %8s %10s\n", "kernel", "time ms", "GB/s", "of copy", "of spec", "TFLOP/s");
  for (const auto& k : r.kernels) {
    std::printf("%-34s %10.3f", k.kernel.c_str(), k.seconds * 1e3);
    if (k.bytes > 0) {
      const double bw = k.bytes / k.seconds;
      std::printf(" %10.0f %7.0f%%", bw / 1e9, 100.0 * bw / r.copyBytesPerSecond);
      if (r.specBytesPerSecond)
        std::printf(" %7.0f%%", 100.0 * bw / *r.specBytesPerSecond);
      else
        std::printf(" %8s", "-");
    } else {
      std::printf(" %10s %8s %8s", "-", "-", "-");
    }
    if (k.flops > 0) std::printf(" %10.2f", k.flops / k.seconds / 1e12);
    std::printf("\n");
  }
  return kOk;
}

}  // namespace

int runBench(int argc, char** argv) {
  Args a("bench",
         "Benchmarks. WHAT is one of:\n"
         "  load     times opening DUMP (map + parse + validate, median of --repeats runs), then one\n"
         "           pass converting every K and V head to f32, and prints the peak resident memory.\n"
         "           Make a reproducible workload with `veloxquant synth --preset llama8b-4k`.\n"
         "  methods  encode, decode and round-trip throughput of the quantization methods (every\n"
         "           method x bit-width up to 4 x d by default) on --vectors random head vectors;\n"
         "           layer-row formats (q4_0, turbo4, ...) get rows of 8 x d values. Each case runs\n"
         "           for --seconds; the figure is the median of --repetitions, in GB/s of f32 input.\n"
         "  kernels  device time of the Vulkan kernels (timestamp queries) on a W1-shaped layer: GB/s of\n"
         "           each quantize->decode pass vs a device-local copy and the GPU's specified bandwidth,\n"
         "           and the attention evaluation's TFLOP/s (--device picks the GPU).");
  a.option("repeats", "N", "load: how many times to open the dump", "5")
      .option("dims", "LIST", "methods: head dimensions", "64,128,256")
      .option("bits", "LIST", "methods: bit-widths (default: each method's settings up to 4)")
      .option("methods", "LIST", "methods: registry names (default: all)")
      .option("seconds", "S", "methods: time per case (method x bits x d)", "0.5")
      .option("repetitions", "N", "methods: repetitions per case (the median is reported)", "5")
      .option("vectors", "N", "methods: head vectors per batch", "4096")
      .option("threads", "N", "methods: threads (1: single-threaded; more: rows split over a pool)", "1")
      .option("device", "N", "kernels: Vulkan device index (default: VQ_DEVICE, else automatic)", "-1")
      .option("tokens", "N", "kernels: tokens per KV head of the layer (default 4096, W1; W2 has 32768)")
      .flag("json", "machine-readable output")
      .positional("WHAT", "load, methods or kernels")
      .positional("DUMP", "load: the dump to benchmark", false);
  if (!a.parse(argc, argv)) return kOk;
  if (a.get("WHAT") == "load") return benchLoad(a);
  if (a.get("WHAT") == "methods") return benchMethods(a);
  if (a.get("WHAT") == "kernels") return benchKernels(a);
  throw UsageError("unknown benchmark '" + a.get("WHAT") + "' (load, methods, kernels)");
}

}  // namespace vq::cli
