// Attention metrics of reconstructed keys K̂ and values V̂ for every sampled row, against the
// reference (attention_reference.comp), with the definitions of core/metrics/attention.cpp:
//   cross = Σ l·l̂,  err2 = Σ (l̂ - l)²,  kl = Σ p·(e^x - 1 - x) with x = Δ - Σ pΔ, Δ = l̂ - l
//   (the host takes log1p), common = |top8(l̂) ∩ top8(l)| (the row's top-k, k = min(8, n)),
//   ‖(p̂-p)V‖², ‖p(V̂-V)‖², ‖(p̂-p)(V̂-V) + (p̂-p)V + p(V̂-V)‖².
// Pass 1 gets the softmax of l̂ and Σ pΔ; pass 2 the KL terms and the three output errors.
// Output per row (8 floats): cross, err2, kl, common, ek2, ev2, ekv2, 0.
// Rows of a KV head that is not quantized get K̂ = K or V̂ = V bound (exact zeros).
#version 450
#define KEY_TILES 2
#include "attention_common.glsl"

layout(std430, binding = 4) readonly buffer KeysHat { float keysHat[]; };
layout(std430, binding = 5) readonly buffer ValuesHat { float valuesHat[]; };
layout(std430, binding = 6) readonly buffer RefStats { float refStats[]; };
layout(std430, binding = 7) writeonly buffer RowSums { float rowSums[]; };

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
  const uint refBase = (kvHead() * pc.rows + min(firstRow() + r, pc.rows - 1u)) * 16u;
  const float refM = refStats[refBase], refS = refStats[refBase + 1u];

  // Pass 1: softmax of l̂, Σ l·l̂, Σ Δ², μ = Σ pΔ, top 8 of l̂.
  float mh = kLowest, sh = 0.0, cross = 0.0, err2 = 0.0, mu = 0.0;
  float tv[8];
  uint ti[8];
  uint tn = 0u;
  for (uint t0 = 0u; t0 < width; t0 += KT) {
    barrier();
    LOAD_TILE(keys, t0, 0u)
    LOAD_TILE(keysHat, t0, TILE)
    barrier();
    const uint j = t0 + k;
    if (int(j) <= pos) {
      const float l = logitAt(r, k, 0u), lh = logitAt(r, k, TILE);
      const float delta = lh - l;
      const float p = exp(l - refM) / refS;
      softmaxAdd(mh, sh, lh);
      cross += l * lh;
      err2 += delta * delta;
      mu += p * delta;
      topInsert(tv, ti, tn, lh, j);
    }
  }
  float rowMh, rowSh;
  rowSoftmax(mh, sh, rowMh, rowSh);
  const float rowCross = rowSum(cross);
  const float rowErr2 = rowSum(err2);
  const float rowMu = rowSum(mu);
  uint top[8];
  rowTop8(tv, ti, tn, top);

  // Pass 2: KL terms; p and p̂ - p staged per tile for the output errors.
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
      const uint at = (kvHead() * pc.tokens + jj) * D + i % D;
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
    uint overlap = 0u;
    const uint kRow = uint(refStats[refBase + 5u]);
    for (uint a = 0u; a < kRow; ++a)
      for (uint b = 0u; b < kRow; ++b) overlap += top[a] == floatBitsToUint(refStats[refBase + 8u + b]) ? 1u : 0u;
    const uint base = (kvHead() * pc.rows + firstRow() + r) * 8u;
    rowSums[base + 0u] = rowCross;
    rowSums[base + 1u] = rowErr2;
    rowSums[base + 2u] = rowKl;
    rowSums[base + 3u] = float(overlap);
    rowSums[base + 4u] = rowEk2;
    rowSums[base + 5u] = rowEv2;
    rowSums[base + 6u] = rowEkv2;
    rowSums[base + 7u] = 0.0;
  }
}
