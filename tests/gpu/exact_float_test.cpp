// gpu/shaders/exact_float.glsl against the CPU: correctly rounded division and square root, and
// the fp16 conversions, bit for bit (the basis of the bit-exact q8_0 / q4_0 / turboquant kernels),
// and that the device's fma() is fused and `precise` products are not (what those kernels rely on).
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "core/common/half.h"
#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_commands.h"
#include "gpu/vulkan/vk_pipeline.h"
#include "gpu_test_device.h"

namespace vq::gpu {
namespace {

uint32_t bits(float f) { return std::bit_cast<uint32_t>(f); }

// Inputs that hit every branch: zeros, subnormals, the normal range ends, halfway cases of the
// fp16 rounding, infinities and NaNs, plus random bit patterns and random "ordinary" values.
std::vector<std::pair<uint32_t, uint32_t>> testPairs() {
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> special = {0.0f, -0.0f, 1.0f, -1.0f, 2.0f, 3.0f, 127.0f, -8.0f, 1e-45f, 1e-40f,
                                      1.17549435e-38f, 3.4028235e38f, inf, -inf,
                                      std::numeric_limits<float>::quiet_NaN(), 65504.0f, 65520.0f, 65519.0f,
                                      6.1035156e-05f, 5.9604645e-08f, 2.9802322e-08f, 8.940697e-08f,
                                      0.1f, 1.0000001f, 0.99999994f};
  std::vector<std::pair<uint32_t, uint32_t>> v;
  for (float a : special)
    for (float b : special) v.push_back({bits(a), bits(b)});
  std::mt19937 rng(12345);
  std::uniform_int_distribution<uint32_t> any;
  std::normal_distribution<float> g;
  for (int i = 0; i < 40000; ++i) v.push_back({any(rng), any(rng)});
  for (int i = 0; i < 40000; ++i) v.push_back({bits(g(rng) * 3.0f), bits(g(rng) + 0.001f)});
  for (int i = 0; i < 10000; ++i) {  // fp16 halfway and subnormal territory
    const float a = std::ldexp(float(any(rng) % 4096) + 0.5f, -int(any(rng) % 40));
    v.push_back({bits(a), any(rng)});
  }
  return v;
}

TEST(ExactFloat, MatchesTheCpuBitForBit) {
  VQ_REQUIRE_VULKAN();
  auto c = test::testContext();
  const auto pairs = testPairs();
  const uint32_t n = uint32_t(pairs.size());
  Buffer in(c, n * 16, MemoryUse::Device, "pairs");
  Buffer out(c, n * 32, MemoryUse::Readback, "results");
  std::vector<uint32_t> flat;
  for (uint32_t i = 0; i < n; ++i) {
    flat.push_back(pairs[i].first);
    flat.push_back(pairs[i].second);
    flat.push_back(pairs[(i * 7919u) % n].first);  // the addend of the fma check
    flat.push_back(0);
  }
  uploadNow(c, in, std::as_bytes(std::span(flat)));
  // The f64 variant's fmaRn is exact; without shaderFloat64 fmaRn is the device's fma(), which
  // Vulkan lets round twice (lavapipe does), so only the other results are checked there.
  const bool exactFma = c->hasFloat64();
  const Pipeline& p = c->pipelines().get({exactFma ? "test_exact_float_f64" : "test_exact_float", 2, 4, {}});
  CommandBatch batch(c);
  batch.begin();
  batch.dispatch(p, {&in, &out}, &n, (n + 63) / 64);
  batch.submitAndWait();
  std::vector<uint32_t> r(size_t(n) * 8);
  out.invalidate(0, out.size());
  std::memcpy(r.data(), out.mapped(), r.size() * 4);

  // Division, square root and the fp16 conversions work on the bits: they must match everywhere.
  // fmaRn converts its inputs to double and the `precise` a*b+c is plain float arithmetic, so on a
  // device that flushes fp32 subnormals (shaderDenormPreserveFloat32 is optional) those two are
  // only checked where inputs and results are normal.
  auto subnormal = [](float v) { return v != 0.0f && std::fpclassify(v) == FP_SUBNORMAL; };
  int failures = 0;
  int mismatches[6] = {0, 0, 0, 0, 0, 0};
  for (uint32_t i = 0; i < n; ++i) {
    volatile float a = std::bit_cast<float>(pairs[i].first);
    volatile float b = std::bit_cast<float>(pairs[i].second);
    const float q = a / b;
    const float s = std::sqrt(float(a));
    auto same = [](uint32_t gpu, float cpu) {
      return std::isnan(cpu) ? std::isnan(std::bit_cast<float>(gpu)) : gpu == bits(cpu);
    };
    const uint16_t h = floatToFp16(a);
    const float hf = fp16ToFloat(uint16_t(pairs[i].second & 0xFFFFu));
    const uint32_t* g = r.data() + 8 * i;
    volatile float addend = std::bit_cast<float>(flat[4 * i + 2]);
    const float fused = std::fma(float(a), float(b), float(addend));
    volatile float product = a * b;
    const float plain = product + addend;
    const bool normalInputs = !subnormal(a) && !subnormal(b) && !subnormal(addend);
    const bool ok[6] = {same(g[0], q), same(g[1], s), g[2] == h, same(g[3], hf),
                        !exactFma || !normalInputs || subnormal(fused) || same(g[4], fused),
                        !normalInputs || subnormal(product) || subnormal(plain) || same(g[5], plain)};
    bool all = true;
    for (int k = 0; k < 6; ++k) {
      mismatches[k] += !ok[k];
      all = all && ok[k];
    }
    if (!all && failures++ < 20) {
      ADD_FAILURE() << std::hex << "a=0x" << pairs[i].first << " b=0x" << pairs[i].second << " c=0x"
                    << flat[4 * i + 2] << ": div gpu 0x" << g[0] << " cpu 0x" << bits(q) << ", sqrt gpu 0x" << g[1]
                    << " cpu 0x" << bits(s) << ", half gpu 0x" << g[2] << " cpu 0x" << h << ", half->float gpu 0x"
                    << g[3] << " cpu 0x" << bits(hf) << ", fma gpu 0x" << g[4] << " cpu 0x" << bits(fused)
                    << ", a*b+c gpu 0x" << g[5] << " cpu 0x" << bits(plain);
    }
  }
  std::printf("[exact-float] mismatches: div %d, sqrt %d, half %d, half->float %d, fma %d, a*b+c %d of %u\n",
              mismatches[0], mismatches[1], mismatches[2], mismatches[3], mismatches[4], mismatches[5], n);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace vq::gpu
