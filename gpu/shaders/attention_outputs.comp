// Attention metrics of reconstructed keys K̂ and values V̂, pass 2 of 2 (after attention_keys.comp),
// with the definitions of core/metrics/attention.cpp:
//   kl = Σ p·(e^x - 1 - x) with x = Δ - μ, Δ = l̂ - l (the host takes log1p),
//   ‖(p̂-p)V‖², ‖p(V̂-V)‖², ‖(p̂-p)(V̂-V) + (p̂-p)V + p(V̂-V)‖²  (K-only, V-only, both).
// Output per row: rowSums[2, 4, 5, 6] = kl, ek2, ev2, ekv2 (pass 1 wrote 0, 1, 3).
// A role that is not quantized gets K̂ = K or V̂ = V bound (exact zeros). Tiling: attention_common.glsl.
#version 450
#define OUTPUTS_PHASE
#define KEY_TILES 2
#define PD_VEC4 (KT * RB / 2u)
#include "attention_common.glsl"

layout(std430, binding = 4) readonly buffer KeysHat { float keysHat[]; };
layout(std430, binding = 5) readonly buffer ValuesHat { float valuesHat[]; };
layout(std430, binding = 6) readonly buffer RefStats { float refStats[]; };
layout(std430, binding = 7) readonly buffer KeyStats { float keyStats[]; };
layout(std430, binding = 8) buffer RowSums { float rowSums[]; };

vec4 keyHat4(uint row, uint d0) {
  vec4 x = vec4(0.0);
  FETCH4(keysHat, row, d0, x)
  return x;
}

// Value chunks go through registers like key chunks: V and V̂ - V of keys t0+k0.. (KC of them).
const uint NPV = (KC * D4 + NT - 1u) / NT;
vec4 pv[NPV], pdv[NPV];

void fetchValues(uint t0, uint k0) {
  [[unroll]] for (uint s = 0u; s < NPV; ++s) {
    const uint i = tid() + NT * s;
    if (i < KC * D4) {
      const uint k = i / D4, c4 = i % D4, j = t0 + k0 + k;
      const uint row = kvHead() * pc.tokens + min(j, pc.tokens - 1u);  // in range
      vec4 v = vec4(0.0), vh = vec4(0.0);
      FETCH4(values, row, c4 * 4u, v)
      FETCH4(valuesHat, row, c4 * 4u, vh)
      pv[s] = j < pc.tokens ? v : vec4(0.0);
      pdv[s] = j < pc.tokens ? vh - v : vec4(0.0);
    }
  }
}

// Stores the fetched value chunk: V at SOFF, V̂ - V at SOFF + KC·D4.
void storeValues() {
  [[unroll]] for (uint s = 0u; s < NPV; ++s) {
    const uint i = tid() + NT * s;
    if (i < KC * D4) {
      sm[SOFF + i] = pv[s];
      sm[SOFF + KC * D4 + i] = pdv[s];
    }
  }
}

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

void block(uint rg, uint kg) {
  barrier();  // the previous block is done with shared memory
  loadQueries();
  const uint width = blockWidth();
  int pos[TR];
  float refM[TR], refS[TR], rowMh[TR], rowSh[TR], rowMu[TR], kl[TR];
  [[unroll]] for (uint a = 0u; a < TR; ++a) {
    pos[a] = rowPosition(rg + RG * a);
    const uint row = kvHead() * pc.rows + min(firstRow() + rg + RG * a, pc.rows - 1u);
    refM[a] = refStats[row * 16u];
    refS[a] = refStats[row * 16u + 1u];
    rowMh[a] = keyStats[row * 4u];
    rowSh[a] = keyStats[row * 4u + 1u];
    rowMu[a] = keyStats[row * 4u + 2u];
    kl[a] = 0.0;
  }
  // Output units: OR rows × 4 dims each, vec4 over the dims.
  vec4 ek[UPT * OR], ev[UPT * OR], ex[UPT * OR];
  [[unroll]] for (uint i = 0u; i < UPT * OR; ++i) {
    ek[i] = vec4(0.0);
    ev[i] = vec4(0.0);
    ex[i] = vec4(0.0);
  }
  fetchKeys(0u, 0u);
  for (uint t0 = 0u; t0 < width; t0 += KT) {
    logitsOfTile(t0, width, rg, kg, true);
    [[unroll]] for (uint b = 0u; b < TK; ++b) {
      const uint key = kg + KG * b, j = t0 + key;
      [[unroll]] for (uint a = 0u; a < TR; ++a) {
        float p = 0.0, dp = 0.0;
        if (int(j) <= pos[a]) {
          const float l = acc[a * TK + b], lh = acch[a * TK + b];
          p = exp(l - refM[a]) / refS[a];
          const float ph = exp(lh - rowMh[a]) / rowSh[a];
          kl[a] += p * expm1mx((lh - l) - rowMu[a]);
          dp = ph - p;
        }
        storePd(key, rg + RG * a, p, dp);
      }
    }
    // Σ over the tile's keys, values staged KC keys at a time: V at SOFF, V̂ - V after it.
    for (uint k0 = 0u; k0 < KT && t0 + k0 < width; k0 += KC) {
      barrier();
      storeValues();
      barrier();
      if (k0 + KC < KT && t0 + k0 + KC < width) fetchValues(t0, k0 + KC);
      [[unroll]] for (uint s = 0u; s < UPT; ++s) {
        const uint u = tid() + NT * s;
        if (u < RU * D4) {
          uint ru, du;
          outputUnit(u, ru, du);
          [[unroll]] for (uint k = 0u; k < KC; ++k) {
            const vec4 v = sm[SOFF + k * D4 + du], dv = sm[SOFF + (KC + k) * D4 + du];
            [[unroll]] for (uint h = 0u; h < OR / 2u; ++h) {
              const vec4 pd = sm[POFF + ((k0 + k) * RB + ru * OR) / 2u + h];  // (p, dp) of 2 rows
              const uint o = s * OR + 2u * h;
              ek[o] = fma(vec4(pd.y), v, ek[o]);
              ev[o] = fma(vec4(pd.x), dv, ev[o]);
              ex[o] = fma(vec4(pd.y), dv, ex[o]);
              ek[o + 1u] = fma(vec4(pd.w), v, ek[o + 1u]);
              ev[o + 1u] = fma(vec4(pd.z), dv, ev[o + 1u]);
              ex[o + 1u] = fma(vec4(pd.w), dv, ex[o + 1u]);
            }
          }
        }
      }
    }
  }

  // Per-row sums, in group order, by the row's owner (tid < RB): ‖·‖² over the D4 dim groups at
  // SOFF, KL over the key groups after them.
  barrier();
  [[unroll]] for (uint s = 0u; s < UPT; ++s) {
    const uint u = tid() + NT * s;
    if (u < RU * D4) {
      uint ru, du;
      outputUnit(u, ru, du);
      [[unroll]] for (uint i = 0u; i < OR; ++i) {
        const vec4 e = ek[s * OR + i], f = ev[s * OR + i], both = ex[s * OR + i] + (e + f);
        sm[SOFF + du * RB + ru * OR + i] = vec4(dot(e, e), dot(f, f), dot(both, both), 0.0);
      }
    }
  }
  [[unroll]] for (uint a = 0u; a < TR; ++a) sm[SOFF + (D4 + kg) * RB + rg + RG * a] = vec4(kl[a]);
  barrier();
  const int rowPos = tid() < RB ? rowPosition(tid()) : -1;
  if (rowPos >= 0) {
    vec4 sums = vec4(0.0);
    for (uint g = 0u; g < D4; ++g) sums += sm[SOFF + g * RB + tid()];
    float rowKl = 0.0;
    for (uint g = 0u; g < KG; ++g) rowKl += sm[SOFF + (D4 + g) * RB + tid()].x;
    const uint row = kvHead() * pc.rows + firstRow() + tid();
    rowSums[row * 8u + 2u] = rowKl;
    rowSums[row * 8u + 4u] = sums.x;
    rowSums[row * 8u + 5u] = sums.y;
    rowSums[row * 8u + 6u] = sums.z;
  }
}

void main() {
  uint rg, kg;
  logitLanes(rg, kg);
  const uint x = gl_WorkGroupID.x, other = blockCount() - 1u - x;  // blocks x and other
  for (uint i = 0u; i < (other != x ? 2u : 1u); ++i) {  // a loop: one copy of block() (compile time)
    gBlock = i == 0u ? x : other;
    block(rg, kg);
  }
}
