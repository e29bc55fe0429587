// The unquantized attention of every sampled row, once per layer (what metrics::AttentionReference
// keeps on the CPU): per row the softmax max m and normalizer s (p_j = exp(l_j - m) / s), the
// logit spread Σ(l - mean)², Σ l², ‖o‖² of the output o = Σ p_j v_j, and the top-8 keys.
// Output per row (16 words): m, s, spread2, sq, out2, topCount, 2 unused, top[8] (uint bits).
#version 450
#define KEY_TILES 1
#include "attention_common.glsl"

layout(std430, binding = 4) writeonly buffer RefStats { float refStats[]; };

void main() {
  loadQueries();
  const uint r = rowInBlock(), k = keyLane();
  const int pos = rowPosition(r);
  const uint width = blockWidth();

  // Pass 1: softmax normalizer, Σl, Σl², top 8.
  float m = kLowest, s = 0.0, sumL = 0.0, sq = 0.0;
  float tv[8];
  uint ti[8];
  uint tn = 0u;
  for (uint t0 = 0u; t0 < width; t0 += KT) {
    barrier();
    LOAD_TILE(keys, t0, 0u)
    barrier();
    const uint j = t0 + k;
    if (int(j) <= pos) {
      const float l = logitAt(r, k, 0u);
      softmaxAdd(m, s, l);
      sumL += l;
      sq += l * l;
      topInsert(tv, ti, tn, l, j);
    }
  }
  float rowM, rowS;
  rowSoftmax(m, s, rowM, rowS);
  const float rowSumL = rowSum(sumL);
  const float rowSq = rowSum(sq);
  uint top[8];
  rowTop8(tv, ti, tn, top);

  // Pass 2: spread around the mean, and the output o = Σ p_j v_j.
  const float mean = pos >= 0 ? rowSumL / float(pos + 1) : 0.0;
  float spread = 0.0;
  float o[DPT];
  for (uint d = 0u; d < DPT; ++d) o[d] = 0.0;
  for (uint t0 = 0u; t0 < width; t0 += KT) {
    barrier();
    LOAD_TILE(keys, t0, 0u)
    barrier();
    const uint j = t0 + k;
    float p = 0.0;
    if (int(j) <= pos) {
      const float l = logitAt(r, k, 0u);
      const float dev = l - mean;
      spread += dev * dev;
      p = exp(l - rowM) / rowS;
    }
    pbuf[tid()] = p;
    barrier();
    LOAD_TILE(values, t0, 0u)
    barrier();
    for (uint kk = 0u; kk < KT; ++kk) {
      const float pk = pbuf[r * KT + kk];
      for (uint d = 0u; d < DPT; ++d) {
        const uint i = k + KT * d;
        if (i < D) o[d] = fma(pk, kv[kk * KS + i], o[d]);
      }
    }
  }
  float o2 = 0.0;
  for (uint d = 0u; d < DPT; ++d) o2 += o[d] * o[d];
  const float out2 = rowSum(o2);
  const float spread2 = rowSum(spread);

  if (k == 0u && pos >= 0) {
    const uint base = (kvHead() * pc.rows + firstRow() + r) * 16u;
    refStats[base + 0u] = rowM;
    refStats[base + 1u] = rowS;
    refStats[base + 2u] = spread2;
    refStats[base + 3u] = rowSq;
    refStats[base + 4u] = out2;
    refStats[base + 5u] = float(min(8, pos + 1));
    refStats[base + 6u] = 0.0;
    refStats[base + 7u] = 0.0;
    for (uint i = 0u; i < 8u; ++i) refStats[base + 8u + i] = uintBitsToFloat(top[i]);
  }
}
