// The fp16 rows of the protection options (core/quant/protection.cpp: sink tokens, z-score
// tokens, residual window) for methods whose rows are quantized independently: after the
// method's kernel wrote every vector, the vectors flagged here are replaced by fp16(x) (round to
// nearest even, no clamping, as vq::floatToFp16), bit-identical with the CPU. The CPU adds the
// (here empty) outlier-channel stream, 0.0, to every other value, which turns −0 into +0: so do we.
#version 450
#include "exact_float.glsl"

layout(local_size_x = 64) in;
layout(constant_id = 0) const uint D = 128;

layout(std430, binding = 0) readonly buffer Src { float src[]; };
layout(std430, binding = 1) buffer Dst { float dst[]; };
layout(std430, binding = 2) readonly buffer Flags { uint keep[]; };  // one per vector
layout(push_constant) uniform Params { uint values; } pc;

void main() {
  const uint i = (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * 64u + gl_LocalInvocationID.x;
  if (i >= pc.values) return;
  if (keep[i / D] != 0u) {
    dst[i] = halfToFloat(halfBitsRne(src[i]));
  } else {
    const float v = dst[i];
    dst[i] = v == 0.0 ? 0.0 : v;  // −0 + 0.0 = +0; everything else x + 0.0 = x
  }
}
