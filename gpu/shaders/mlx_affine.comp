// MLX affine quantize -> decode of a role (core/quant/mlx_affine.cpp, MLX's GPU algorithm),
// bit-identical with the CPU. One invocation per group of G values of a vector:
//   wmax = max(0, values), wmin = min(values); anchor = wmin if |wmin| > |wmax| else wmax;
//   s = max((wmax − wmin)/(2^b − 1), 1e-7), negated when the anchor is wmax;
//   q0 = round(anchor/s); q0 ≠ 0: s = anchor/q0, bias = anchor; else bias = 0;
//   code = clamp(round((x − bias)/s), 0, 2^b − 1)  (round: halves away from zero);
//   x̂ = fp16(s)·code + fp16(bias) (the product of an fp16 scale and a code of <= 8 bits is exact
//        in fp32, so the sum rounds once whether the CPU build fused it into an fma or not).
// Divisions are correctly rounded (exact_float.glsl); max/min ties as std::max/std::min.
#version 450
#include "exact_float.glsl"

layout(local_size_x = 64) in;
layout(constant_id = 0) const uint G = 64;  // effective group size: min(G, head_dim)

layout(std430, binding = 0) readonly buffer Src { float src[]; };
layout(std430, binding = 1) writeonly buffer Dst { float dst[]; };
layout(push_constant) uniform Params {
  uint groups;  // values / G
  float bins;   // 2^bits − 1
} pc;

// std::round: halves away from zero (v − trunc(v) is exact).
float roundHalfAway(float v) {
  const float t = trunc(v);
  return abs(v - t) >= 0.5 ? t + sign(v) : t;
}

void main() {
  const uint group = (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * 64u + gl_LocalInvocationID.x;
  if (group >= pc.groups) return;
  const uint first = group * G;
  float wMin = uintBitsToFloat(0x7F7FFFFFu), wMax = 0.0;  // FLT_MAX, and MLX's running max from 0
  for (uint j = 0u; j < G; ++j) {
    const float w = src[first + j];
    wMax = wMax < w ? w : wMax;
    wMin = w < wMin ? w : wMin;
  }
  const bool anchorIsMin = abs(wMin) > abs(wMax);
  precise float range = wMax - wMin;
  float scale = divRn(range, pc.bins);
  const float eps = uintBitsToFloat(0x33D6BF95u);  // 1e-7f
  scale = scale < eps ? eps : scale;
  scale = anchorIsMin ? scale : -scale;
  const float anchor = anchorIsMin ? wMin : wMax;
  const float q0 = roundHalfAway(divRn(anchor, scale));
  float bias = 0.0;
  if (q0 != 0.0) {
    scale = divRn(anchor, q0);
    bias = anchor;
  }
  const float storedScale = halfToFloat(halfBitsRne(scale));
  const float storedBias = halfToFloat(halfBitsRne(bias));
  for (uint j = 0u; j < G; ++j) {
    precise float shifted = src[first + j] - bias;
    float q = roundHalfAway(divRn(shifted, scale));
    q = pc.bins < q ? pc.bins : q;
    const uint code = q > 0.0 ? uint(q) : 0u;
    precise float y = storedScale * float(code) + storedBias;
    dst[first + j] = y;
  }
}
