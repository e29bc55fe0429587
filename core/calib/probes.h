// The per-layer pieces of the sensitivity probes (DESIGN.md §6) that do not quantize through a
// menu: key norms (keynorm), Gaussian perturbation of the attention (perturb), the exact storage
// of a menu entry without running it, and the model curve those probes rate entries with.
#pragma once

#include <cstdint>
#include <vector>

#include "core/calib/group.h"
#include "core/compute/compute_backend.h"

namespace vq::calib {

// Exact stored bytes of one configuration for every KV head of the open layer, per role.
// Without protection this is the method's storage formula (nothing is quantized); with protection
// (whose rows depend on the data) the layer is quantized to count them. Layer-row formats split
// the layer's bytes evenly over its heads. cfg.seed is used as given.
struct HeadStorage {
  std::vector<double> k, v;  // [kvHead] bytes
};
HeadStorage entryStorage(LayerSession& session, const quant::MethodConfig& cfg,
                         const quant::ProtectionConfig& protection);

// Mean squared L2 norm of the vectors a group covers (keys for K and joint groups, values for V
// groups): VeloxQuant-MLX's key-norm sensitivity proxy.
double meanSquaredNorm(const LayerData& data, const Group& group);

// Perturbation of one KV head: attention sums with K̂ = K + N_K and V̂ = V + N_V (so kOnly, vOnly
// and both are available), where N has i.i.d. N(0, σ²) entries with σ = noiseScale · std(x) of
// that head's tensor (std over all its coordinates), drawn from Rng::stream(seed, layer, role,
// head). noise2/signal2 are Σ‖N‖² and Σ‖x‖² of the head's K and V.
struct PerturbHead {
  metrics::AttentionSums sums;
  double noiseK2 = 0, signalK2 = 0, noiseV2 = 0, signalV2 = 0;
};
// Requires queries (the session's layer has qHeads > 0).
std::vector<PerturbHead> perturbLayer(LayerSession& session, double noiseScale, uint64_t seed);

// The model distortion of the keynorm/perturb probes: D(rate) = β^−rate.
double modelDistortion(double rate, double beta);

}  // namespace vq::calib
