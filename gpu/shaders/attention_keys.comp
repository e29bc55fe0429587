// Attention metrics of reconstructed keys K̂, pass 1 of 2 (attention_outputs.comp is pass 2), for
// every sampled row, against the reference (attention_reference.comp), with the definitions of
// core/metrics/attention.cpp:
//   cross = Σ l·l̂,  err2 = Σ (l̂ - l)²,  overlap = |top8(l̂) ∩ top8(l)| (the row's top-k, k = min(8, n)),
// and what pass 2 needs: the softmax of l̂ (max, normalizer) and μ = Σ p·Δ with Δ = l̂ - l.
// Output per row: rowSums[0, 1, 3] = cross, err2, overlap; keyStats (4 floats) = max, normalizer, μ, 0.
// A role that is not quantized gets K̂ = K bound (exact zeros). Tiling: attention_common.glsl.
#version 450
#define KEY_TILES 2
#define PD_VEC4 0u
#include "attention_common.glsl"

layout(std430, binding = 4) readonly buffer KeysHat { float keysHat[]; };
layout(std430, binding = 5) readonly buffer RefStats { float refStats[]; };
layout(std430, binding = 6) writeonly buffer KeyStats { float keyStats[]; };
layout(std430, binding = 7) writeonly buffer RowSums { float rowSums[]; };

vec4 keyHat4(uint row, uint d0) {
  vec4 x = vec4(0.0);
  FETCH4(keysHat, row, d0, x)
  return x;
}

void block(uint rg, uint kg) {
  barrier();  // the previous block is done with shared memory
  loadQueries();
  clearTop();
  const uint width = blockWidth();
  int pos[TR];
  float refM[TR], refS[TR];
  float mh[TR], sh[TR], cross[TR], err2[TR], mu[TR];
  [[unroll]] for (uint a = 0u; a < TR; ++a) {
    pos[a] = rowPosition(rg + RG * a);
    const uint refBase = (kvHead() * pc.rows + min(firstRow() + rg + RG * a, pc.rows - 1u)) * 16u;
    refM[a] = refStats[refBase];
    refS[a] = refStats[refBase + 1u];
    mh[a] = kLowest;
    sh[a] = 0.0;
    cross[a] = 0.0;
    err2[a] = 0.0;
    mu[a] = 0.0;
  }
  fetchKeys(0u, 0u);
  for (uint t0 = 0u; t0 < width; t0 += KT) {
    logitsOfTile(t0, width, rg, kg, false);
    [[unroll]] for (uint b = 0u; b < TK; ++b) {
      const uint j = t0 + kg + KG * b;
      [[unroll]] for (uint a = 0u; a < TR; ++a) {
        if (int(j) <= pos[a]) {
          const float l = acc[a * TK + b], lh = acch[a * TK + b];
          const float delta = lh - l;
          const float p = exp(l - refM[a]) / refS[a];
          softmaxAdd(mh[a], sh[a], lh);
          cross[a] += l * lh;
          err2[a] += delta * delta;
          mu[a] += p * delta;
          TOP_INSERT(tv, ti, a, lh, j)
        }
      }
    }
  }

  // Per-row sums over the key groups, in group order, by the row's owner (tid < RB).
  barrier();
  [[unroll]] for (uint a = 0u; a < TR; ++a) {
    const uint at = SOFF + (kg * RB + rg + RG * a) * 2u;
    sm[at] = vec4(mh[a], sh[a], cross[a], err2[a]);
    sm[at + 1u] = vec4(mu[a], 0.0, 0.0, 0.0);
  }
  barrier();
  float rowMh = kLowest, rowCross = 0.0, rowErr2 = 0.0, rowMu = 0.0;
  precise float rowSh = 0.0;
  if (tid() < RB) {
    for (uint g = 0u; g < KG; ++g) rowMh = max(rowMh, sm[SOFF + (g * RB + tid()) * 2u].x);
    for (uint g = 0u; g < KG; ++g) {
      const vec4 x = sm[SOFF + (g * RB + tid()) * 2u];
      rowSh += softmaxPart(x.x, x.y, rowMh);
      rowCross += x.z;
      rowErr2 += x.w;
      rowMu += sm[SOFF + (g * RB + tid()) * 2u + 1u].x;
    }
  }
  uint top[8];
  mergeTop8(rg, kg, top);

  const int rowPos = tid() < RB ? rowPosition(tid()) : -1;
  if (rowPos >= 0) {
    const uint refBase = (kvHead() * pc.rows + firstRow() + tid()) * 16u;
    uint overlap = 0u;
    const uint kRow = uint(refStats[refBase + 5u]);
    [[unroll]] for (uint a = 0u; a < 8u; ++a)
      [[unroll]] for (uint b = 0u; b < 8u; ++b)
        if (a < kRow && b < kRow && top[a] == floatBitsToUint(refStats[refBase + 8u + b])) ++overlap;
    const uint row = kvHead() * pc.rows + firstRow() + tid();
    rowSums[row * 8u + 0u] = rowCross;
    rowSums[row * 8u + 1u] = rowErr2;
    rowSums[row * 8u + 3u] = float(overlap);
    keyStats[row * 4u + 0u] = rowMh;
    keyStats[row * 4u + 1u] = rowSh;
    keyStats[row * 4u + 2u] = rowMu;
    keyStats[row * 4u + 3u] = 0.0;
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
