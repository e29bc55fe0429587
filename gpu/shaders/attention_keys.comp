// Attention metrics of reconstructed keys K̂, pass 1 of 2 (attention_outputs.comp is pass 2), for
// every sampled row, against the reference (attention_reference.comp), with the definitions of
// core/metrics/attention.cpp:
//   cross = Σ l·l̂,  err2 = Σ (l̂ - l)²,  overlap = |top8(l̂) ∩ top8(l)| (the row's top-k, k = min(8, n)),
// and what pass 2 needs: the softmax of l̂ (max, normalizer) and μ = Σ p·Δ with Δ = l̂ - l.
// Output per row: rowSums[0, 1, 3] = cross, err2, overlap; keyStats (4 floats) = max, normalizer, μ, 0.
// A role that is not quantized gets K̂ = K bound (exact zeros).
#version 450
#define KEY_TILES 2
#include "attention_common.glsl"

layout(std430, binding = 4) readonly buffer KeysHat { float keysHat[]; };
layout(std430, binding = 5) readonly buffer RefStats { float refStats[]; };
layout(std430, binding = 6) writeonly buffer KeyStats { float keyStats[]; };
layout(std430, binding = 7) writeonly buffer RowSums { float rowSums[]; };

void main() {
  loadQueries();
  const uint r = rowInBlock(), k = keyLane();
  const int pos = rowPosition(r);
  const uint width = blockWidth();
  const uint refBase = (kvHead() * pc.rows + min(firstRow() + r, pc.rows - 1u)) * 16u;
  const float refM = refStats[refBase], refS = refStats[refBase + 1u];

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

  if (k == 0u && pos >= 0) {
    uint overlap = 0u;
    const uint kRow = uint(refStats[refBase + 5u]);
    for (uint a = 0u; a < kRow; ++a)
      for (uint b = 0u; b < kRow; ++b) overlap += top[a] == floatBitsToUint(refStats[refBase + 8u + b]) ? 1u : 0u;
    const uint row = kvHead() * pc.rows + firstRow() + r;
    rowSums[row * 8u + 0u] = rowCross;
    rowSums[row * 8u + 1u] = rowErr2;
    rowSums[row * 8u + 3u] = float(overlap);
    keyStats[row * 4u + 0u] = rowMh;
    keyStats[row * 4u + 1u] = rowSh;
    keyStats[row * 4u + 2u] = rowMu;
    keyStats[row * 4u + 3u] = 0.0;
  }
}
