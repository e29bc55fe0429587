// vq_bench: Google Benchmark suite of the quantization methods (DESIGN §11). Not a test: run it
// by hand on an idle machine, e.g.
//   build/tests/bench/vq_bench --benchmark_filter='BM_RoundTrip/(turboquant_mse/b4|q4_0)/d128'
//       --benchmark_repetitions=5 --benchmark_report_aggregates_only=true   (one command line)
//
// Registered from the method registry, for every method × bit-width (each setting up to 4, or
// the format's only one) × d in {64, 128, 256}; combinations a method rejects are left out:
//   BM_Encode/<method>[/b<bits>]/d<d>, BM_Decode/..., BM_RoundTrip/...   single-threaded
//   BM_<Op>MT/turboquant_mse/b4/d128/threads:<N>                        over vq::ThreadPool
// Each iteration is one pass over a batch of 4096 random head vectors (LayerRow formats such as
// q4_0 and turbo4: 512 rows of 8·d values, i.e. 8 KV heads per token). bytes_per_second counts
// the f32 INPUT bytes of the pass (the same for encode, decode and round trip); the counter bpv
// is the exact storage in bits per value.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <string>

#include "core/bench/method_throughput.h"
#include "core/common/thread_pool.h"

namespace {

using vq::bench::BatchRunner;
using vq::bench::Op;
using vq::bench::ThroughputCase;

const char* opPrefix(Op op) {
  switch (op) {
    case Op::Encode: return "BM_Encode";
    case Op::Decode: return "BM_Decode";
    case Op::RoundTrip: return "BM_RoundTrip";
  }
  return "BM_?";
}

// The batch is built inside the benchmark function (outside the timed loop) so that only the
// selected benchmarks allocate their buffers.
void runCase(benchmark::State& state, const ThroughputCase& c, Op op, int threads) {
  std::unique_ptr<vq::ThreadPool> pool;
  if (threads > 1) pool = std::make_unique<vq::ThreadPool>(threads);
  BatchRunner runner(c, vq::bench::kDefaultVectors, 1, pool.get());
  runner.run(op);  // warm-up
  for (auto _ : state) {
    runner.run(op);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(runner.inputBytes()));
  state.SetItemsProcessed(int64_t(state.iterations()) * runner.rows() * c.rowLength);
  state.counters["bpv"] = runner.bitsPerValue();
  state.counters["threads"] = runner.threads();
}

void registerAll() {
  const auto list = vq::bench::enumerateCases({}, {}, {64, 128, 256});
  for (const auto& skipped : list.skipped) std::fprintf(stderr, "vq_bench: skipped %s\n", skipped.c_str());
  for (Op op : {Op::Encode, Op::Decode, Op::RoundTrip})
    for (const auto& c : list.cases)
      benchmark::RegisterBenchmark((std::string(opPrefix(op)) + "/" + c.label()).c_str(),
                                   [c, op](benchmark::State& s) { runCase(s, c, op, 1); })
          ->Unit(benchmark::kMicrosecond);

  // Multi-threaded: turboquant_mse b=4, d=128 over a pool of 1..hardware threads (real time).
  vq::quant::MethodConfig cfg;
  cfg.method = "turboquant_mse";
  cfg.bits = 4;
  const ThroughputCase mse = vq::bench::makeCase(cfg, 128);
  const int maxThreads = vq::bench::hardwareThreads();
  for (Op op : {Op::Encode, Op::Decode, Op::RoundTrip}) {
    auto* b = benchmark::RegisterBenchmark((std::string(opPrefix(op)) + "MT/" + mse.label()).c_str(),
                                           [mse, op](benchmark::State& s) { runCase(s, mse, op, int(s.range(0))); });
    b->ArgName("threads")->Unit(benchmark::kMicrosecond)->UseRealTime();
    for (int t = 1; t <= maxThreads; t *= 2) b->Arg(t);
    if ((maxThreads & (maxThreads - 1)) != 0) b->Arg(maxThreads);
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("cpu_model", vq::bench::cpuModelName());
  benchmark::AddCustomContext("hardware_threads", std::to_string(vq::bench::hardwareThreads()));
  registerAll();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
