#include "gpu/kernels/cpu_float_probe.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "core/quant/ggml_blocks.h"
#include "core/quant/llamacpp_q4.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/rotation_method_support.h"
#include "core/quant/scalar_quantizer.h"

namespace vq::gpu {

namespace {

// `volatile` keeps the compiler from fusing the product into the following addition.
float mulRounded(float a, float b) {
  volatile float p = a * b;
  return p;
}

float laneSum(const float* x, size_t n, size_t lanes, bool fused) {
  float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  for (size_t i = 0; i < n; ++i) {
    float& a = acc[i % lanes];
    a = fused ? std::fma(x[i], x[i], a) : a + mulRounded(x[i], x[i]);
  }
  if (lanes == 8) return ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
  return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

// Decides between the two forms with up to `tries` random inputs; false when no input tells
// them apart (then either choice gives the same bits).
template <class Probe>
bool probe(Probe&& run, int tries) {
  for (int i = 0; i < tries; ++i) {
    bool fusedMatches = false, plainMatches = false;
    if (!run(i, fusedMatches, plainMatches)) continue;  // this input does not discriminate
    return fusedMatches && !plainMatches;
  }
  return false;
}

CpuFloatContraction detect() {
  CpuFloatContraction c;
  std::mt19937 rng(2024);
  std::normal_distribution<float> g;
  const size_t n = 128;
  std::vector<float> x(n);
  c.l2Norm = probe(
      [&](int, bool& f, bool& p) {
        for (auto& v : x) v = g(rng);
        const float fused = std::sqrt(laneSum(x.data(), n, 8, true));
        const float plain = std::sqrt(laneSum(x.data(), n, 8, false));
        if (fused == plain) return false;
        const float cpu = quant::l2Norm(x.data(), n);
        f = cpu == fused;
        p = cpu == plain;
        return true;
      },
      200);
  const quant::ScalarQuantizer q(*quant::unitSphereCoordinateCodebook(int(n), 4));
  std::vector<uint8_t> idx(n);
  c.squaredNorm = probe(
      [&](int, bool& f, bool& p) {
        for (auto& i : idx) i = uint8_t(rng() % 16);
        for (size_t i = 0; i < n; ++i) x[i] = q.centroids()[idx[i]];
        const float fused = laneSum(x.data(), n, 4, true), plain = laneSum(x.data(), n, 4, false);
        if (fused == plain) return false;
        const float cpu = q.squaredNorm(idx.data(), n);
        f = cpu == fused;
        p = cpu == plain;
        return true;
      },
      200);
  float block[quant::kGgmlBlockValues];
  c.q4_0 = probe(
      [&](int, bool& f, bool& p) {
        for (auto& v : block) v = g(rng);
        const quant::BlockQ4_0 cpu = quant::quantizeBlockQ4_0(block);
        float vmax = 0, amax = 0;
        for (float v : block)
          if (amax < std::fabs(v)) {
            amax = std::fabs(v);
            vmax = v;
          }
        const float d = vmax / -8.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        bool differs = false;
        f = p = true;
        for (int j = 0; j < 16; ++j) {
          for (int half = 0; half < 2; ++half) {
            const float v = block[j + 16 * half];
            const int fused = std::min(15, int(std::fma(v, id, 8.5f)));
            const int plain = std::min(15, int(mulRounded(v, id) + 8.5f));
            const int got = half ? (cpu.qs[j] >> 4) : (cpu.qs[j] & 0x0F);
            differs |= fused != plain;
            f = f && got == fused;
            p = p && got == plain;
          }
        }
        return differs;
      },
      20000);
  return c;
}

}  // namespace

const CpuFloatContraction& cpuFloatContraction() {
  static const CpuFloatContraction c = detect();
  return c;
}

}  // namespace vq::gpu
