// The throughput measurement machinery (core/bench). These check that it measures something and
// keeps to its budget, never how fast a method is: benchmarks are not pass/fail tests (DESIGN §11).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/bench/method_throughput.h"
#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "core/quant/registry.h"

namespace vq::bench {
namespace {

quant::MethodConfig config(const std::string& method, int bits) {
  quant::MethodConfig c;
  c.method = method;
  c.bits = bits;
  return c;
}

void expectPositiveFinite(const OpThroughput& o, int repetitions) {
  EXPECT_TRUE(std::isfinite(o.bytesPerSecond));
  EXPECT_GT(o.bytesPerSecond, 0.0);
  EXPECT_EQ(int(o.samples.size()), repetitions);
  EXPECT_GE(o.passes, repetitions);
  for (double s : o.samples) EXPECT_TRUE(std::isfinite(s) && s > 0.0) << s;
}

TEST(MethodThroughput, TinyCaseGivesPositiveFiniteThroughputWithinItsBudget) {
  ThroughputOptions o;
  o.vectors = 32;
  o.seconds = 0.06;
  o.repetitions = 3;
  const auto t0 = std::chrono::steady_clock::now();
  const ThroughputResult r = measureThroughput(config("turboquant_mse", 4), 64, o);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  expectPositiveFinite(r.encode, o.repetitions);
  expectPositiveFinite(r.decode, o.repetitions);
  expectPositiveFinite(r.roundTrip, o.repetitions);
  // Thread CPU time (Linux): slots of 20 ms are long enough for its resolution.
  for (const OpThroughput* op : {&r.encode, &r.decode, &r.roundTrip}) {
    EXPECT_TRUE(std::isfinite(op->bytesPerCpuSecond) && op->bytesPerCpuSecond > 0.0) << op->bytesPerCpuSecond;
    EXPECT_GT(op->busyFraction, 0.0);
  }
  // The timed loops use the budget (each slot runs until its share is spent) ...
  EXPECT_GE(r.measuredSeconds, o.seconds * 0.99);
  // ... and a pass of 32 vectors is microseconds, so it barely overruns it. The wall bound is
  // generous (setup, a loaded machine), but far below what ignoring the budget would take.
  EXPECT_LT(r.measuredSeconds, o.seconds + 0.5);
  EXPECT_LT(wall, o.seconds + 2.0);
  EXPECT_EQ(r.method, "turboquant_mse");
  EXPECT_EQ(r.bits, 4);
  EXPECT_EQ(r.headDim, 64);
  EXPECT_EQ(r.rows, 32);
  EXPECT_EQ(r.values, 32 * 64);
  EXPECT_DOUBLE_EQ(r.bitsPerValue, (64 * 4 / 8 + 2) * 8.0 / 64.0);  // ceil(d*b/8) + 2 bytes
  EXPECT_EQ(r.threads, 1);
}

TEST(MethodThroughput, ZeroBudgetStillRunsOnePassPerRepetition) {
  ThroughputOptions o;
  o.vectors = 16;
  o.seconds = 0.0;
  o.repetitions = 5;
  const ThroughputResult r = measureThroughput(config("q4_0", 0), 32, o);
  expectPositiveFinite(r.roundTrip, 5);
  EXPECT_EQ(r.roundTrip.passes, 5);
  // LayerRow: rows of 8 heads of d = 32.
  EXPECT_EQ(r.rowLength, 8 * 32);
  EXPECT_EQ(r.rows, 2);
  EXPECT_DOUBLE_EQ(r.bitsPerValue, 4.5);
}

TEST(MethodThroughput, PoolRunnerGivesTheSingleThreadedFloats) {
  const ThroughputCase c = makeCase(config("turboquant_mse", 3), 64);
  BatchRunner single(c, 1000, 7);
  ThreadPool pool(3);
  BatchRunner threaded(c, 1000, 7, &pool);
  EXPECT_EQ(threaded.threads(), 3);
  for (Op op : {Op::Decode, Op::RoundTrip}) {
    single.run(op);
    threaded.run(op);
    ASSERT_EQ(single.output(), threaded.output()) << opName(op);
  }
  EXPECT_EQ(single.packedBytes(), threaded.packedBytes());
}

TEST(MethodThroughput, EnumerationCoversTheRegistryAndSkipsRejectedCombinations) {
  const CaseList all = enumerateCases({}, {}, {64, 128, 256});
  for (const auto& info : quant::methodRegistry()) {
    const auto n = std::count_if(all.cases.begin(), all.cases.end(),
                                 [&](const ThroughputCase& c) { return c.config.method == info.name; });
    EXPECT_GT(n, 0) << info.name;
  }
  for (const auto& c : all.cases) {
    EXPECT_LE(c.config.bits, 4) << c.label();
    ASSERT_TRUE(c.method) << c.label();
    EXPECT_EQ(c.method->rowLength(), c.rowLength);
  }
  // polar needs d divisible by 16: d = 40 is skipped, with the reason.
  const CaseList polar = enumerateCases({"polar"}, {2}, {40, 64});
  ASSERT_EQ(polar.cases.size(), 1u);
  EXPECT_EQ(polar.cases[0].label(), "polar/b2/d64");
  ASSERT_EQ(polar.skipped.size(), 1u);
  EXPECT_NE(polar.skipped[0].find("polar/b2/d40"), std::string::npos) << polar.skipped[0];
  // A bit-width the method lacks is skipped; a fixed format ignores bits.
  const CaseList mixed = enumerateCases({"qjl", "q4_0"}, {4}, {128});
  ASSERT_EQ(mixed.cases.size(), 1u);
  EXPECT_EQ(mixed.cases[0].label(), "q4_0/d128");
  EXPECT_EQ(mixed.skipped.size(), 1u);
  EXPECT_THROW(enumerateCases({"no_such_method"}, {}, {64}), Error);
}

}  // namespace
}  // namespace vq::bench
