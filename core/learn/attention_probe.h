// The attention of one token's query, computed with the original and with the reconstructed keys
// or values: what the Learn view shows to explain why key errors hurt more than value errors.
// Causal attention with scale 1/√d as in core/metrics/attention.h: the query at position t reads
// keys 0..t; ℓ_j = ⟨q, k_j⟩/√d, p = softmax(ℓ), o = Σ_j p_j v_j. A key error Δ_j in the score
// multiplies that key's weight by e^Δ_j (before renormalisation); a value error only moves o
// linearly.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/compute/layer_data.h"

namespace vq::learn {

struct AttentionProbe {
  bool available = false;        // false when the layer has no queries
  int queryHeads = 0;            // query heads reading this KV head (the group)
  int firstQueryHead = 0;        // the head whose scores are kept below
  // Scores and weights of the first query head of the group over keys 0..t.
  std::vector<double> logits, logitsHat, probs, probsHat;
  // Over the whole group:
  double logitErrorRel = 0;      // sqrt(Σ(ℓ̂−ℓ)² / Σ(ℓ−ℓ̄)²); NaN when t = 0 (no spread)
  double klMean = 0;             // mean KL(p‖p̂) in nats
  double outputError = 0;        // Σ‖o−ô‖² / Σ‖o‖²
  double maxWeightFactor = 1;    // max_j p̂_j/p_j of the first head (how far one weight moved)
};

// kHat / vHat: [tokens x d] reconstructions of this KV head, or empty for "not quantized".
AttentionProbe probeAttention(const LayerData& layer, int kvHead, int64_t token, std::span<const float> kHat,
                              std::span<const float> vHat);

}  // namespace vq::learn
