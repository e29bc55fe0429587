#include "core/metrics/attention_layer.h"

#include <string>

#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "core/metrics/query_sampling.h"

namespace vq::metrics {

std::optional<LayerAttentionResult> evaluateLayerAttention(const LayerAttentionInput& in,
                                                           const AttentionOptions& options,
                                                           ThreadPool& pool,
                                                           std::stop_token stop) {
  if (in.qHeads == 0) return std::nullopt;
  if (in.qHeads < 0 || in.kvHeads <= 0 || in.tokens <= 0 || in.headDim <= 0 ||
      in.qHeads % in.kvHeads != 0) {
    throw Error(ErrorCode::InvalidArgument,
                "layer attention: " + std::to_string(in.qHeads) + " query heads, " +
                    std::to_string(in.kvHeads) + " KV heads, " + std::to_string(in.tokens) +
                    " tokens, head_dim " + std::to_string(in.headDim) +
                    " (query heads must be a multiple of KV heads)");
  }
  if (!in.read) throw Error(ErrorCode::InvalidArgument, "layer attention: no head reader");

  LayerAttentionResult result;
  result.positions = sampleQueryPositions(in.tokens, options.sampleQueries, options.seed);
  result.perKvHead.resize(size_t(in.kvHeads));
  const int G = in.qHeads / in.kvHeads;
  const size_t per = size_t(in.tokens) * size_t(in.headDim);

  auto evalHead = [&](int64_t j) {
    const int kv = int(j);
    std::vector<float> q(per * size_t(G)), k(per), v(per);
    for (int g = 0; g < G; ++g) {
      in.read(Role::Q, kv * G + g, std::span(q).subspan(size_t(g) * per, per));
    }
    in.read(Role::K, kv, k);
    in.read(Role::V, kv, v);
    AttentionHeadInput head;
    head.headDim = in.headDim;
    head.tokens = in.tokens;
    head.groupSize = G;
    head.q = q;
    head.k = k;
    head.v = v;
    head.positions = result.positions;
    const AttentionReference ref(head);
    // The reference keeps copies of the selected queries and of V; free the rest now.
    std::vector<float>().swap(q);
    std::vector<float>().swap(k);
    std::vector<float>().swap(v);
    std::vector<float> kHat, vHat;
    if (in.readKHat) {
      kHat.resize(per);
      in.readKHat(kv, kHat);
    }
    if (in.readVHat) {
      vHat.resize(per);
      in.readVHat(kv, vHat);
    }
    result.perKvHead[size_t(kv)] = ref.evaluate(kHat, vHat);
  };
  if (!pool.parallelFor(0, in.kvHeads, evalHead, stop)) {
    throw Error(ErrorCode::Cancelled, "layer attention cancelled");
  }
  for (const AttentionSums& s : result.perKvHead) result.total.merge(s);
  return result;
}

}  // namespace vq::metrics
