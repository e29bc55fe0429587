// Vector-per-group layout shared by the per-vector kernels (turboquant_mse, qjl, recon_stats):
// a workgroup of WG = VPW · TPV invocations handles VPW vectors of D floats, TPV invocations per
// vector (role_shape.h picks both). Vectors are the rows of the [heads][tokens][D] role layout,
// all heads in one dispatch. The workgroup id is linear over a 2D grid (CommandBatch::groupGrid).
#ifndef VQ_VECTOR_LAYOUT_GLSL
#define VQ_VECTOR_LAYOUT_GLSL

layout(local_size_x_id = 15) in;
layout(constant_id = 0) const uint D = 128;   // vector length (head dimension)
layout(constant_id = 1) const uint TPV = 32;  // invocations per vector: a power of two, 8..32
layout(constant_id = 14) const uint VPW = 2;  // vectors per workgroup
layout(constant_id = 15) const uint WG = 64;  // VPW · TPV

uint workgroupLinearId() { return gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x; }
uint vectorSlot() { return gl_LocalInvocationID.x / TPV; }
uint vectorLane() { return gl_LocalInvocationID.x % TPV; }
uint vectorIndex() { return workgroupLinearId() * VPW + vectorSlot(); }

#endif
