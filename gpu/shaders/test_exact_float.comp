// Test kernel for exact_float.glsl: out[2i] = (divRn(a,b), sqrtRn(a), halfBitsRne(a), halfToFloat(b's
// low 16 bits)), out[2i+1] = (fmaRn(a, b, c), a*b+c with NoContraction, 0, 0) as raw bits, for the
// inputs in[i] = (a, b, c, unused). Used by tests/gpu only.
#version 450
#include "exact_float.glsl"

layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer Pairs { uvec4 pairs[]; };
layout(std430, binding = 1) writeonly buffer Results { uvec4 results[]; };
layout(push_constant) uniform Params { uint count; } pc;

void main() {
  const uint i = gl_GlobalInvocationID.x;
  if (i >= pc.count) return;
  const float a = uintBitsToFloat(pairs[i].x), b = uintBitsToFloat(pairs[i].y);
  const float c = uintBitsToFloat(pairs[i].z);
  precise float p = a * b;
  precise float plain = p + c;
  results[2u * i + 1u] = uvec4(floatBitsToUint(fmaRn(a, b, c)), floatBitsToUint(plain), 0u, 0u);
  results[2u * i] = uvec4(floatBitsToUint(divRn(a, b)), floatBitsToUint(sqrtRn(a)), halfBitsRne(a),
                     floatBitsToUint(halfToFloat(pairs[i].y & 0xFFFFu)));
}
