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

// q4_0's code is trunc(x*id + 8.5f): the fused and unfused forms differ only when x*id sits within
// about 2^-21 of a half-integer (random data almost never does; real dumps of a million values
// do). Such x are built on purpose next to each code boundary, in a block whose scale is not a
// power of two, and quantizeBlockQ4_0 tells which form this build compiled.
bool probeQ4_0() {
  float block[quant::kGgmlBlockValues];
  const float vmax = -1.1f;  // the block's value of largest magnitude -> d = vmax / -8, id = 1/d
  block[0] = vmax;
  const float d = vmax / -8.0f;
  const float id = 1.0f / d;
  auto fusedCode = [&](float x) { return std::min(15, int(std::fma(x, id, 8.5f))); };
  auto plainCode = [&](float x) { return std::min(15, int(mulRounded(x, id) + 8.5f)); };
  int found = 1;
  for (int n = 1; n <= 15 && found < quant::kGgmlBlockValues; ++n) {
    float x = (float(n) - 8.5f) / id;
    for (int step = 0; step < 4096 && found < quant::kGgmlBlockValues; ++step) {
      if (fusedCode(x) != plainCode(x)) block[found++] = x;
      x = std::nextafter(x, step % 2 ? 1e9f : -1e9f);
      if (step % 2) x = std::nextafter(x, 1e9f);  // walk both ways, outwards
    }
  }
  if (found == 1) return false;  // no input tells the forms apart: either gives the same codes
  for (int j = found; j < quant::kGgmlBlockValues; ++j) block[j] = 0.0f;
  const quant::BlockQ4_0 cpu = quant::quantizeBlockQ4_0(block);
  bool fused = true, plain = true;
  for (int j = 0; j < quant::kGgmlBlockValues; ++j) {
    const int got = j < 16 ? (cpu.qs[j] & 0x0F) : (cpu.qs[j - 16] >> 4);
    fused = fused && got == fusedCode(block[j]);
    plain = plain && got == plainCode(block[j]);
  }
  return fused && !plain;
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
  c.q4_0 = probeQ4_0();
  return c;
}

}  // namespace

const CpuFloatContraction& cpuFloatContraction() {
  static const CpuFloatContraction c = detect();
  return c;
}

}  // namespace vq::gpu
