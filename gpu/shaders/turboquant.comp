// The turboquant family's quantize -> decode of every vector of a role (core/quant/
// turboquant_mse.cpp, turboquant_rvq.cpp; turboquant_prod's stage 1 is turboquant_mse), with the
// float operations of the CPU reference in its order:
//   norm = sqrt(Σ x²) summed in 8 interleaved lanes like quant::l2Norm (fused or not as the CPU
//   build does it: FUSED_NORM); u = Π x, where Π is
//     DENSE = 0 (power-of-two D): H·(D_signs ⊙ x) by radix-2 butterflies in the CPU's stage order
//               (bit-identical with the CPU),
//     DENSE = 1 (any other D): the dense orthogonal matrix the CPU built, uploaded (row-major);
//               the products are summed in index order, so they may differ from Eigen's in the
//               last bits (tests use a tolerance);
//   v = u·(1/norm); index = #boundaries < v; c = centroid;
//   STAGES = 2 (turboquant_rvq): e = v − c, index₂ = #boundaries₂ < e, c ← c + centroid₂;
//   scale = norm (or norm / ‖c‖ with norm correction, ‖·‖² summed in 4 lanes like
//   ScalarQuantizer::squaredNorm) rounded to fp16, then Πᵀ(c·scale).
#version 450
#include "exact_float.glsl"
#include "vector_layout.glsl"

layout(constant_id = 2) const uint FUSED_NORM = 1;    // CPU l2Norm accumulates with fma
layout(constant_id = 3) const uint FUSED_SQNORM = 1;  // CPU squaredNorm accumulates with fma
layout(constant_id = 4) const uint DENSE = 0;         // 1: dense rotation matrix instead of H·D
layout(constant_id = 5) const uint STAGES = 1;        // 2: residual stage (turboquant_rvq)

layout(std430, binding = 0) readonly buffer Src { float src[]; };
layout(std430, binding = 1) writeonly buffer Dst { float dst[]; };
// DENSE = 0: D_ii / sqrt(D) (D floats); DENSE = 1: Π, D×D row-major.
layout(std430, binding = 2) readonly buffer Rotation { float rotation[]; };
// Per stage: [levels] decision boundaries padded with +inf (binary search table), then [levels]
// centroids; stage 2 follows stage 1.
layout(std430, binding = 3) readonly buffer Codebook { float table[]; };
layout(push_constant) uniform Params {
  uint vectors;
  uint levels;          // 2^bits (per stage)
  uint normCorrection;  // 0 / 1
} pc;

shared float sh[VPW * D];
shared float product[DENSE != 0u ? VPW * D : 1u];  // the dense product's output
shared float lanes[VPW * 8];
shared float rowScale[VPW];
shared float rowInverse[VPW];

// x <- H x (unnormalized Walsh-Hadamard), stages h = 1, 2, 4, ... as fastWalshHadamard.
void walshHadamard(uint base, uint lane) {
  for (uint h = 1u; h < D; h <<= 1) {
    barrier();
    for (uint b = lane; b < D / 2u; b += TPV) {
      const uint i0 = (b / h) * 2u * h + (b % h);
      const float a = sh[base + i0], c = sh[base + i0 + h];
      sh[base + i0] = a + c;
      sh[base + i0 + h] = a - c;
    }
  }
  barrier();
}

// sh <- Π sh (transposed: Πᵀ sh) with the dense matrix.
void denseRotate(uint base, uint lane, bool transposed) {
  barrier();
  for (uint i = lane; i < D; i += TPV) {
    float acc = 0.0;
    for (uint j = 0u; j < D; ++j) acc += (transposed ? rotation[j * D + i] : rotation[i * D + j]) * sh[base + j];
    product[base + i] = acc;
  }
  barrier();
  for (uint i = lane; i < D; i += TPV) sh[base + i] = product[base + i];
  barrier();
}

// Index of the cell of v in the codebook table starting at `offset`: the number of boundaries
// strictly below v (the binary search over the padded table gives the CPU's linear count).
uint cellOf(float v, uint offset) {
  uint pos = 0u;
  for (uint step = pc.levels >> 1; step > 0u; step >>= 1)
    if (v > table[offset + pos + step - 1u]) pos += step;
  return pos;
}

void main() {
  const uint slot = vectorSlot(), lane = vectorLane();
  const uint vec = vectorIndex();
  const bool inRange = vec < pc.vectors;
  const uint base = slot * D;
  for (uint i = lane; i < D; i += TPV) sh[base + i] = inRange ? src[vec * D + i] : 0.0;
  barrier();

  // ‖x‖² in 8 lanes: lane l sums elements l, l+8, l+16, ... in order.
  if (lane < 8u) {
    precise float acc = 0.0;
    for (uint i = lane; i < D; i += 8u) {
      const float x = sh[base + i];
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
    rowScale[slot] = norm;
    rowInverse[slot] = norm > 0.0 ? divRn(1.0, norm) : 0.0;
  }
  if (DENSE != 0u) {
    denseRotate(base, lane, false);
  } else {
    for (uint i = lane; i < D; i += TPV) sh[base + i] = sh[base + i] * rotation[i];
    walshHadamard(base, lane);
  }

  const float inverse = rowInverse[slot];
  for (uint i = lane; i < D; i += TPV) {
    precise float v = sh[base + i] * inverse;
    const float c = table[pc.levels + cellOf(v, 0u)];
    if (STAGES == 2u) {
      precise float residual = v - c;
      const float c2 = table[3u * pc.levels + cellOf(residual, 2u * pc.levels)];
      precise float sum = c + c2;
      sh[base + i] = sum;
    } else {
      sh[base + i] = c;
    }
  }
  barrier();

  if (pc.normCorrection != 0u && lane < 4u) {
    // Σ centroid² in 4 lanes (as ScalarQuantizer::squaredNorm; D < 4 sums everything in lane 0).
    precise float acc = 0.0;
    const uint first = D >= 4u ? lane : (lane == 0u ? 0u : D);
    const uint stride = D >= 4u ? 4u : 1u;
    for (uint i = first; i < D; i += stride) {
      const float c = sh[base + i];
      if (FUSED_SQNORM != 0u) {
        acc = fmaRn(c, c, acc);
      } else {
        precise float p = c * c;
        acc = acc + p;
      }
    }
    lanes[slot * 8u + lane] = acc;
  }
  barrier();
  if (lane == 0u) {
    float scale = rowScale[slot];
    if (pc.normCorrection != 0u) {
      const uint l = slot * 8u;
      precise float sq = (lanes[l] + lanes[l + 1u]) + (lanes[l + 2u] + lanes[l + 3u]);
      const float unitNorm = sqrtRn(sq);
      scale = unitNorm > 0.0 ? divRn(scale, unitNorm) : 0.0;
    }
    rowScale[slot] = halfToFloat(halfBitsRne(scale < 65504.0 ? scale : 65504.0));
  }
  barrier();
  const float stored = rowScale[slot];
  for (uint i = lane; i < D; i += TPV) sh[base + i] = sh[base + i] * stored;
  if (DENSE != 0u) {
    denseRotate(base, lane, true);
    if (inRange)
      for (uint i = lane; i < D; i += TPV) dst[vec * D + i] = sh[base + i];
  } else {
    walshHadamard(base, lane);
    if (inRange)
      for (uint i = lane; i < D; i += TPV) dst[vec * D + i] = sh[base + i] * rotation[i];
  }
}
