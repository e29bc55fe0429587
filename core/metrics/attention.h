// Attention-aware distortion of quantized keys and values on real queries (DESIGN.md §5), for one
// KV head and the query heads that read it (GQA: query head h reads KV head h / (Hq/Hkv)).
//
// Attention: causal, scale 1/√d. A query at position t attends to keys 0..t:
//   ℓ_j = ⟨q, k_j⟩/√d,  p = softmax(ℓ) (max-subtracted),  o = Σ_j p_j v_j.
// With reconstructed keys K̂: ℓ̂, p̂; with reconstructed values V̂: ô uses V̂.
//
// Metrics (all sums in double; "pairs" = (query, attended key) pairs):
// - logitErrorRel     = sqrt( Σ_queries Σ_j (ℓ̂_j−ℓ_j)² / Σ_queries Σ_j (ℓ_j−ℓ̄_t)² ), ℓ̄_t the
//                       query's mean logit: the RMS logit error relative to the RMS spread of the
//                       logits within a query, pooled over queries. Queries whose logits have zero
//                       spread (e.g. t = 0, a single key) are left out of both sums.
//   logitErrorRelMean = mean over the same queries of sqrt(Σ_j(ℓ̂_j−ℓ_j)² / Σ_j(ℓ_j−ℓ̄_t)²).
// - shrink            = Σ_pairs ℓ·ℓ̂ / Σ_pairs ℓ²: the least-squares slope of ⟨q,k̂⟩ on ⟨q,k⟩
//                       through the origin. It measures a multiplicative shrink (K̂ = s·K gives
//                       exactly s) and, unlike the ratio of means E[⟨q,k̂⟩]/E[⟨q,k⟩], it does not
//                       blow up when the mean inner product is near zero; noise uncorrelated with
//                       ⟨q,k⟩ leaves it unbiased.
// - klMean / klMax    = mean / max over queries of KL(p‖p̂) = Σ_j p_j (log p_j − log p̂_j), in
//                       nats, computed as log(1 + Σ_j p_j (e^x_j − 1 − x_j)) with
//                       x_j = Δ_j − Σ_i p_i Δ_i, Δ = ℓ̂ − ℓ (exact, and precise for small errors;
//                       rounding below 0 is clamped to 0).
// - topkOverlap       = mean over queries of |topk(p) ∩ topk(p̂)| / k with k = min(8, t+1);
//                       ranks by logit, ties broken by the lower key index.
// - output error, for K-only (K̂,V), V-only (K,V̂) and both (K̂,V̂):
//   aggregate = Σ_queries ‖o−ô‖² / Σ_queries ‖o‖²;  meanRatio = mean over queries (with o ≠ 0) of
//   ‖o−ô‖²/‖o‖². The difference o−ô is computed directly ((p̂−p)·V, p·(V̂−V), …), so identical
//   inputs give exactly 0 and small errors keep their precision.
// Every (query head, position) pair counts as one query. Non-finite inputs give NaN metrics.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <Eigen/Core>

namespace vq {
class ThreadPool;
}

namespace vq::metrics {

using MatrixRMf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Query head h of Hq reads KV head h / (Hq/Hkv). Hq must be a multiple of Hkv.
constexpr int kvHeadOfQueryHead(int qHead, int qHeads, int kvHeads) {
  return qHead / (qHeads / kvHeads);
}

// One KV head and its group of query heads.
struct AttentionHeadInput {
  int headDim = 0;
  int64_t tokens = 0;
  int groupSize = 1;                   // query heads reading this KV head (Hq/Hkv)
  std::span<const float> q;            // [groupSize][tokens][headDim]: every position of each head
  std::span<const float> k, v;         // [tokens][headDim]
  std::span<const int64_t> positions;  // query positions to evaluate: sorted, unique, < tokens
};

struct OutputError {
  double aggregate = 0;  // Σ‖o−ô‖² / Σ‖o‖²
  double meanRatio = 0;  // mean of ‖o−ô‖²/‖o‖²
};

struct KeyAttentionMetrics {
  double logitErrorRel = 0;
  double logitErrorRelMean = 0;
  double shrink = 0;
  double klMean = 0;
  double klMax = 0;
  double topkOverlap = 0;
};

// Finished metrics. A field is empty when the reconstruction it needs was not given — never 0.
struct AttentionMetrics {
  int64_t queries = 0;
  std::optional<KeyAttentionMetrics> keys;  // needs K̂
  std::optional<OutputError> kOnly;         // needs K̂
  std::optional<OutputError> vOnly;         // needs V̂
  std::optional<OutputError> both;          // needs K̂ and V̂
};

struct OutputErrorSums {
  double err2 = 0;        // Σ‖o−ô‖²
  double ref2 = 0;        // Σ‖o‖²
  double ratioSum = 0;    // Σ ‖o−ô‖²/‖o‖² over queries with ‖o‖ > 0
  int64_t ratioCount = 0;
  void merge(const OutputErrorSums& o);
  OutputError finish() const;
};

// Additive sums behind AttentionMetrics: merge over heads, layers, query chunks or threads (the
// GPU backend fills the same fields).
struct AttentionSums {
  int64_t queries = 0;
  bool hasKeys = false;    // K̂ was given
  bool hasValues = false;  // V̂ was given
  double logitErr2 = 0;    // Σ (ℓ̂−ℓ)² over pairs of queries with logit spread > 0
  double logitDev2 = 0;    // Σ (ℓ−ℓ̄_t)² over the same pairs
  double logitRatioSum = 0;
  int64_t logitRatioCount = 0;
  double logitCross = 0;   // Σ ℓ·ℓ̂ over all pairs
  double logitSq = 0;      // Σ ℓ² over all pairs
  double klSum = 0;
  double klMax = 0;
  double topkSum = 0;
  OutputErrorSums kOnly, vOnly, both;

  // Merging sums computed with different reconstructions available keeps only what both have.
  void merge(const AttentionSums& o);
  AttentionMetrics finish() const;
};

// The unquantized attention of one KV head's query group, computed once and reused for any
// number of reconstructions (e.g. every method and bit width of a calibration sweep).
// Holds the selected queries, V, and the logits and probabilities of the attended span:
// about 8·rows·(mean attended length) bytes with rows = groupSize·positions (memoryBytes()).
// For very long sequences, build references over chunks of positions and merge the sums.
// evaluate() is const and thread-safe.
class AttentionReference {
 public:
  // Throws Error(InvalidArgument) on inconsistent sizes or bad positions. With a pool, blocks of
  // queries are processed in parallel (inline when already inside a parallelFor).
  explicit AttentionReference(const AttentionHeadInput& in, ThreadPool* pool = nullptr);

  // kHat / vHat: [tokens][headDim] reconstructions, or empty for "this one is not quantized".
  // The sums do not depend on the pool or its size (blocks are merged in a fixed order).
  AttentionSums evaluate(std::span<const float> kHat, std::span<const float> vHat,
                         ThreadPool* pool = nullptr) const;

  // Rows are ordered position-major: row = positionIndex·groupSize + headInGroup.
  int64_t rows() const { return int64_t(m_rows.size()); }
  const std::vector<int64_t>& positions() const { return m_positions; }
  const MatrixRMf& outputs() const { return m_out; }  // [rows x headDim], o of each row
  size_t memoryBytes() const;

 private:
  struct Chunk {
    int64_t row0 = 0;
    int64_t width = 0;  // keys 0..width-1 cover every row of the chunk
    MatrixRMf logits;   // [rows x width]; columns past a row's position are unused
    MatrixRMf probs;    // [rows x width]; zero past a row's position
  };
  struct Row {
    int64_t pos = 0;
    double spread2 = 0;    // Σ (ℓ − mean)²
    double sq = 0;         // Σ ℓ²
    double out2 = 0;       // ‖o‖²
    int topk = 0;
    std::array<int32_t, 8> top{};
  };

  void buildChunk(Chunk& c, const MatrixRMf& keys);
  void evaluateChunk(const Chunk& c, const MatrixRMf* keysHat,
                     const MatrixRMf* dV, AttentionSums& s) const;

  int m_dim = 0;
  int m_group = 1;
  int64_t m_tokens = 0;
  std::vector<int64_t> m_positions;
  MatrixRMf m_q;    // [rows x d], already scaled by 1/√d
  MatrixRMf m_v;    // [tokens x d]
  MatrixRMf m_out;  // [rows x d]
  std::vector<Chunk> m_chunks;
  std::vector<Row> m_rows;
};

// One-shot: AttentionReference(in, pool).evaluate(kHat, vHat, pool).
AttentionSums evaluateAttentionHead(const AttentionHeadInput& in, std::span<const float> kHat,
                                    std::span<const float> vHat, ThreadPool* pool = nullptr);

}  // namespace vq::metrics
