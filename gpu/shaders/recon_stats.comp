// Per-vector sums behind the reconstruction metrics (metrics::VectorSums): ‖x−x̂‖², ‖x‖², ‖x̂‖²,
// ⟨x,x̂⟩ and the NaN / Inf counts of x and x̂, for every vector of a role ([heads][tokens][D]).
// fp32 partial sums per invocation, then a tree over the vector's invocations; the host adds the
// vectors up in double (ReconstructionAccumulator::addVector).
#version 450
#include "vector_layout.glsl"

layout(std430, binding = 0) readonly buffer X { float x[]; };
layout(std430, binding = 1) readonly buffer XHat { float xhat[]; };
layout(std430, binding = 2) writeonly buffer Sums { vec4 sums[]; };  // 2 per vector: sums, counts
layout(push_constant) uniform Params { uint vectors; } pc;

shared vec4 partS[WG];
shared vec2 partC[WG];

void main() {
  const uint lane = vectorLane();
  const uint vec = vectorIndex();
  const bool inRange = vec < pc.vectors;
  vec4 s = vec4(0.0);  // err2, norm2, hatNorm2, dot
  vec2 c = vec2(0.0);  // nan, inf
  if (inRange) {
    for (uint i = lane; i < D; i += TPV) {
      const float a = x[vec * D + i], b = xhat[vec * D + i];
      const float e = a - b;
      s += vec4(e * e, a * a, b * b, a * b);
      c += vec2(float(isnan(a)) + float(isnan(b)), float(isinf(a)) + float(isinf(b)));
    }
  }
  const uint t = gl_LocalInvocationID.x;
  partS[t] = s;
  partC[t] = c;
  for (uint step = TPV / 2u; step > 0u; step >>= 1) {
    barrier();
    if (lane < step) {
      partS[t] += partS[t + step];
      partC[t] += partC[t + step];
    }
  }
  if (inRange && lane == 0u) {
    sums[2u * vec] = partS[t];
    sums[2u * vec + 1u] = vec4(partC[t], 0.0, 0.0);
  }
}
