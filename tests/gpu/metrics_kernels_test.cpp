// The GPU reductions against the CPU backend: reconstruction metrics per KV head and the
// attention sums (GQA groups 1/2/4, all or sampled query positions, K-only / V-only / both).
// The reconstructions fed to both backends are identical (the quantize kernels are bit-exact),
// so the differences measured here are the reductions' own. Tolerances are named per quantity.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "backend_test_util.h"
#include "gpu/device_info.h"
#include "core/metrics/query_sampling.h"
#include "gpu/kernels/attention_kernels.h"
#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_commands.h"
#include "gpu/vulkan_session.h"

namespace vq::gpu {
namespace {

using test::closeRel;

// fp32 partial sums on the GPU vs double on the CPU.
constexpr double kReconRelTol = 1e-5;      // relMse, aggregate, SNR (relative)
constexpr double kCosineAbsTol = 1e-6;     // cosine mean / 1st percentile (absolute)
// Logits are fp32 dot products in another order than Eigen's: ~1e-7 relative each.
constexpr double kLogitRelTol = 1e-4;      // logit error, shrink
constexpr double kKlRelTol = 2e-3;         // KL mean / max (small differences of logits)
constexpr double kOutputRelTol = 1e-3;     // ‖o−ô‖² aggregates and mean ratios, relative to
constexpr double kOutputAbsTol = 1e-8;     // ... with this floor (fp32 noise of p̂ − p near one-hot rows)
constexpr double kTopkAbsTol = 0.02;       // top-8 overlap: a near-tie may flip one key

struct Case {
  int qHeads, kvHeads;
  int64_t tokens;
  int dim;
  int64_t queries;  // sampled positions per head, 0: all
};

std::string label(const Case& c) {
  return "Hq=" + std::to_string(c.qHeads) + " Hkv=" + std::to_string(c.kvHeads) + " T=" + std::to_string(c.tokens) +
         " d=" + std::to_string(c.dim) + " queries=" + std::to_string(c.queries);
}

void expectOutput(const std::optional<metrics::OutputError>& a, const std::optional<metrics::OutputError>& b,
                  const char* what) {
  ASSERT_EQ(a.has_value(), b.has_value()) << what;
  if (!a) return;
  EXPECT_NEAR(a->aggregate, b->aggregate, kOutputRelTol * std::abs(b->aggregate) + kOutputAbsTol) << what;
  EXPECT_NEAR(a->meanRatio, b->meanRatio, kOutputRelTol * std::abs(b->meanRatio) + kOutputAbsTol) << what;
}

void expectAttention(const metrics::AttentionMetrics& a, const metrics::AttentionMetrics& b) {
  EXPECT_EQ(a.queries, b.queries);
  ASSERT_EQ(a.keys.has_value(), b.keys.has_value());
  if (a.keys) {
    EXPECT_TRUE(closeRel(a.keys->logitErrorRel, b.keys->logitErrorRel, kLogitRelTol)) << a.keys->logitErrorRel << " vs " << b.keys->logitErrorRel;
    EXPECT_TRUE(closeRel(a.keys->logitErrorRelMean, b.keys->logitErrorRelMean, kLogitRelTol));
    EXPECT_TRUE(closeRel(a.keys->shrink, b.keys->shrink, kLogitRelTol)) << a.keys->shrink << " vs " << b.keys->shrink;
    EXPECT_TRUE(closeRel(a.keys->klMean, b.keys->klMean, kKlRelTol, 1e-9)) << a.keys->klMean << " vs " << b.keys->klMean;
    EXPECT_TRUE(closeRel(a.keys->klMax, b.keys->klMax, kKlRelTol, 1e-9)) << a.keys->klMax << " vs " << b.keys->klMax;
    EXPECT_NEAR(a.keys->topkOverlap, b.keys->topkOverlap, kTopkAbsTol);
  }
  expectOutput(a.kOnly, b.kOnly, "kOnly");
  expectOutput(a.vOnly, b.vOnly, "vOnly");
  expectOutput(a.both, b.both, "both");
}

void compareBackends(const Case& c, const quant::MethodConfig& cfg) {
  SCOPED_TRACE(label(c) + " " + cfg.method + " b=" + std::to_string(cfg.bits));
  LayerData layer = test::syntheticLayer(c.qHeads, c.kvHeads, c.tokens, c.dim, 99 + uint64_t(c.tokens));
  metrics::AttentionOptions opt;
  opt.sampleQueries = c.queries;
  opt.seed = 3;
  auto cpu = test::cpuBackend()->openLayer(layer, opt);
  auto gpu = test::vulkanBackend()->openLayer(std::move(layer), opt);
  ASSERT_EQ(cpu->queryPositions(), gpu->queryPositions());
  const RoleReconstruction kc = cpu->quantize(Role::K, cfg, {}), vc = cpu->quantize(Role::V, cfg, {});
  const RoleReconstruction kg = gpu->quantizeResident(Role::K, cfg, {}), vg = gpu->quantizeResident(Role::V, cfg, {});
  ASSERT_NE(kg.resident, nullptr);
  EXPECT_TRUE(kg.values.empty()) << "quantizeResident downloaded the values";
  for (int h = 0; h < c.kvHeads; ++h) {
    SCOPED_TRACE("kv head " + std::to_string(h));
    for (auto [rc, rg] : {std::pair{&kc, &kg}, std::pair{&vc, &vg}}) {
      const auto a = cpu->reconstruction(*rc, h).finish(rc->bitsPerValue);
      const auto b = gpu->reconstruction(*rg, h).finish(rg->bitsPerValue);
      EXPECT_EQ(a.vectors, b.vectors);
      EXPECT_EQ(a.usedVectors, b.usedVectors);
      EXPECT_EQ(a.zeroVectors, b.zeroVectors);
      EXPECT_TRUE(closeRel(a.relMse, b.relMse, kReconRelTol)) << a.relMse << " vs " << b.relMse;
      EXPECT_TRUE(closeRel(a.relMseAggregate, b.relMseAggregate, kReconRelTol));
      EXPECT_TRUE(closeRel(a.snrDb, b.snrDb, kReconRelTol));
      EXPECT_NEAR(a.cosineMean, b.cosineMean, kCosineAbsTol);
      EXPECT_NEAR(a.cosineP01, b.cosineP01, kCosineAbsTol);
    }
    if (c.qHeads == 0) {
      EXPECT_FALSE(gpu->attention(h, &kg, &vg).has_value());
      continue;
    }
    const auto both = gpu->attention(h, &kg, &vg);
    ASSERT_TRUE(both.has_value());
    expectAttention(cpu->attention(h, &kc, &vc)->finish(), both->finish());
    expectAttention(cpu->attention(h, &kc, nullptr)->finish(), gpu->attention(h, &kg, nullptr)->finish());
    expectAttention(cpu->attention(h, nullptr, &vc)->finish(), gpu->attention(h, nullptr, &vg)->finish());
  }
}

TEST(GpuMetrics, MatchTheCpuAcrossShapes) {
  VQ_REQUIRE_VULKAN();
  quant::MethodConfig cfg;
  cfg.method = "turboquant_mse";
  cfg.bits = 3;
  for (const Case& c : {Case{1, 1, 1, 16, 0}, Case{2, 1, 37, 16, 0}, Case{4, 2, 300, 64, 0}, Case{8, 2, 200, 128, 24},
                        Case{4, 4, 64, 128, 0}, Case{0, 2, 50, 64, 0}})
    compareBackends(c, cfg);
}

TEST(GpuMetrics, LongContextMatchesTheCpu) {
  // 4096 tokens, 32 sampled positions: rows attend to up to 4096 keys (256 tiles of 16). A
  // CPU-type device hands such layers to the CPU (kCpuDeviceMaxKeyTiles), a GPU runs them.
  VQ_REQUIRE_VULKAN();
  quant::MethodConfig cfg;
  cfg.method = "turboquant_mse";
  cfg.bits = 2;
  const Case c{8, 2, 4096, 128, 32};
  compareBackends(c, cfg);
  LayerData layer = test::syntheticLayer(c.qHeads, c.kvHeads, c.tokens, c.dim, 1);
  metrics::AttentionOptions opt;
  opt.sampleQueries = c.queries;
  auto session = test::vulkanBackend()->openLayer(std::move(layer), opt);
  const auto* vk = dynamic_cast<const VulkanLayerSession*>(session.get());
  ASSERT_NE(vk, nullptr);
  if (test::testContext()->info().type == DeviceType::Cpu) {
    EXPECT_NE(vk->attentionCpuReason().find("tokens"), std::string::npos) << vk->attentionCpuReason();
  } else {
    EXPECT_EQ(vk->attentionCpuReason(), "");
  }
}

TEST(GpuMetrics, NearlyLosslessReconstructionsKeepTheirPrecision) {
  // q8_0: errors ~1e-5 of the signal, where cancellation would show first.
  VQ_REQUIRE_VULKAN();
  quant::MethodConfig cfg;
  cfg.method = "q8_0";
  compareBackends(Case{4, 2, 120, 64, 0}, cfg);
}

// Within one kernel identical inputs give exactly 0 (logits, KL, V-only). The K-only error compares
// the evaluation's softmax of K̂ with the reference kernel's softmax of K: two shaders, which a
// driver may compile to different last bits (NVIDIA: 5e-14 of ‖o‖²), so that one is bounded.
constexpr double kCrossKernelRelTol = 1e-12;

TEST(GpuMetrics, IdenticalReconstructionGivesExactZeros) {
  VQ_REQUIRE_VULKAN();
  LayerData layer = test::syntheticLayer(4, 2, 80, 64, 5);
  auto gpu = test::vulkanBackend()->openLayer(layer, {});
  RoleReconstruction k;
  k.role = Role::K;
  k.values = layer.k;  // uploaded: K̂ = K exactly
  RoleReconstruction v;
  v.role = Role::V;
  v.values = layer.v;
  for (int h = 0; h < 2; ++h) {
    const auto s = gpu->attention(h, &k, &v);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->logitErr2, 0.0);
    EXPECT_EQ(s->klSum, 0.0);
    EXPECT_LE(s->kOnly.err2, kCrossKernelRelTol * s->kOnly.ref2);
    EXPECT_EQ(s->vOnly.err2, 0.0);
    EXPECT_LE(s->both.err2, kCrossKernelRelTol * s->both.ref2);
    EXPECT_EQ(s->topkSum, double(s->queries));
    const auto r = gpu->reconstruction(k, h).finish();
    EXPECT_EQ(r.relMse, 0.0);
  }
}


// The attention kernels under every tiling of the list the device fits (chooseAttentionTiling
// picks one by device and limits; lavapipe's 32 KB of shared memory rules out NVIDIA's tiling at
// d = 128, which runs where the device has room), against the CPU reference: odd and even
// block counts (a workgroup takes blocks x and n-1-x), partial tiles, d not a multiple of 16.
// K̂ = K and V̂ = V give exact zeros under each tiling.
TEST(GpuMetrics, EveryAttentionTilingMatchesTheCpu) {
  VQ_REQUIRE_VULKAN();
  const auto context = test::testContext();
  // {RB, KT, TR, TK, DC, KC, OR}
  const AttentionTiling tilings[] = {
      {16, 64, 4, 2, 32, 16, 2},  // NVIDIA's (fits lavapipe at d <= 64)
      {16, 64, 2, 4, 32, 16, 2},  // the next GPU candidate
      {16, 16, 2, 1, 32, 16, 4},  // lavapipe's
      {8, 16, 2, 1, 16, 8, 2},    // smaller devices'
      {2, 4, 2, 1, 4, 4, 2}};     // the smallest (d <= 64)
  const Case cases[] = {Case{8, 2, 300, 64, 36}, Case{4, 2, 200, 128, 0}, Case{2, 1, 90, 20, 0}};
  for (const Case& c : cases) {
    SCOPED_TRACE(label(c));
    const LayerData layer = test::syntheticLayer(c.qHeads, c.kvHeads, c.tokens, c.dim, 31 + uint64_t(c.tokens));
    const std::vector<int64_t> positions = metrics::sampleQueryPositions(c.tokens, c.queries, 0);
    std::vector<float> kHat(layer.k), vHat(layer.v);
    std::mt19937_64 rng(5);
    std::normal_distribution<float> g;
    for (auto& x : kHat) x += 0.2f * g(rng);
    for (auto& x : vHat) x += 0.2f * g(rng);
    const int group = c.qHeads / c.kvHeads;
    const size_t hs = size_t(c.tokens) * size_t(c.dim);
    std::vector<metrics::AttentionSums> cpu, cpuK, cpuV;
    for (int h = 0; h < c.kvHeads; ++h) {
      metrics::AttentionHeadInput in;
      in.headDim = c.dim;
      in.tokens = c.tokens;
      in.groupSize = group;
      in.q = std::span<const float>(layer.q).subspan(size_t(h) * group * hs, size_t(group) * hs);
      in.k = std::span<const float>(layer.k).subspan(size_t(h) * hs, hs);
      in.v = std::span<const float>(layer.v).subspan(size_t(h) * hs, hs);
      in.positions = positions;
      const metrics::AttentionReference ref(in);
      const auto kh = std::span<const float>(kHat).subspan(size_t(h) * hs, hs);
      const auto vh = std::span<const float>(vHat).subspan(size_t(h) * hs, hs);
      cpu.push_back(ref.evaluate(kh, vh));
      cpuK.push_back(ref.evaluate(kh, {}));
      cpuV.push_back(ref.evaluate({}, vh));
    }
    const size_t bytes = layer.k.size() * 4;
    Buffer k(context, bytes, MemoryUse::Device, "k"), v(context, bytes, MemoryUse::Device, "v");
    Buffer kh(context, bytes, MemoryUse::Device, "kHat"), vh(context, bytes, MemoryUse::Device, "vHat");
    uploadNow(context, k, std::as_bytes(std::span(layer.k)));
    uploadNow(context, v, std::as_bytes(std::span(layer.v)));
    uploadNow(context, kh, std::as_bytes(std::span(kHat)));
    uploadNow(context, vh, std::as_bytes(std::span(vHat)));
    int ran = 0;
    for (AttentionTiling t : tilings) {
      while (t.dimsPerChunk > 4 && (c.dim + 3) / 4 * 4 % t.dimsPerChunk) t.dimsPerChunk /= 2;  // as chosen
      if (!attentionTilingFits(*context, c.dim, t)) continue;
      // lavapipe compiles the 4-row tiles for minutes (LLVM's coroutine splitting at barriers):
      // there, the GPU tiling runs at d = 64 only.
      if (context->info().type == DeviceType::Cpu && t.rowsPerInvocation > 2 && c.dim != 64) continue;
      ++ran;
      SCOPED_TRACE("tiling RB=" + std::to_string(t.rowsPerGroup) + " KT=" + std::to_string(t.keysPerTile) +
                   " TR=" + std::to_string(t.rowsPerInvocation) + " TK=" + std::to_string(t.keysPerInvocation));
      CommandBatch batch(context);
      batch.begin();
      LayerAttention attention(context, layer, positions, t, batch);
      batch.submitAndWait();
      const auto both = attention.evaluate(batch, k, v, &kh, &vh);
      const auto kOnly = attention.evaluate(batch, k, v, &kh, nullptr);
      const auto vOnly = attention.evaluate(batch, k, v, nullptr, &vh);
      const auto same = attention.evaluate(batch, k, v, &k, &v);
      for (int h = 0; h < c.kvHeads; ++h) {
        expectAttention(both[size_t(h)].finish(), cpu[size_t(h)].finish());
        expectAttention(kOnly[size_t(h)].finish(), cpuK[size_t(h)].finish());
        expectAttention(vOnly[size_t(h)].finish(), cpuV[size_t(h)].finish());
        const auto& s = same[size_t(h)];
        EXPECT_EQ(s.logitErr2, 0.0);
        EXPECT_EQ(s.klSum, 0.0);
        EXPECT_LE(s.kOnly.err2, kCrossKernelRelTol * s.kOnly.ref2);
        EXPECT_EQ(s.vOnly.err2, 0.0);
        EXPECT_LE(s.both.err2, kCrossKernelRelTol * s.both.ref2);
        EXPECT_EQ(s.topkSum, double(s.queries));
      }
    }
    EXPECT_GE(ran, 2) << "tilings this device fits";
  }
}

}  // namespace
}  // namespace vq::gpu
