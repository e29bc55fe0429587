// Shared part of the attention kernels (attention_reference.comp, attention_eval.comp).
// A workgroup takes RB consecutive rows of one KV head (row = positionIndex·G + headInGroup, the
// order of metrics::AttentionReference) and walks over the keys its rows attend to (causal: key
// j <= position) in tiles of KT keys staged in shared memory. Invocation (r, k) = (tid / KT,
// tid % KT) computes the logits of row r with key k of each tile, so per-row sums are partial
// over the KT invocations of the row and reduced at the end (rowSum, rowMax). For the outputs
// (Σ_j p_j v_j and friends) the same invocation owns dims k, k+KT, ... of row r.
// Before including: #define KEY_TILES 1 (keys) or 2 (keys and reconstructed keys).
#ifndef VQ_ATTENTION_COMMON_GLSL
#define VQ_ATTENTION_COMMON_GLSL

layout(local_size_x_id = 3) in;              // RB · KT
layout(constant_id = 0) const uint D = 128;  // head dimension
layout(constant_id = 1) const uint RB = 16;  // rows per workgroup
layout(constant_id = 2) const uint KT = 16;  // keys per tile, a power of two
const uint KS = D + 1u;                      // padded key stride in shared memory (no bank conflicts)
const uint DPT = (D + KT - 1u) / KT;         // output dims per invocation
const uint TILE = KT * KS;
const float kLowest = -3.402823e38;          // finite start of a running max (exp(kLowest - m) = 0)

layout(std430, binding = 0) readonly buffer QRows { float qrows[]; };  // [heads][rows][D], ·1/√D
layout(std430, binding = 1) readonly buffer Keys { float keys[]; };    // [heads][tokens][D]
layout(std430, binding = 2) readonly buffer Values { float values[]; };
layout(std430, binding = 3) readonly buffer Positions { uint positions[]; };  // sorted
layout(push_constant) uniform Params {
  uint tokens;
  uint rows;   // rows per KV head: positions · group
  uint group;  // query heads per KV head
  uint pad;
} pc;

shared float qs[RB * D];
shared float kv[KEY_TILES * TILE];
shared float red[RB * KT];
shared float red2[RB * KT];
shared uint redIdx[RB * KT];
shared float pbuf[RB * KT];

uint tid() { return gl_LocalInvocationID.x; }
uint rowInBlock() { return gl_LocalInvocationID.x / KT; }
uint keyLane() { return gl_LocalInvocationID.x % KT; }
uint kvHead() { return gl_WorkGroupID.y; }
uint firstRow() { return gl_WorkGroupID.x * RB; }

// The position of row r of this block, -1 past the last row.
int rowPosition(uint r) {
  const uint row = firstRow() + r;
  return row < pc.rows ? int(positions[row / pc.group]) : -1;
}

// Keys 0..width-1 cover every row of the block (positions are sorted, rows position-major).
uint blockWidth() {
  const uint last = min(firstRow() + RB, pc.rows) - 1u;
  return positions[last / pc.group] + 1u;
}

void loadQueries() {
  for (uint i = tid(); i < RB * D; i += RB * KT) {
    const uint row = firstRow() + i / D;
    qs[i] = row < pc.rows ? qrows[(kvHead() * pc.rows + row) * D + i % D] : 0.0;
  }
}

// The logit of row r with the key at kv[base + k·KS]: one fma chain in index order, the same
// in every kernel, so identical keys give identical logits.
float logitAt(uint r, uint k, uint base) {
  float acc = 0.0;
  for (uint i = 0u; i < D; ++i) acc = fma(qs[r * D + i], kv[base + k * KS + i], acc);
  return acc;
}

// Σ of v over the KT invocations of each row (every invocation gets its row's sum).
float rowSum(float v) {
  red[tid()] = v;
  for (uint s = KT / 2u; s > 0u; s >>= 1) {
    barrier();
    if (keyLane() < s) red[tid()] += red[tid() + s];
  }
  barrier();
  const float total = red[rowInBlock() * KT];
  barrier();
  return total;
}

float rowMax(float v) {
  red[tid()] = v;
  for (uint s = KT / 2u; s > 0u; s >>= 1) {
    barrier();
    if (keyLane() < s) red[tid()] = max(red[tid()], red[tid() + s]);
  }
  barrier();
  const float total = red[rowInBlock() * KT];
  barrier();
  return total;
}

// Running softmax normalizer: s = Σ exp(l - m) over the logits seen, m their max. `precise`:
// no fused multiply-add at the compiler's choice, so every kernel gets the same bits (the
// evaluation compares its softmax of K̂ = K with the reference's: NVIDIA fused one and not the other).
void softmaxAdd(inout float m, inout float s, float l) {
  if (l > m) {
    precise float scaled = s * exp(m - l) + 1.0;
    s = scaled;
    m = l;
  } else {
    precise float sum = s + exp(l - m);
    s = sum;
  }
}

// The row's max and Σ exp(l - max) from each invocation's (m, s).
void rowSoftmax(float m, float s, out float rowM, out float rowS) {
  rowM = rowMax(m);
  precise float part = s * exp(m - rowM);
  rowS = rowSum(part);
}

// Per-invocation top 8 by (logit descending, key index ascending): keys arrive in increasing
// index order, so strict > keeps ties in index order, as metrics' topK.
void topInsert(inout float tv[8], inout uint ti[8], inout uint tn, float x, uint j) {
  if (tn == 8u && !(x > tv[7])) return;
  uint p = tn < 8u ? tn : 7u;
  while (p > 0u && x > tv[p - 1u]) {
    tv[p] = tv[p - 1u];
    ti[p] = ti[p - 1u];
    --p;
  }
  tv[p] = x;
  ti[p] = j;
  if (tn < 8u) ++tn;
}

// Merges the rows' per-invocation lists: round i finds the i-th best of the row. Every
// invocation receives the row's top list (indices, in rank order; 0xFFFFFFFF past the end).
void rowTop8(float tv[8], uint ti[8], uint tn, out uint top[8]) {
  uint next = 0u;
  for (uint round = 0u; round < 8u; ++round) {
    const uint at = min(next, 7u);  // no out-of-range read, even in a select
    red[tid()] = next < tn ? tv[at] : 0.0;
    redIdx[tid()] = next < tn ? ti[at] : 0xFFFFFFFFu;
    for (uint s = KT / 2u; s > 0u; s >>= 1) {
      barrier();
      if (keyLane() < s) {
        const uint a = tid(), b = tid() + s;
        const uint ia = redIdx[a], ib = redIdx[b];
        bool takeB = false;
        if (ib != 0xFFFFFFFFu) {
          takeB = ia == 0xFFFFFFFFu || red[b] > red[a] || (!(red[a] > red[b]) && ib < ia);
        }
        if (takeB) {
          red[a] = red[b];
          redIdx[a] = ib;
        }
      }
    }
    barrier();
    const uint winner = redIdx[rowInBlock() * KT];
    barrier();
    top[round] = winner;
    if (next < tn && ti[at] == winner) ++next;
  }
}

// Stages keys (or values) t0..t0+KT-1 of this head from `src` into kv[base...]: a macro because
// GLSL cannot pass buffers to functions. Past the last token: zeros.
#define LOAD_TILE(src, t0, base)                                                  \
  for (uint i_ = tid(); i_ < KT * D; i_ += RB * KT) {                              \
    const uint kk_ = i_ / D, j_ = (t0) + kk_;                                      \
    kv[(base) + kk_ * KS + i_ % D] =                                               \
        j_ < pc.tokens ? src[(kvHead() * pc.tokens + min(j_, pc.tokens - 1u)) * D + i_ % D] : 0.0; \
  }

#endif
