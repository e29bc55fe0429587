// llama.cpp's q8_0 (FORMAT_Q8_0) and q4_0 (FORMAT_Q4_0) quantize -> decode, bit-identical with
// core/quant/llamacpp_q8_0.cpp / llamacpp_q4.cpp (and so with ggml's reference quantizers):
// the same fp32 operations in the same order, the divisions correctly rounded (exact_float.glsl),
// the fp16 scale rounded to nearest even, C's float -> int8 conversion as x86-64 does it.
// One invocation per block of 32 values. Blocks follow the LayerRow scope: row t of the layer is
// token t's KV heads concatenated ([heads·D] values), cut into blocks of 32; the data is stored
// [heads][tokens][D], so a block may span two heads when D < 32.
// Optionally writes the packed blocks (34 / 18 bytes) into slots of 9 / 5 words, for tests.
#version 450
#include "exact_float.glsl"

layout(local_size_x = 64) in;
layout(constant_id = 0) const uint D = 128;
layout(constant_id = 1) const uint FUSED_Q4 = 1;  // the CPU computes x*id + 8.5f with an fma

layout(std430, binding = 0) readonly buffer Src { float src[]; };
layout(std430, binding = 1) writeonly buffer Dst { float dst[]; };
layout(std430, binding = 2) writeonly buffer Blocks { uint blocks[]; };
layout(push_constant) uniform Params {
  uint tokens;
  uint heads;
  uint blockCount;  // tokens · heads·D/32
  uint writeBlocks;
} pc;

#ifdef FORMAT_Q8_0
const uint kSlotWords = 9u;
#else
const uint kSlotWords = 5u;
#endif

// Index in the [heads][tokens][D] buffer of value e of layer row t.
uint elementIndex(uint t, uint e) { return ((e / D) * pc.tokens + t) * D + (e % D); }

// C's (int8_t)(int)v on x86-64: truncation; NaN, infinities and out-of-range values give
// 0x80000000, whose low byte is 0.
int castToInt8LikeC(float v) {
  const int i = (v > -2147483904.0 && v < 2147483648.0) ? int(v) : int(0x80000000u);
  return bitfieldExtract(i, 0, 8);
}

// roundf: halves away from zero (v - trunc(v) is exact).
float roundHalfAway(float v) {
  const float t = trunc(v);
  return abs(v - t) >= 0.5 ? t + sign(v) : t;
}

void putByte(inout uint words[kSlotWords], uint offset, uint byteValue) {
  words[offset >> 2] |= (byteValue & 0xFFu) << (8u * (offset & 3u));
}

void main() {
  const uint blk = gl_WorkGroupID.y * gl_NumWorkGroups.x * 64u + gl_GlobalInvocationID.x;
  if (blk >= pc.blockCount) return;
  const uint perRow = pc.heads * D / 32u;
  const uint t = blk / perRow, e0 = (blk % perRow) * 32u;
  float x[32];
  for (uint j = 0u; j < 32u; ++j) x[j] = src[elementIndex(t, e0 + j)];
  uint words[kSlotWords];
  for (uint w = 0u; w < kSlotWords; ++w) words[w] = 0u;

#ifdef FORMAT_Q8_0
  float amax = 0.0;
  for (uint j = 0u; j < 32u; ++j) {
    const float a = abs(x[j]);
    amax = amax > a ? amax : a;
  }
  const float d = divRn(amax, 127.0);
  const float id = d != 0.0 ? divRn(1.0, d) : 0.0;
  const uint dBits = halfBitsRne(d);
  const float dh = halfToFloat(dBits);
  putByte(words, 0u, dBits);
  putByte(words, 1u, dBits >> 8);
  for (uint j = 0u; j < 32u; ++j) {
    precise float v = x[j] * id;
    const int q = castToInt8LikeC(roundHalfAway(v));
    putByte(words, 2u + j, uint(q));
    dst[elementIndex(t, e0 + j)] = float(q) * dh;
  }
#else
  float amax = 0.0, vmax = 0.0;  // the value of largest magnitude, with its sign (first on ties)
  for (uint j = 0u; j < 32u; ++j) {
    const float a = x[j] < 0.0 ? -x[j] : x[j];
    if (amax < a) {
      amax = a;
      vmax = x[j];
    }
  }
  const float d = vmax * -0.125;  // = vmax / -8 exactly (a power of two), as the compiled CPU code
  const float id = d != 0.0 ? divRn(1.0, d) : 0.0;
  const uint dBits = halfBitsRne(d);
  const float dh = halfToFloat(dBits);
  putByte(words, 0u, dBits);
  putByte(words, 1u, dBits >> 8);
  for (uint j = 0u; j < 16u; ++j) {
    float vLo, vHi;
    if (FUSED_Q4 != 0u) {
      vLo = fmaRn(x[j], id, 8.5);
      vHi = fmaRn(x[j + 16u], id, 8.5);
    } else {
      precise float pLo = x[j] * id;
      precise float pHi = x[j + 16u] * id;
      precise float sLo = pLo + 8.5;
      precise float sHi = pHi + 8.5;
      vLo = sLo;
      vHi = sHi;
    }
    const int lo = min(15, castToInt8LikeC(vLo));
    const int hi = min(15, castToInt8LikeC(vHi));
    const uint packed = (uint(lo) & 0xFFu) | ((uint(hi) & 0xFFu) << 4);
    putByte(words, 2u + j, packed);
    const uint stored = packed & 0xFFu;
    dst[elementIndex(t, e0 + j)] = float(int(stored & 0x0Fu) - 8) * dh;
    dst[elementIndex(t, e0 + j + 16u)] = float(int(stored >> 4) - 8) * dh;
  }
#endif
  if (pc.writeBlocks != 0u)
    for (uint w = 0u; w < kSlotWords; ++w) blocks[blk * kSlotWords + w] = words[w];
}
