// The QJL sketch family's quantize -> decode (core/quant/qjl.cpp, and the residual stage of
// core/quant/turboquant_prod.cpp): per vector r (RESIDUAL = 0: r = x; RESIDUAL = 1: r = x − x̂₁,
// x̂₁ the stage-1 reconstruction already in dst, written by turboquant.comp),
//   stored = fp16(‖r‖)  (‖·‖ summed in 8 lanes like quant::l2Norm: bit-identical),
//   sign_k = (S r)_k >= 0 for the M rows of the uploaded Gaussian sketch S (M×D row-major),
//   out    = [x̂₁ +] Σ_k (sign_k ? s : −s)·S_k,  s = sqrt(π/2)/M · stored.
// The projections and the final sum run in index order, not in Eigen's, so they may differ from
// the CPU in the last bits, and a projection within rounding of 0 may take the other sign (tests
// use a tolerance and count such vectors).
#version 450
#include "exact_float.glsl"
#include "vector_layout.glsl"

layout(constant_id = 2) const uint FUSED_NORM = 1;  // CPU l2Norm accumulates with fma
layout(constant_id = 3) const uint M = 128;         // sketch rows
layout(constant_id = 4) const uint RESIDUAL = 0;    // 1: sketch x − dst (turboquant_prod)
const uint kSignWords = (M + 31u) / 32u;

layout(std430, binding = 0) readonly buffer Src { float src[]; };
layout(std430, binding = 1) buffer Dst { float dst[]; };
layout(std430, binding = 2) readonly buffer Sketch { float sketch[]; };
layout(push_constant) uniform Params {
  uint vectors;
  float estimatorScale;  // sqrt(π/2)/M as the CPU computed it
} pc;

shared float residual[VPW * D];
shared float stage1[RESIDUAL != 0u ? VPW * D : 1u];
shared uint signs[VPW * kSignWords];
shared float lanes[VPW * 8];
shared float rowScale[VPW];

void main() {
  const uint slot = vectorSlot(), lane = vectorLane();
  const uint vec = vectorIndex();
  const bool inRange = vec < pc.vectors;
  const uint base = slot * D;
  for (uint i = lane; i < D; i += TPV) {
    const float x = inRange ? src[vec * D + i] : 0.0;
    if (RESIDUAL != 0u) {
      const float first = inRange ? dst[vec * D + i] : 0.0;
      stage1[base + i] = first;
      precise float r = x - first;
      residual[base + i] = r;
    } else {
      residual[base + i] = x;
    }
  }
  barrier();

  // ‖r‖² in 8 lanes: lane l sums elements l, l+8, l+16, ... in order.
  if (lane < 8u) {
    precise float acc = 0.0;
    for (uint i = lane; i < D; i += 8u) {
      const float x = residual[base + i];
      if (FUSED_NORM != 0u) {
        acc = fmaRn(x, x, acc);
      } else {
        precise float p = x * x;
        acc = acc + p;
      }
    }
    lanes[slot * 8u + lane] = acc;
  }
  barrier();
  if (lane == 0u) {
    const uint l = slot * 8u;
    precise float sum = ((lanes[l] + lanes[l + 4u]) + (lanes[l + 1u] + lanes[l + 5u])) +
                        ((lanes[l + 2u] + lanes[l + 6u]) + (lanes[l + 3u] + lanes[l + 7u]));
    const float norm = sqrtRn(sum);
    const float stored = halfToFloat(halfBitsRne(norm < 65504.0 ? norm : 65504.0));
    precise float s = pc.estimatorScale * stored;
    rowScale[slot] = s;
  }

  // Sign bits of S r (bit k set when (S r)_k >= 0, as packSigns), one projection per lane.
  for (uint w = lane; w < kSignWords; w += TPV) signs[slot * kSignWords + w] = 0u;
  barrier();
  for (uint k = lane; k < M; k += TPV) {
    float p = 0.0;
    for (uint j = 0u; j < D; ++j) p += sketch[k * D + j] * residual[base + j];
    if (p >= 0.0) atomicOr(signs[slot * kSignWords + k / 32u], 1u << (k % 32u));
  }
  barrier();

  const float s = rowScale[slot];
  if (inRange)
    for (uint j = lane; j < D; j += TPV) {
      float acc = 0.0;
      for (uint k = 0u; k < M; ++k) {
        const bool positive = ((signs[slot * kSignWords + k / 32u] >> (k % 32u)) & 1u) != 0u;
        acc += (positive ? s : -s) * sketch[k * D + j];
      }
      dst[vec * D + j] = RESIDUAL != 0u ? stage1[base + j] + acc : acc;
    }
}
