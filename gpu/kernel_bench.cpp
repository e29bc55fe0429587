#include "gpu/kernel_bench.h"

#include <algorithm>
#include <cstring>
#include <random>

#include "core/common/error.h"
#include "core/compute/layer_data.h"
#include "core/metrics/query_sampling.h"
#include "gpu/kernels/attention_kernels.h"
#include "gpu/kernels/quantize_kernels.h"
#include "gpu/kernels/reconstruction_kernel.h"
#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_commands.h"
#include "gpu/vulkan/vk_context.h"
#include "gpu/vulkan/vk_pipeline.h"

namespace vq::gpu {

namespace {

struct Spec {
  const char* match;  // substring of the device name
  const char* product;
  double bytesPerSecond, fp32FlopsPerSecond;
};

// Vendor datasheet figures (memory bandwidth; fp32 without tensor cores). Longest match first.
constexpr Spec kSpecs[] = {
    {"H100 PCIe", "NVIDIA H100 PCIe (2.0 TB/s, 51 TFLOP/s fp32)", 2.0e12, 51.2e12},
    {"H100 NVL", "NVIDIA H100 NVL (3.9 TB/s, 60 TFLOP/s fp32)", 3.9e12, 60e12},
    {"H100", "NVIDIA H100 SXM5 80GB (3.35 TB/s, 67 TFLOP/s fp32)", 3.35e12, 66.9e12},
    {"H200", "NVIDIA H200 SXM (4.8 TB/s, 67 TFLOP/s fp32)", 4.8e12, 66.9e12},
    {"A100-SXM4-80GB", "NVIDIA A100 SXM4 80GB (2.04 TB/s, 19.5 TFLOP/s fp32)", 2.039e12, 19.5e12},
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Device time of one submit that records `record` (which records into a begun batch) `passes`
// times, with a barrier between passes (each pass sees the previous one's writes, as in a sweep).
template <class Record>
double timeSubmit(CommandBatch& batch, int passes, Record& record) {
  batch.resetGpuTime();
  batch.begin();
  for (int p = 0; p < passes; ++p) {
    if (p > 0) batch.barrier();
    record();
  }
  batch.submitAndWait();
  return batch.gpuSeconds();
}

// The median device time of one pass of `record`. A lone pass of tens of microseconds would
// measure launch latency and an idle GPU's clocks, so each submit holds enough passes for about
// 2 ms of work, and submits run until the GPU has been busy for 200 ms before `repeats` timed ones.
template <class Record>
double timeRuns(CommandBatch& batch, int repeats, Record record) {
  const double one = std::max(timeSubmit(batch, 1, record), 1e-7);
  const int passes = int(std::clamp(2e-3 / one, 1.0, 256.0));
  for (double busy = 0; busy < 0.2;) busy += timeSubmit(batch, passes, record);
  std::vector<double> runs;
  for (int i = 0; i < repeats; ++i) runs.push_back(timeSubmit(batch, passes, record) / passes);
  return median(runs);
}

LayerData randomLayer(const KernelBenchOptions& o) {
  LayerData d;
  d.qHeads = o.qHeads;
  d.kvHeads = o.kvHeads;
  d.tokens = o.tokens;
  d.headDim = o.headDim;
  std::mt19937_64 rng(7);
  std::normal_distribution<float> g;
  const size_t hs = d.headSize();
  d.k.resize(size_t(o.kvHeads) * hs);
  d.v.resize(d.k.size());
  d.q.resize(size_t(o.qHeads) * hs);
  for (auto& x : d.k) x = g(rng);
  for (auto& x : d.v) x = g(rng);
  for (auto& x : d.q) x = g(rng);
  return d;
}

}  // namespace

KernelBenchReport runKernelBench(const KernelBenchOptions& o) {
  if (o.kvHeads < 1 || o.qHeads < o.kvHeads || o.qHeads % o.kvHeads || o.tokens < 1 || o.headDim < 1 || o.repeats < 1)
    throw Error(ErrorCode::InvalidArgument, "bench kernels: bad shape or repeat count");
  ContextOptions co;
  co.device = o.device;
  co.pipelineCacheDir = o.pipelineCacheDir;
  auto context = Context::create(co);
  KernelBenchReport r;
  r.device = context->info();
  r.kvHeads = o.kvHeads;
  r.qHeads = o.qHeads;
  r.headDim = o.headDim;
  r.tokens = o.tokens;
  r.queries = o.queries;
  for (const Spec& s : kSpecs)
    if (r.device.name.find(s.match) != std::string::npos) {
      r.specBytesPerSecond = s.bytesPerSecond;
      r.specFp32FlopsPerSecond = s.fp32FlopsPerSecond;
      r.specSource = s.product;
      break;
    }
  CommandBatch batch(context);
  if (!batch.enableTimestamps())
    throw Error(ErrorCode::Unsupported, r.device.name + ": the compute queue has no timestamps");

  {  // the reference: a device-local to device-local copy
    const size_t bytes = std::min(size_t(o.copyBytes), Buffer::maxBytes(*context)) / 16 * 16;
    Buffer a(context, bytes, MemoryUse::Device, "copy source"), b(context, bytes, MemoryUse::Device, "copy target");
    batch.begin();
    batch.fill(a, 0x3f800000u);
    batch.submitAndWait();
    const double s = timeRuns(batch, o.repeats, [&] { batch.copy(a, b, bytes); });
    r.kernels.push_back({"vkCmdCopyBuffer", s, 2.0 * double(bytes), 0});
    // The same copy by a compute shader (16-byte loads and stores): the reference peak is the
    // faster of the two.
    const Pipeline& p = context->pipelines().get({"copy_vec4", 2, sizeof(uint32_t), {}});
    const uint32_t count = uint32_t(std::min<size_t>(bytes / 16, UINT32_MAX));
    const uint32_t groups = std::min<uint32_t>((count + 255) / 256, 65535);
    const double sc = timeRuns(batch, o.repeats, [&] { batch.dispatch(p, {&a, &b}, &count, groups); });
    r.kernels.push_back({"copy shader (vec4)", sc, 32.0 * double(count), 0});
    r.copyBytesPerSecond = std::max(2.0 * double(bytes) / s, 32.0 * double(count) / sc);
  }

  LayerData layer = randomLayer(o);
  const RoleShape shape{o.kvHeads, o.tokens, o.headDim};
  const size_t roleBytes = size_t(shape.values()) * 4;
  Buffer k(context, roleBytes, MemoryUse::Device, "keys"), v(context, roleBytes, MemoryUse::Device, "values");
  Buffer kHat(context, roleBytes, MemoryUse::Device, "keys reconstruction");
  Buffer vHat(context, roleBytes, MemoryUse::Device, "values reconstruction");
  Buffer sums(context, reconstructionSumsBytes(shape.vectors()), MemoryUse::Readback, "sums");
  uploadNow(context, k, std::as_bytes(std::span(layer.k)));
  uploadNow(context, v, std::as_bytes(std::span(layer.v)));
  QuantizeKernels kernels(context);
  std::vector<quant::MethodConfig> configs;
  for (int bits = 1; bits <= 4; ++bits) {
    quant::MethodConfig c;
    c.bits = bits;
    configs.push_back(c);
  }
  for (const char* fixed : {"q8_0", "q4_0"}) {
    quant::MethodConfig c;
    c.method = fixed;
    configs.push_back(c);
  }
  for (const auto& cfg : configs) {
    if (quantizeUnsupportedReason(cfg, {}, shape)) continue;
    const std::string label = cfg.method == "turboquant_mse" ? cfg.method + " b=" + std::to_string(cfg.bits) : cfg.method;
    const double s = timeRuns(batch, o.repeats, [&] { kernels.record(batch, cfg, shape, k, kHat); });
    r.kernels.push_back({label + " quantize->decode", s, 2.0 * double(roleBytes), 0});
  }
  {
    quant::MethodConfig cfg;
    cfg.bits = 2;
    batch.begin();
    kernels.record(batch, cfg, shape, v, vHat);
    batch.submitAndWait();
    const double s =
        timeRuns(batch, o.repeats, [&] { recordReconstructionSums(*context, batch, shape, k, kHat, sums); });
    r.kernels.push_back({"reconstruction sums", s, 2.0 * double(roleBytes) + double(sums.size()), 0});
  }
  if (const auto tiling = chooseAttentionTiling(*context, o.headDim)) {
    const auto positions = metrics::sampleQueryPositions(o.tokens, o.queries, 0);
    batch.begin();
    LayerAttention attention(context, layer, positions, *tiling, batch);
    batch.submitAndWait();
    attention.evaluate(batch, k, v, &kHat, &vHat);  // builds the reference (timed separately below)
    const double s = timeRuns(batch, o.repeats, [&] { attention.record(batch, k, v, &kHat, &vHat); });
    // Counted per (query row, attended key) pair: pass 1 the logits q·k and q·k̂ (4d), pass 2 the
    // same logits again (4d) and three weighted sums over d values (6d) = 14d FLOPs.
    double pairs = 0;
    for (int64_t p : positions) pairs += double(p + 1);
    pairs *= double(o.qHeads);
    r.kernels.push_back({"attention evaluate (K̂, V̂)", s, 0, 14.0 * double(o.headDim) * pairs});
  }
  return r;
}

}  // namespace vq::gpu
