// The unquantized attention of every sampled row, once per layer (what metrics::AttentionReference
// keeps on the CPU): per row the softmax max m and normalizer s (p_j = exp(l_j - m) / s), the
// logit spread Σ(l - mean)², Σ l², ‖o‖² of the output o = Σ p_j v_j, and the top-8 keys.
// Output per row (16 words): m, s, spread2, sq, out2, topCount, 2 unused, top[8] (uint bits).
// Tiling: attention_common.glsl.
#version 450
#define OUTPUTS_PHASE
#define KEY_TILES 1
#define PD_VEC4 (KT * RB / 2u)
#include "attention_common.glsl"

layout(std430, binding = 4) writeonly buffer RefStats { float refStats[]; };

// Value chunks go through registers like key chunks: V of keys t0+k0.. (KC of them).
const uint NPV = (KC * D4 + NT - 1u) / NT;
vec4 pv[NPV];

void fetchValues(uint t0, uint k0) {
  [[unroll]] for (uint s = 0u; s < NPV; ++s) {
    const uint i = tid() + NT * s;
    if (i < KC * D4) {
      const uint k = i / D4, c4 = i % D4, j = t0 + k0 + k;
      const uint row = kvHead() * pc.tokens + min(j, pc.tokens - 1u);  // in range
      vec4 v = vec4(0.0);
      FETCH4(values, row, c4 * 4u, v)
      pv[s] = j < pc.tokens ? v : vec4(0.0);
    }
  }
}

void storeValues() {
  [[unroll]] for (uint s = 0u; s < NPV; ++s) {
    const uint i = tid() + NT * s;
    if (i < KC * D4) sm[SOFF + i] = pv[s];
  }
}

void block(uint rg, uint kg) {
  barrier();  // the previous block is done with shared memory
  loadQueries();
  clearTop();
  const uint width = blockWidth();
  int pos[TR];
  float m[TR], s[TR], sumL[TR], sq[TR];
  [[unroll]] for (uint a = 0u; a < TR; ++a) {
    pos[a] = rowPosition(rg + RG * a);
    m[a] = kLowest;
    s[a] = 0.0;
    sumL[a] = 0.0;
    sq[a] = 0.0;
  }

  // Pass 1: softmax normalizer, Σl, Σl², top 8.
  fetchKeys(0u, 0u);
  for (uint t0 = 0u; t0 < width; t0 += KT) {
    logitsOfTile(t0, width, rg, kg, false);
    [[unroll]] for (uint b = 0u; b < TK; ++b) {
      const uint j = t0 + kg + KG * b;
      [[unroll]] for (uint a = 0u; a < TR; ++a) {
        if (int(j) <= pos[a]) {
          const float l = acc[a * TK + b];
          softmaxAdd(m[a], s[a], l);
          sumL[a] += l;
          sq[a] += l * l;
          TOP_INSERT(tv, ti, a, l, j)
        }
      }
    }
  }
  barrier();
  [[unroll]] for (uint a = 0u; a < TR; ++a) sm[SOFF + kg * RB + rg + RG * a] = vec4(m[a], s[a], sumL[a], sq[a]);
  barrier();
  float rowM = kLowest, rowSumL = 0.0, rowSq = 0.0;
  precise float rowS = 0.0;
  const int rowPos = tid() < RB ? rowPosition(tid()) : -1;
  if (tid() < RB) {
    for (uint g = 0u; g < KG; ++g) rowM = max(rowM, sm[SOFF + g * RB + tid()].x);
    for (uint g = 0u; g < KG; ++g) {
      const vec4 x = sm[SOFF + g * RB + tid()];
      rowS += softmaxPart(x.x, x.y, rowM);
      rowSumL += x.z;
      rowSq += x.w;
    }
    const float mean = rowPos >= 0 ? rowSumL / float(rowPos + 1) : 0.0;
    sm[BOFF + tid()] = vec4(rowM, rowS, mean, 0.0);
  }
  uint top[8];
  mergeTop8(rg, kg, top);  // its barriers also publish sm[BOFF..]

  // Pass 2: spread around the mean, and the output o = Σ p_j v_j.
  float mean[TR], pm[TR], ps[TR], spread[TR];
  [[unroll]] for (uint a = 0u; a < TR; ++a) {
    const vec4 x = sm[BOFF + rg + RG * a];
    pm[a] = x.x;
    ps[a] = x.y;
    mean[a] = x.z;
    spread[a] = 0.0;
  }
  vec4 o[UPT * OR];
  [[unroll]] for (uint i = 0u; i < UPT * OR; ++i) o[i] = vec4(0.0);
  fetchKeys(0u, 0u);
  for (uint t0 = 0u; t0 < width; t0 += KT) {
    logitsOfTile(t0, width, rg, kg, true);
    [[unroll]] for (uint b = 0u; b < TK; ++b) {
      const uint key = kg + KG * b, j = t0 + key;
      [[unroll]] for (uint a = 0u; a < TR; ++a) {
        float p = 0.0;
        if (int(j) <= pos[a]) {
          const float l = acc[a * TK + b];
          const float dev = l - mean[a];
          spread[a] += dev * dev;
          p = exp(l - pm[a]) / ps[a];
        }
        storePd(key, rg + RG * a, p, 0.0);
      }
    }
    for (uint k0 = 0u; k0 < KT && t0 + k0 < width; k0 += KC) {
      barrier();
      storeValues();
      barrier();
      if (k0 + KC < KT && t0 + k0 + KC < width) fetchValues(t0, k0 + KC);
      [[unroll]] for (uint u4 = 0u; u4 < UPT; ++u4) {
        const uint u = tid() + NT * u4;
        if (u < RU * D4) {
          uint ru, du;
          outputUnit(u, ru, du);
          [[unroll]] for (uint k = 0u; k < KC; ++k) {
            const vec4 v = sm[SOFF + k * D4 + du];
            [[unroll]] for (uint h = 0u; h < OR / 2u; ++h) {
              const vec4 pd = sm[POFF + ((k0 + k) * RB + ru * OR) / 2u + h];
              o[u4 * OR + 2u * h] = fma(vec4(pd.x), v, o[u4 * OR + 2u * h]);
              o[u4 * OR + 2u * h + 1u] = fma(vec4(pd.z), v, o[u4 * OR + 2u * h + 1u]);
            }
          }
        }
      }
    }
  }

  // ‖o‖² over the D4 dim groups at SOFF, the spread over the key groups after them.
  barrier();
  [[unroll]] for (uint u4 = 0u; u4 < UPT; ++u4) {
    const uint u = tid() + NT * u4;
    if (u < RU * D4) {
      uint ru, du;
      outputUnit(u, ru, du);
      [[unroll]] for (uint i = 0u; i < OR; ++i) sm[SOFF + du * RB + ru * OR + i] = vec4(dot(o[u4 * OR + i], o[u4 * OR + i]));
    }
  }
  [[unroll]] for (uint a = 0u; a < TR; ++a) sm[SOFF + (D4 + kg) * RB + rg + RG * a] = vec4(spread[a]);
  barrier();
  if (rowPos >= 0) {
    float out2 = 0.0, spread2 = 0.0;
    for (uint g = 0u; g < D4; ++g) out2 += sm[SOFF + g * RB + tid()].x;
    for (uint g = 0u; g < KG; ++g) spread2 += sm[SOFF + (D4 + g) * RB + tid()].x;
    const uint base = (kvHead() * pc.rows + firstRow() + tid()) * 16u;
    refStats[base + 0u] = rowM;
    refStats[base + 1u] = rowS;
    refStats[base + 2u] = spread2;
    refStats[base + 3u] = rowSq;
    refStats[base + 4u] = out2;
    refStats[base + 5u] = float(min(8, rowPos + 1));
    refStats[base + 6u] = 0.0;
    refStats[base + 7u] = 0.0;
    for (uint i = 0u; i < 8u; ++i) refStats[base + 8u + i] = uintBitsToFloat(top[i]);
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
