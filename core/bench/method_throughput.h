// Encode / decode / round-trip throughput of the quantization methods, measured on a batch of
// seeded random vectors. Shared by `veloxquant bench methods` (measureThroughput, its own timing
// loop) and the Google Benchmark suite tests/bench (BatchRunner inside benchmark's loop).
//
// Throughput is always counted in f32 INPUT bytes: a pass over the batch processes
// rows · rowLength · 4 bytes, whether it encodes, decodes or does both (DESIGN §11).
//
// Batch layout: `vectors` head vectors of d values, standard normal, seeded. Vector- and
// HeadMatrix-scope methods get them as `vectors` rows of d (kivi: one head of `vectors` tokens);
// LayerRow methods (llama.cpp block formats, turbo2/3/4) get rows of kvHeads · d values, one
// token's KV heads concatenated, so the same number of values is processed at every scope.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/quant/method.h"

namespace vq {
class ThreadPool;
}

namespace vq::bench {

inline constexpr int kDefaultKvHeads = 8;          // LayerRow rows are kvHeads · d values
inline constexpr int64_t kDefaultVectors = 4096;   // head vectors per batch
inline constexpr int kDefaultMaxBits = 4;          // default bit sweep: every setting up to 4

// One benchmark case: a method configuration at one head dimension, already built.
struct ThroughputCase {
  quant::MethodConfig config;  // bits == 0 for fixed formats (q4_0, fp16, ...)
  bool fixedFormat = false;    // the method has no bit-width
  int headDim = 0;
  int rowLength = 0;           // n given to the method: headDim, or kvHeads · headDim (LayerRow)
  std::shared_ptr<const quant::Method> method;

  // "turboquant_mse/b4/d128", or "q4_0/d128" for a fixed format (the benchmark name suffix).
  std::string label() const;
};

struct CaseList {
  std::vector<ThroughputCase> cases;
  std::vector<std::string> skipped;  // "<label>: <reason>" for combinations a method rejects
};

// methods × bits × dims from the registry, in registry order. Empty `methods`: every registered
// method; empty `bits`: each method's bit-widths up to maxBits. A fixed format appears once per d
// whatever the bits. A bit-width the method does not have, or a combination its constructor
// rejects (e.g. polar with d not divisible by 16), is left out and listed in `skipped`.
// Throws Error(InvalidArgument) for an unknown method name or a d < 1.
CaseList enumerateCases(const std::vector<std::string>& methods, const std::vector<int>& bits,
                        const std::vector<int>& dims, int maxBits = kDefaultMaxBits,
                        int kvHeads = kDefaultKvHeads);

// Builds one case (throws what the method's constructor throws for a rejected combination).
ThroughputCase makeCase(const quant::MethodConfig& config, int headDim, int kvHeads = kDefaultKvHeads);

enum class Op { Encode, Decode, RoundTrip };
const char* opName(Op op);  // "encode", "decode", "round_trip"

// A prepared batch for one case: input, packed bytes (encoded once at construction so decode
// has valid input), output. Each call of run() is one pass over the whole batch. With a pool of
// more than one thread the rows are cut into chunks (multiples of 64 rows) run by parallelFor;
// otherwise one call of the method covers the batch, on the calling thread.
class BatchRunner {
 public:
  BatchRunner(ThroughputCase c, int64_t vectors = kDefaultVectors, uint64_t seed = 1,
              ThreadPool* pool = nullptr, int kvHeads = kDefaultKvHeads);

  void run(Op op);
  const ThroughputCase& benchCase() const { return m_case; }
  int64_t rows() const { return m_rows; }
  uint64_t inputBytes() const { return uint64_t(m_rows) * uint64_t(m_case.rowLength) * sizeof(float); }
  uint64_t packedBytes() const { return m_packed.size(); }
  double bitsPerValue() const;
  int threads() const;
  const std::vector<float>& output() const { return m_out; }

 private:
  struct Chunk {
    int64_t row0, rows;
    uint64_t byte0, bytes;
  };
  void runChunk(Op op, const Chunk& c);

  ThroughputCase m_case;
  ThreadPool* m_pool;
  int64_t m_rows;
  std::vector<float> m_x, m_out;
  std::vector<std::byte> m_packed;
  std::vector<Chunk> m_chunks;
};

struct ThroughputOptions {
  int64_t vectors = kDefaultVectors;
  int kvHeads = kDefaultKvHeads;
  double seconds = 1.0;     // budget for the whole case: 3 operations × repetitions slots
  int repetitions = 5;
  uint64_t seed = 1;        // of the random batch
  ThreadPool* pool = nullptr;  // null or size 1: single-threaded on the calling thread
};

struct OpThroughput {
  double bytesPerSecond = 0.0;      // median over the repetitions, f32 input bytes per second
  std::vector<double> samples;      // one per repetition
  int64_t passes = 0;               // passes over the batch, all repetitions together
  // The same per second of the calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID), median over
  // the repetitions: on a shared machine, time the thread spent descheduled does not count.
  // Meaningful single-threaded only (with a pool the workers' time is not seen); 0 if unknown.
  double bytesPerCpuSecond = 0.0;
  double busyFraction = 0.0;        // thread CPU time / wall time over all repetitions
};

struct ThroughputResult {
  std::string method;
  int bits = 0;            // 0 for a fixed format
  int headDim = 0;
  int rowLength = 0;
  int64_t rows = 0;
  int64_t values = 0;      // rows · rowLength
  double bitsPerValue = 0.0;
  int threads = 1;
  OpThroughput encode, decode, roundTrip;
  double measuredSeconds = 0.0;  // time spent in the timed loops
};

// Measures one case with std::chrono::steady_clock: one untimed warm-up pass per operation,
// then `repetitions` rounds; in each round encode, decode and round trip each repeat whole
// passes until their slot of seconds / (3 · repetitions) is used (at least one pass, so a case
// whose single pass is longer than its slot overruns the budget by that much).
ThroughputResult measureThroughput(const ThroughputCase& c, const ThroughputOptions& options = {});
ThroughputResult measureThroughput(const quant::MethodConfig& config, int headDim,
                                   const ThroughputOptions& options = {});

// The machine, for benchmark reports: the first "model name" of /proc/cpuinfo ("unknown CPU"
// when there is none) and std::thread::hardware_concurrency().
std::string cpuModelName();
int hardwareThreads();

}  // namespace vq::bench
