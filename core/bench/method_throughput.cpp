#include "core/bench/method_throughput.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <thread>

#include "core/common/error.h"
#include "core/common/random.h"
#include "core/common/thread_pool.h"
#include "core/quant/registry.h"

namespace vq::bench {
namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// CPU time of the calling thread in seconds, or a negative value when the clock is unavailable.
double threadCpuSeconds() {
#if defined(CLOCK_THREAD_CPUTIME_ID)
  timespec ts{};
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0) return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
#endif
  return -1.0;
}

int rowLengthFor(quant::RowScope scope, int headDim, int kvHeads) {
  return scope == quant::RowScope::LayerRow ? headDim * kvHeads : headDim;
}

}  // namespace

std::string ThroughputCase::label() const {
  std::string s = config.method;
  if (!fixedFormat) s += "/b" + std::to_string(config.bits);
  return s + "/d" + std::to_string(headDim);
}

ThroughputCase makeCase(const quant::MethodConfig& config, int headDim, int kvHeads) {
  const quant::MethodInfo* info = quant::findMethod(config.method);
  if (!info) {
    quant::createMethod(config, headDim);  // throws the registry's "unknown method" error
    throw Error(ErrorCode::Internal, "method '" + config.method + "' not in the registry");
  }
  if (headDim < 1 || kvHeads < 1)
    throw Error(ErrorCode::InvalidArgument, "benchmark head_dim and kv heads must be >= 1, got d=" +
                                                std::to_string(headDim) + ", kv heads=" + std::to_string(kvHeads));
  ThroughputCase c;
  c.config = config;
  c.fixedFormat = info->bits.empty();
  if (c.fixedFormat) c.config.bits = 0;
  c.headDim = headDim;
  c.rowLength = rowLengthFor(info->scope, headDim, kvHeads);
  c.method = std::shared_ptr<const quant::Method>(info->create(config, c.rowLength));
  return c;
}

CaseList enumerateCases(const std::vector<std::string>& methods, const std::vector<int>& bits,
                        const std::vector<int>& dims, int maxBits, int kvHeads) {
  for (const auto& name : methods)
    if (!quant::findMethod(name)) {
      quant::MethodConfig probe;
      probe.method = name;
      quant::createMethod(probe, 1);  // throws the registry's "unknown method" error
    }
  for (int d : dims)
    if (d < 1) throw Error(ErrorCode::InvalidArgument, "benchmark head_dim must be >= 1, got " + std::to_string(d));
  CaseList out;
  for (const auto& info : quant::methodRegistry()) {
    if (!methods.empty() && std::find(methods.begin(), methods.end(), info.name) == methods.end()) continue;
    std::vector<int> settings;
    if (info.bits.empty()) {
      settings.push_back(0);
    } else if (bits.empty()) {
      for (int b : info.bits)
        if (b <= maxBits) settings.push_back(b);
    } else {
      for (int b : bits) {
        if (std::find(info.bits.begin(), info.bits.end(), b) != info.bits.end())
          settings.push_back(b);
        else
          out.skipped.push_back(info.name + "/b" + std::to_string(b) + ": no " + std::to_string(b) +
                                "-bit setting");
      }
    }
    for (int b : settings)
      for (int d : dims) {
        quant::MethodConfig cfg;
        cfg.method = info.name;
        cfg.bits = b;
        try {
          out.cases.push_back(makeCase(cfg, d, kvHeads));
        } catch (const Error& e) {
          if (e.code() != ErrorCode::InvalidArgument) throw;
          std::string label = info.name + (b ? "/b" + std::to_string(b) : std::string()) + "/d" + std::to_string(d);
          out.skipped.push_back(label + ": " + e.detail());
        }
      }
  }
  return out;
}

const char* opName(Op op) {
  switch (op) {
    case Op::Encode: return "encode";
    case Op::Decode: return "decode";
    case Op::RoundTrip: return "round_trip";
  }
  return "?";
}

BatchRunner::BatchRunner(ThroughputCase c, int64_t vectors, uint64_t seed, ThreadPool* pool, int kvHeads)
    : m_case(std::move(c)), m_pool(pool) {
  if (!m_case.method) throw Error(ErrorCode::InvalidArgument, "benchmark case without a method");
  if (vectors < 1) throw Error(ErrorCode::InvalidArgument, "benchmark batch needs >= 1 vector");
  const int perRow = m_case.rowLength / std::max(1, m_case.headDim);
  m_rows = (vectors + perRow - 1) / std::max(1, perRow);
  const quant::Method& m = *m_case.method;
  const size_t values = size_t(m_rows) * size_t(m_case.rowLength);
  m_x.resize(values);
  Rng rng(seed);
  for (auto& v : m_x) v = float(rng.normal());
  m_out.assign(values, 0.0f);

  // Chunks: the whole batch, or (with a pool) about 4 per thread, multiples of 64 rows.
  int64_t chunkRows = m_rows;
  if (m_pool && m_pool->size() > 1) {
    const int64_t target = (m_rows + 4 * m_pool->size() - 1) / (4 * m_pool->size());
    chunkRows = std::max<int64_t>(64, (target + 63) / 64 * 64);
  }
  uint64_t bytes = 0;
  for (int64_t r0 = 0; r0 < m_rows; r0 += chunkRows) {
    const int64_t rows = std::min(chunkRows, m_rows - r0);
    const uint64_t b = m.storageBytes(rows);
    m_chunks.push_back({r0, rows, bytes, b});
    bytes += b;
  }
  m_packed.resize(bytes);
  run(Op::Encode);
}

double BatchRunner::bitsPerValue() const {
  return double(m_packed.size()) * 8.0 / (double(m_rows) * double(m_case.rowLength));
}

int BatchRunner::threads() const { return m_pool && m_chunks.size() > 1 ? m_pool->size() : 1; }

void BatchRunner::runChunk(Op op, const Chunk& c) {
  const quant::Method& m = *m_case.method;
  const size_t n = size_t(m_case.rowLength);
  const std::span<const float> x(m_x.data() + size_t(c.row0) * n, size_t(c.rows) * n);
  const std::span<float> y(m_out.data() + size_t(c.row0) * n, size_t(c.rows) * n);
  const std::span<std::byte> packed(m_packed.data() + c.byte0, c.bytes);
  switch (op) {
    case Op::Encode: m.encode(x, c.rows, packed); break;
    case Op::Decode: m.decode(packed, c.rows, y); break;
    case Op::RoundTrip: m.roundTrip(x, c.rows, y); break;
  }
}

void BatchRunner::run(Op op) {
  if (m_chunks.size() == 1 || !m_pool) {
    for (const auto& c : m_chunks) runChunk(op, c);
    return;
  }
  m_pool->parallelFor(0, int64_t(m_chunks.size()), [&](int64_t i) { runChunk(op, m_chunks[size_t(i)]); });
}

ThroughputResult measureThroughput(const ThroughputCase& c, const ThroughputOptions& options) {
  if (options.repetitions < 1)
    throw Error(ErrorCode::InvalidArgument, "benchmark repetitions must be >= 1, got " +
                                                std::to_string(options.repetitions));
  if (!(options.seconds >= 0.0))
    throw Error(ErrorCode::InvalidArgument, "benchmark seconds must be >= 0");
  BatchRunner runner(c, options.vectors, options.seed, options.pool, options.kvHeads);
  const Op ops[3] = {Op::Encode, Op::Decode, Op::RoundTrip};
  for (Op op : ops) runner.run(op);  // warm-up: caches, page faults, lazily built tables

  const double slot = options.seconds / (3.0 * options.repetitions);
  const double bytes = double(runner.inputBytes());
  ThroughputResult r;
  OpThroughput* results[3] = {&r.encode, &r.decode, &r.roundTrip};
  std::vector<double> cpuSamples[3];
  double wallTotal[3] = {0.0, 0.0, 0.0}, cpuTotal[3] = {0.0, 0.0, 0.0};
  double measured = 0.0;
  // Rounds interleave the operations, so a burst of load from other processes hits all three.
  for (int rep = 0; rep < options.repetitions; ++rep)
    for (int k = 0; k < 3; ++k) {
      int64_t passes = 0;
      const double c0 = threadCpuSeconds();
      const auto t0 = Clock::now();
      double elapsed = 0.0;
      do {
        runner.run(ops[k]);
        ++passes;
        elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
      } while (elapsed < slot);
      const double cpu = c0 >= 0.0 ? threadCpuSeconds() - c0 : -1.0;
      results[k]->samples.push_back(elapsed > 0.0 ? bytes * double(passes) / elapsed : 0.0);
      if (cpu > 0.0) cpuSamples[k].push_back(bytes * double(passes) / cpu);
      results[k]->passes += passes;
      wallTotal[k] += elapsed;
      cpuTotal[k] += std::max(cpu, 0.0);
      measured += elapsed;
    }
  for (int k = 0; k < 3; ++k) {
    results[k]->bytesPerSecond = median(results[k]->samples);
    if (cpuSamples[k].size() == size_t(options.repetitions)) {
      results[k]->bytesPerCpuSecond = median(cpuSamples[k]);
      results[k]->busyFraction = wallTotal[k] > 0.0 ? cpuTotal[k] / wallTotal[k] : 0.0;
    }
  }
  r.method = c.config.method;
  r.bits = c.config.bits;
  r.headDim = c.headDim;
  r.rowLength = c.rowLength;
  r.rows = runner.rows();
  r.values = runner.rows() * int64_t(c.rowLength);
  r.bitsPerValue = runner.bitsPerValue();
  r.threads = runner.threads();
  r.measuredSeconds = measured;
  return r;
}

ThroughputResult measureThroughput(const quant::MethodConfig& config, int headDim, const ThroughputOptions& options) {
  return measureThroughput(makeCase(config, headDim, options.kvHeads), options);
}

std::string cpuModelName() {
  std::ifstream f("/proc/cpuinfo");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("model name", 0) != 0) continue;
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const auto start = line.find_first_not_of(" \t", colon + 1);
    if (start != std::string::npos) return line.substr(start);
  }
  return "unknown CPU";
}

int hardwareThreads() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace vq::bench
