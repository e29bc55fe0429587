// KIVI quantize -> decode of a role (core/quant/kivi.cpp), bit-identical with the CPU: min/max
// asymmetric integer codes per group, fp16 scale and zero, the last R tokens of each head kept
// in fp16. One invocation per group, then one per value of the fp16 window:
//   keys   (PER_CHANNEL = 1): a group is one channel over G consecutive tokens (from token 0;
//          the last group of the quantized tokens may be partial);
//   values (PER_CHANNEL = 0): a group is G consecutive channels of one token.
// Ties of min/max follow the CPU's std::min/std::max (keys) and std::minmax_element (values),
// divisions are correctly rounded (exact_float.glsl), codes round half to even like nearbyint.
// Decode code·scale + zero: the product of a code (<= 8 bits) and an fp16 scale (11 bits) is
// exact in fp32, so the sum rounds once whether the CPU build fused it into an fma or not.
#version 450
#include "exact_float.glsl"

layout(local_size_x = 64) in;
layout(constant_id = 0) const uint D = 128;          // head_dim
layout(constant_id = 1) const uint G = 32;           // group size (tokens for keys, channels for values)
layout(constant_id = 2) const uint PER_CHANNEL = 1;  // keys

layout(std430, binding = 0) readonly buffer Src { float src[]; };
layout(std430, binding = 1) writeonly buffer Dst { float dst[]; };
layout(push_constant) uniform Params {
  uint tokens;      // T
  uint quantized;   // T_q = T − R
  uint heads;
  uint levels;      // 2^bits − 1
  uint groupItems;  // heads · groups per head
  uint items;       // groupItems + heads · R · D
} pc;

const float kFp16Max = 65504.0;

float storedHalf(float v) { return halfToFloat(halfBitsRne(v)); }

void main() {
  const uint item = (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * 64u + gl_LocalInvocationID.x;
  if (item >= pc.items) return;
  if (item >= pc.groupItems) {  // the fp16 window: value e of the last R tokens of a head
    const uint e = item - pc.groupItems;
    const uint windowValues = (pc.tokens - pc.quantized) * D;
    const uint h = e / windowValues;
    const uint i = (h * pc.tokens + pc.quantized) * D + e % windowValues;
    dst[i] = storedHalf(src[i]);
    return;
  }
  // The group's first element, stride and size in the [heads][tokens][D] layout.
  uint first, stride, count;
  if (PER_CHANNEL != 0u) {
    const uint perHead = (pc.quantized + G - 1u) / G * D;
    const uint h = item / perHead, g = item % perHead;
    const uint t0 = (g / D) * G, c = g % D;
    first = (h * pc.tokens + t0) * D + c;
    stride = D;
    count = min(G, pc.quantized - t0);
  } else {
    const uint perHead = pc.quantized * (D / G);
    const uint h = item / perHead, g = item % perHead;
    first = (h * pc.tokens + g / (D / G)) * D + (g % (D / G)) * G;
    stride = 1u;
    count = G;
  }
  float lo = src[first], hi = lo;
  for (uint k = 1u; k < count; ++k) {
    const float x = src[first + k * stride];
    lo = x < lo ? x : lo;  // std::min / minmax_element: the first smallest
    if (PER_CHANNEL != 0u)
      hi = hi < x ? x : hi;  // std::max: the first largest
    else
      hi = x < hi ? hi : x;  // minmax_element: the last largest
  }
  precise float range = hi - lo;
  const float rawScale = divRn(range, float(pc.levels));
  const float scale = storedHalf(kFp16Max < rawScale ? kFp16Max : rawScale);
  const float zero = storedHalf(lo < -kFp16Max ? -kFp16Max : (kFp16Max < lo ? kFp16Max : lo));
  for (uint k = 0u; k < count; ++k) {
    const uint i = first + k * stride;
    uint code = 0u;
    if (scale > 0.0) {
      precise float shifted = src[i] - zero;
      const float q = roundEven(divRn(shifted, scale));
      code = !(q > 0.0) ? 0u : (q >= float(pc.levels) ? pc.levels : uint(q));
    }
    precise float y = float(code) * scale + zero;
    dst[i] = y;
  }
}
