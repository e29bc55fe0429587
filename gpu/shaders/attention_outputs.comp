// Attention metrics of reconstructed keys K̂ and values V̂, pass 2 of 2 (after attention_keys.comp),
// with the definitions of core/metrics/attention.cpp:
//   kl = Σ p·(e^x - 1 - x) with x = Δ - μ, Δ = l̂ - l (the host takes log1p),
//   ‖(p̂-p)V‖², ‖p(V̂-V)‖², ‖(p̂-p)(V̂-V) + (p̂-p)V + p(V̂-V)‖²  (K-only, V-only, both).
// Output per row: rowSums[2, 4, 5, 6] = kl, ek2, ev2, ekv2 (pass 1 wrote 0, 1, 3).
// A role that is not quantized gets K̂ = K or V̂ = V bound (exact zeros).
#version 450
#define KEY_TILES 2
#include "attention_common.glsl"

layout(std430, binding = 4) readonly buffer KeysHat { float keysHat[]; };
layout(std430, binding = 5) readonly buffer ValuesHat { float valuesHat[]; };
layout(std430, binding = 6) readonly buffer RefStats { float refStats[]; };
layout(std430, binding = 7) readonly buffer KeyStats { float keyStats[]; };
layout(std430, binding = 8) buffer RowSums { float rowSums[]; };

shared float dpbuf[RB * KT];

// e^x - 1 - x with full relative precision near 0 (Taylor to x^10 below |x| = 1/2).
float expm1mx(float x) {
  if (abs(x) < 0.5) {
    float t = 1.0 / 3628800.0;
    t = fma(t, x, 1.0 / 362880.0);
    t = fma(t, x, 1.0 / 40320.0);
    t = fma(t, x, 1.0 / 5040.0);
    t = fma(t, x, 1.0 / 720.0);
    t = fma(t, x, 1.0 / 120.0);
    t = fma(t, x, 1.0 / 24.0);
    t = fma(t, x, 1.0 / 6.0);
    t = fma(t, x, 0.5);
    return t * x * x;
  }
  return (exp(x) - 1.0) - x;
}

void main() {
  loadQueries();
  const uint r = rowInBlock(), k = keyLane();
  const int pos = rowPosition(r);
  const uint width = blockWidth();
  const uint row = kvHead() * pc.rows + min(firstRow() + r, pc.rows - 1u);
  const float refM = refStats[row * 16u], refS = refStats[row * 16u + 1u];
  const float rowMh = keyStats[row * 4u], rowSh = keyStats[row * 4u + 1u], rowMu = keyStats[row * 4u + 2u];

  float kl = 0.0;
  float ek[DPT], ev[DPT], ex[DPT];
  for (uint d = 0u; d < DPT; ++d) {
    ek[d] = 0.0;
    ev[d] = 0.0;
    ex[d] = 0.0;
  }
  for (uint t0 = 0u; t0 < width; t0 += KT) {
    barrier();
    LOAD_TILE(keys, t0, 0u)
    LOAD_TILE(keysHat, t0, TILE)
    barrier();
    const uint j = t0 + k;
    float p = 0.0, dp = 0.0;
    if (int(j) <= pos) {
      const float l = logitAt(r, k, 0u), lh = logitAt(r, k, TILE);
      p = exp(l - refM) / refS;
      const float ph = exp(lh - rowMh) / rowSh;
      kl += p * expm1mx((lh - l) - rowMu);
      dp = ph - p;
    }
    pbuf[tid()] = p;
    dpbuf[tid()] = dp;
    barrier();
    for (uint i = tid(); i < KT * D; i += RB * KT) {  // V and V̂ - V of the tile
      const uint kk = i / D, jj = t0 + kk;
      const uint at = (kvHead() * pc.tokens + min(jj, pc.tokens - 1u)) * D + i % D;  // in range
      const float v = jj < pc.tokens ? values[at] : 0.0;
      const float vh = jj < pc.tokens ? valuesHat[at] : 0.0;
      kv[kk * KS + i % D] = v;
      kv[TILE + kk * KS + i % D] = vh - v;
    }
    barrier();
    for (uint kk = 0u; kk < KT; ++kk) {
      const float pk = pbuf[r * KT + kk], dpk = dpbuf[r * KT + kk];
      for (uint d = 0u; d < DPT; ++d) {
        const uint i = k + KT * d;
        if (i < D) {
          const float v = kv[kk * KS + i], dv = kv[TILE + kk * KS + i];
          ek[d] = fma(dpk, v, ek[d]);
          ev[d] = fma(pk, dv, ev[d]);
          ex[d] = fma(dpk, dv, ex[d]);
        }
      }
    }
  }
  float ek2 = 0.0, ev2 = 0.0, ekv2 = 0.0;
  for (uint d = 0u; d < DPT; ++d) {
    const float both = ex[d] + (ek[d] + ev[d]);
    ek2 += ek[d] * ek[d];
    ev2 += ev[d] * ev[d];
    ekv2 += both * both;
  }
  const float rowKl = rowSum(kl);
  const float rowEk2 = rowSum(ek2);
  const float rowEv2 = rowSum(ev2);
  const float rowEkv2 = rowSum(ekv2);
  if (k == 0u && pos >= 0) {
    rowSums[row * 8u + 2u] = rowKl;
    rowSums[row * 8u + 4u] = rowEk2;
    rowSums[row * 8u + 5u] = rowEv2;
    rowSums[row * 8u + 6u] = rowEkv2;
  }
}
