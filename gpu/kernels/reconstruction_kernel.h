// Per-vector reconstruction sums on the GPU (recon_stats.comp): for every vector of a role,
// ‖x−x̂‖², ‖x‖², ‖x̂‖², ⟨x,x̂⟩ (fp32) and the NaN / Inf counts; the host turns them into
// metrics::VectorSums and feeds ReconstructionAccumulator::addVector in double.
#pragma once

#include <memory>
#include <span>

#include "core/metrics/reconstruction.h"
#include "gpu/kernels/role_shape.h"

namespace vq::gpu {

class Buffer;
class CommandBatch;
class Context;

// Bytes of the sums of `vectors` vectors (what the output buffer must hold).
constexpr size_t reconstructionSumsBytes(uint64_t vectors) { return size_t(vectors) * 32; }

// Records the sums of x vs xhat (shape.values() floats each) into `sums` (a Readback buffer).
void recordReconstructionSums(Context& context, CommandBatch& batch, const RoleShape& shape, const Buffer& x,
                              const Buffer& xhat, const Buffer& sums);

// The accumulator of vectors [first, first + count) from the raw sums (8 floats per vector).
metrics::ReconstructionAccumulator accumulateReconstruction(std::span<const float> rawSums, uint64_t first,
                                                            uint64_t count);

}  // namespace vq::gpu
