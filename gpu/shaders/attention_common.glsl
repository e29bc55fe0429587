// Shared part of the attention kernels (attention_reference.comp, attention_keys.comp,
// attention_outputs.comp).
//
// A block is RB consecutive rows of one KV head (row = positionIndex·G + headInGroup, the order
// of metrics::AttentionReference); it walks over the keys its rows attend to (causal: key
// j <= position) in tiles of KT keys. A workgroup takes two blocks, x and NB-1-x (a short and a
// long one: positions are sorted, so every workgroup gets about the same number of keys).
//
// Logits: register tiles. Invocation (rg, kg) owns rows rg + RG·a (a < TR) and keys kg + KG·b
// (b < TK) of each tile, so it meets its keys in increasing index order (its top-8 lists rely
// on that). Keys are staged in shared memory DC dims at a time (chunks), query rows stay there
// for the whole block; per 4 dims an invocation reads TR query and TK (or 2·TK) key vec4s for
// 4·TR·TK (or 8·TR·TK) FMAs. Every logit is one fma chain over i = 0..D-1 in index order, the
// same in all three kernels, so identical keys give identical logits. A warp holds 8 key groups
// × 4 row groups; padded strides (odd in vec4) keep its vec4 reads free of bank conflicts.
//
// Outputs (Σ_j p_j v_j and friends): p (and dp) of the tile go to shared memory; invocation
// owns output units of OR rows × 4 dims and walks over the tile's keys, values staged KC keys
// at a time. Per-row sums are partial over the KG key groups (logits) or the D/4 dim groups
// (outputs) and combined in group order by one invocation per row (tid < RB).
//
// Before including: #define KEY_TILES 1 (keys) or 2 (keys and reconstructed keys) and PD_VEC4,
// the vec4s of the p/dp region (0 where the kernel has no outputs phase).
#ifndef VQ_ATTENTION_COMMON_GLSL
#define VQ_ATTENTION_COMMON_GLSL

#extension GL_EXT_control_flow_attributes : require

layout(local_size_x_id = 3) in;                    // (RB / TR) · (KT / TK)
layout(constant_id = 0) const uint D = 128;        // head dimension
layout(constant_id = 1) const uint RB = 16;        // rows per block
layout(constant_id = 2) const uint KT = 128;       // keys per tile
layout(constant_id = 4) const uint TR = 2;         // rows per invocation (logits)
layout(constant_id = 5) const uint TK = 4;         // keys per invocation and tile (logits)
layout(constant_id = 6) const uint DC = 16;        // dims of a staged key chunk: a multiple of 4 dividing DP
layout(constant_id = 7) const uint KC = 16;        // keys of a staged value chunk, divides KT
layout(constant_id = 8) const uint STAGE4 = 1280;  // vec4s of the staging region (host: attention_kernels.cpp)
layout(constant_id = 9) const uint OR = 2;         // rows per output unit: 2 or 4

const uint RG = RB / TR;                   // row groups
const uint KG = KT / TK;                   // key groups
const uint NT = RG * KG;                   // invocations
const uint D4 = (D + 3u) / 4u;             // vec4s per row (zero-padded past D)
const uint DP = D4 * 4u;
const uint QS4 = D4 + 1u - D4 % 2u;        // query row stride in vec4s (odd: no bank conflicts)
const uint DC4 = DC / 4u;
const uint KS4 = DC4 + 1u - DC4 % 2u;      // staged key stride in vec4s (odd)
const uint NCHUNK = DP / DC;
const uint RU = RB / OR;                   // row units (outputs)
const uint UPT = (RU * D4 + NT - 1u) / NT; // output units per invocation
const uint SOFF = RB * QS4;                // staging region (keys, values, reductions, top lists)
const uint POFF = SOFF + STAGE4;           // p and dp of the tile: (p_r, dp_r) at float 2·(key·RB + r)
const uint BOFF = POFF + PD_VEC4;          // one vec4 per row: per-row values shared with the block
const float kLowest = -3.402823e38;        // finite start of a running max (exp(kLowest - m) = 0)
const uint kNoKey = 0xFFFFFFFFu;

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

// Query rows [0, SOFF), staging [SOFF, POFF), p/dp [POFF, BOFF), per-row values [BOFF, +RB).
shared vec4 sm[BOFF + RB];

uint gBlock;  // the block this workgroup works on

// Per-invocation state (globals: arrays of specialization-constant size do not pass to functions).
float acc[TR * TK];   // logits of pair (row rg + RG·a, key kg + KG·b) at a·TK + b
#if KEY_TILES == 2
float acch[TR * TK];  // ... with the reconstructed keys
#endif
float tv[8 * TR];     // top-8 lists of the TR rows (logit, key index), slots a·8..a·8+7
uint ti[8 * TR];

uint tid() { return gl_LocalInvocationID.x; }
float negInf() { return uintBitsToFloat(0xFF800000u); }
uint kvHead() { return gl_WorkGroupID.y; }
uint firstRow() { return gBlock * RB; }
uint blockCount() { return (pc.rows + RB - 1u) / RB; }

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

// This invocation's row group and key group (logits). Warps of 8 key groups × 4 row groups
// (fewer where KG or RG is smaller); KG and RG are powers of two.
void logitLanes(out uint rg, out uint kg) {
  const uint kgW = min(KG, 8u), rgW = min(RG, 32u / kgW), w = kgW * rgW;
  const uint wt = tid() / w, l = tid() % w;
  kg = (wt % (KG / kgW)) * kgW + l % kgW;
  rg = (wt / (KG / kgW)) * rgW + l / kgW;
}

// Output unit u (< RU·D4): row unit ru (rows ru·OR..) and dim group du (dims 4·du..). Warps of 8
// dim groups × 4 row units where the shape allows.
void outputUnit(uint u, out uint ru, out uint du) {
  const uint duW = min(D4 & (~D4 + 1u), 8u), ruW = min(RU, 32u / duW), w = duW * ruW;
  const uint wt = u / w, l = u % w;
  du = (wt % (D4 / duW)) * duW + l % duW;
  ru = (wt / (D4 / duW)) * ruW + l / duW;
}

// 4 dims of row `row` of `src` from `d0` on, zeros past D; `row` must be in range.
#define FETCH4(src, row, d0, out4)                                                 \
  {                                                                                \
    const uint b_ = (row) * D + (d0);                                              \
    if (D % 4u == 0u) {                                                            \
      [[unroll]] for (uint e_ = 0u; e_ < 4u; ++e_) out4[e_] = src[b_ + e_];        \
    } else {                                                                       \
      [[unroll]] for (uint e_ = 0u; e_ < 4u; ++e_)                                 \
        out4[e_] = (d0) + e_ < D ? src[min(b_ + e_, (row) * D + D - 1u)] : 0.0;    \
    }                                                                              \
  }

void loadQueries() {
  for (uint i = tid(); i < RB * D4; i += NT) {
    const uint r = i / D4, c4 = i % D4, row = firstRow() + r;
    vec4 x = vec4(0.0);
    if (row < pc.rows) FETCH4(qrows, kvHead() * pc.rows + row, c4 * 4u, x)
    sm[r * QS4 + c4] = x;
  }
}

#if KEY_TILES == 2
vec4 keyHat4(uint row, uint d0);  // defined by the kernel: 4 dims of the reconstructed key
#endif
#ifdef OUTPUTS_PHASE
void fetchValues(uint t0, uint k0);  // defined by the kernel: values of keys t0+k0.. into registers
#endif

// Key chunks go through registers: the next chunk is fetched from memory while the current one
// is in use (its loads in flight during the FMAs).
const uint NPK = (KT * DC4 + NT - 1u) / NT;  // staged key vec4s per invocation and chunk
vec4 pk[NPK];
#if KEY_TILES == 2
vec4 pkh[NPK];
#endif

// Fetches dims c·DC.. of keys t0..t0+KT-1 (zeros past the last token) into registers.
void fetchKeys(uint t0, uint c) {
  [[unroll]] for (uint s = 0u; s < NPK; ++s) {
    const uint i = tid() + NT * s;
    if (i < KT * DC4) {
      const uint k = i / DC4, c4 = i % DC4, j = t0 + k, d0 = c * DC + c4 * 4u;
      const uint row = kvHead() * pc.tokens + min(j, pc.tokens - 1u);  // in range
      vec4 x = vec4(0.0);
      FETCH4(keys, row, d0, x)
      pk[s] = j < pc.tokens ? x : vec4(0.0);
#if KEY_TILES == 2
      pkh[s] = j < pc.tokens ? keyHat4(row, d0) : vec4(0.0);
#endif
    }
  }
}

// Stores the fetched chunk at SOFF (the reconstructed keys at SOFF + KT·KS4).
void storeKeys() {
  [[unroll]] for (uint s = 0u; s < NPK; ++s) {
    const uint i = tid() + NT * s;
    if (i < KT * DC4) {
      const uint k = i / DC4, c4 = i % DC4;
      sm[SOFF + k * KS4 + c4] = pk[s];
#if KEY_TILES == 2
      sm[SOFF + (KT + k) * KS4 + c4] = pkh[s];
#endif
    }
  }
}

float fma4(vec4 q, vec4 k, float acc) {
  acc = fma(q.x, k.x, acc);
  acc = fma(q.y, k.y, acc);
  acc = fma(q.z, k.z, acc);
  return fma(q.w, k.w, acc);
}

// Adds dims c·DC.. of the staged chunk to the logits of this invocation's TR × TK pairs.
void logitChunk(uint c, uint rg, uint kg) {
  [[unroll]] for (uint c4 = 0u; c4 < DC4; ++c4) {
    vec4 q[TR];
    [[unroll]] for (uint a = 0u; a < TR; ++a) q[a] = sm[(rg + RG * a) * QS4 + c * DC4 + c4];
    [[unroll]] for (uint b = 0u; b < TK; ++b) {
      const vec4 k = sm[SOFF + (kg + KG * b) * KS4 + c4];
      [[unroll]] for (uint a = 0u; a < TR; ++a) acc[a * TK + b] = fma4(q[a], k, acc[a * TK + b]);
#if KEY_TILES == 2
      const vec4 kh = sm[SOFF + (KT + kg + KG * b) * KS4 + c4];
      [[unroll]] for (uint a = 0u; a < TR; ++a) acch[a * TK + b] = fma4(q[a], kh, acch[a * TK + b]);
#endif
    }
  }
}

void clearLogits();

// The logits of tile t0 (acc, acch) over all chunks. Expects chunk 0 of the tile fetched; fetches
// chunk 0 of the next tile (if any) and, with `values`, the tile's first value chunk during the
// last chunk. Leaves the staging region in use: callers barrier() before writing it.
void logitsOfTile(uint t0, uint width, uint rg, uint kg, bool values) {
  clearLogits();
  for (uint c = 0u; c < NCHUNK; ++c) {
    barrier();
    storeKeys();
    barrier();
    if (c + 1u < NCHUNK) {
      fetchKeys(t0, c + 1u);
    } else {
      if (t0 + KT < width) fetchKeys(t0 + KT, 0u);
#ifdef OUTPUTS_PHASE
      if (values) fetchValues(t0, 0u);
#endif
    }
    logitChunk(c, rg, kg);
  }
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

// Combines invocation g's (m, s) into a row's (M, S); the caller first takes M over all g.
float softmaxPart(float m, float s, float rowM) {
  precise float part = s * exp(m - rowM);
  return part;
}

// Top-8 order: logit descending, key index ascending (as metrics' topK). Empty slots hold
// (-inf, kNoKey), which every key beats.
bool better(float x, uint i, float y, uint k) { return x > y || (x == y && i < k); }

// Inserts (x, j) into the sorted list of slots o·8..o·8+7 (o a constant after unrolling).
#define TOP_INSERT(tv, ti, o, x, j)                                               \
  if (better(x, j, tv[(o) * 8u + 7u], ti[(o) * 8u + 7u])) {                      \
    float cx_ = x;                                                                \
    uint cj_ = j;                                                                 \
    [[unroll]] for (uint s_ = 0u; s_ < 8u; ++s_) {                               \
      if (better(cx_, cj_, tv[(o) * 8u + s_], ti[(o) * 8u + s_])) {              \
        const float tx_ = tv[(o) * 8u + s_];                                      \
        const uint tj_ = ti[(o) * 8u + s_];                                       \
        tv[(o) * 8u + s_] = cx_;                                                  \
        ti[(o) * 8u + s_] = cj_;                                                  \
        cx_ = tx_;                                                                \
        cj_ = tj_;                                                                \
      }                                                                           \
    }                                                                             \
  }

// Zeroes the logits of the pairs.
void clearLogits() {
  [[unroll]] for (uint i = 0u; i < TR * TK; ++i) {
    acc[i] = 0.0;
#if KEY_TILES == 2
    acch[i] = 0.0;
#endif
  }
}

// Empties the top lists.
void clearTop() {
  [[unroll]] for (uint i = 0u; i < 8u * TR; ++i) {
    tv[i] = negInf();
    ti[i] = kNoKey;
  }
}

// Merges the TR per-invocation top lists of every row of the block (invocation (rg, kg) holds
// rows rg + RG·a) into `top` of the row owner (tid < RB, row tid): the row's top 8 key indices
// in rank order, kNoKey past the end. The lists go through the staging region, as many key
// groups per round as fit. Every invocation must call it.
void mergeTop8(uint rg, uint kg, out uint top[8]) {
  float mv[8];
  uint mi[8];
  [[unroll]] for (uint s = 0u; s < 8u; ++s) {
    mv[s] = negInf();
    mi[s] = kNoKey;
  }
  const uint perRound = STAGE4 / (RB * 4u);  // lists of every row of perRound key groups
  for (uint g0 = 0u; g0 < KG; g0 += perRound) {
    barrier();
    if (kg >= g0 && kg < g0 + perRound) {
      [[unroll]] for (uint a = 0u; a < TR; ++a) {
        const uint at = SOFF + ((kg - g0) * RB + rg + RG * a) * 4u;
        [[unroll]] for (uint s = 0u; s < 4u; ++s)
          sm[at + s] = vec4(tv[a * 8u + 2u * s], uintBitsToFloat(ti[a * 8u + 2u * s]), tv[a * 8u + 2u * s + 1u],
                            uintBitsToFloat(ti[a * 8u + 2u * s + 1u]));
      }
    }
    barrier();
    if (tid() < RB) {
      for (uint g = 0u; g < perRound && g0 + g < KG; ++g) {
        const uint at = SOFF + (g * RB + tid()) * 4u;
        [[unroll]] for (uint s = 0u; s < 4u; ++s) {
          const vec4 e = sm[at + s];
          const uint i0 = floatBitsToUint(e.y), i1 = floatBitsToUint(e.w);
          TOP_INSERT(mv, mi, 0u, e.x, i0)
          TOP_INSERT(mv, mi, 0u, e.z, i1)
        }
      }
    }
  }
  [[unroll]] for (uint s = 0u; s < 8u; ++s) top[s] = mi[s];
}

// Writes (p, dp) of tile key `key` and block row r to the p/dp region.
void storePd(uint key, uint r, float p, float dp) {
  const uint f = key * RB + r;  // in (p, dp) pairs: vec4 f / 2, half f % 2
  if ((f & 1u) == 0u)
    sm[POFF + f / 2u].xy = vec2(p, dp);
  else
    sm[POFF + f / 2u].zw = vec2(p, dp);
}

#endif
