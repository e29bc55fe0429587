// The bandwidth reference of `veloxquant bench kernels`: dst = src in 16-byte loads and stores,
// a grid-stride loop over vec4 elements (a device-local copy that no quantize pass can beat).
#version 450
layout(local_size_x = 256) in;
layout(std430, binding = 0) readonly buffer Src { vec4 src[]; };
layout(std430, binding = 1) writeonly buffer Dst { vec4 dst[]; };
layout(push_constant) uniform Params { uint count; } pc;

void main() {
  const uint stride = gl_NumWorkGroups.x * 256u;
  for (uint i = gl_GlobalInvocationID.x; i < pc.count; i += stride) dst[i] = src[i];
}
