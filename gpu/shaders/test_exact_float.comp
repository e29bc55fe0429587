// Test kernel for exact_float.glsl: out[i] = (divRn(a,b), sqrtRn(a), halfBitsRne(a), halfToFloat(b's low 16 bits))
// as raw bits, for the pairs in[i] = (a, b). Used by tests/gpu only.
#version 450
#include "exact_float.glsl"

layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer Pairs { uvec2 pairs[]; };
layout(std430, binding = 1) writeonly buffer Results { uvec4 results[]; };
layout(push_constant) uniform Params { uint count; } pc;

void main() {
  const uint i = gl_GlobalInvocationID.x;
  if (i >= pc.count) return;
  const float a = uintBitsToFloat(pairs[i].x), b = uintBitsToFloat(pairs[i].y);
  results[i] = uvec4(floatBitsToUint(divRn(a, b)), floatBitsToUint(sqrtRn(a)), halfBitsRne(a),
                     floatBitsToUint(halfToFloat(pairs[i].y & 0xFFFFu)));
}
