// Reconstruction error of quantized vectors: relative MSE, cosine, SNR and the distance to the
// rate-distortion limit (DESIGN.md §5).
//
// Definitions, for original rows x and reconstructions x̂ (one row = one key or value vector):
// - relMse          = mean over used rows of ‖x−x̂‖²/‖x‖²  (this is D, distortion per unit energy)
// - relMseAggregate = Σ‖x−x̂‖² / Σ‖x‖²  (= ‖X−X̂‖²_F/‖X‖²_F over used rows)
// - cosine          = ⟨x,x̂⟩/(‖x‖‖x̂‖), defined as 0 when x̂ = 0; mean over used rows
// - cosineP01       = the 1st percentile of the cosines by the nearest-rank rule: with the n
//                     used rows' cosines sorted ascending c(1) ≤ … ≤ c(n), it is c(k) with
//                     k = max(1, ⌈0.01·n⌉). An exact order statistic, never interpolated.
// - snrDb           = 10·log10(Σ‖x‖² / Σ‖x−x̂‖²)  (+inf for an exact reconstruction)
// - limitRatio      = D / 4^−b with D = relMse and b the bits per value (may be fractional);
//   wastedBits      = ½·log2(limitRatio): how many bits per value above the Shannon bound of a
//                     Gaussian source the method spends for its distortion. NaN when b is unknown.
// Used rows: all rows except zero rows (‖x‖ = 0: counted in zeroVectors, excluded from relMse
// and cosine but still part of the aggregate sums, where they add ‖x̂‖² to the error) and rows
// with any NaN/Inf in x or x̂ (counted in nonFiniteVectors, excluded from everything).
// nanCount/infCount count the non-finite values of both inputs.
// Sums are accumulated in double. Quantities without a used row are NaN.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace vq::metrics {

struct ReconstructionMetrics {
  int64_t vectors = 0;           // rows fed
  int64_t usedVectors = 0;       // rows in relMse / cosine
  int64_t zeroVectors = 0;
  int64_t nonFiniteVectors = 0;
  int64_t nanCount = 0;
  int64_t infCount = 0;
  double relMse = 0;
  double relMseAggregate = 0;
  double cosineMean = 0;
  double cosineP01 = 0;
  double snrDb = 0;
  double bitsPerValue = 0;       // as given to finish(); NaN if unknown
  double limitRatio = 0;         // relMse / 4^-b
  double wastedBits = 0;         // ½·log2(limitRatio)
};

// The sums of one row, computed elsewhere (e.g. by a GPU backend): what add() derives from x and x̂.
struct VectorSums {
  double err2 = 0;      // ‖x−x̂‖²
  double norm2 = 0;     // ‖x‖²
  double hatNorm2 = 0;  // ‖x̂‖²
  double dot = 0;       // ⟨x,x̂⟩
  int64_t nan = 0;      // NaN values in x and x̂ together
  int64_t inf = 0;      // ±Inf values in x and x̂ together
};

// Streaming accumulator: feed blocks of rows (e.g. one head at a time), merge the accumulators of
// several threads, then finish(). The percentile is exact: the accumulator keeps one float per
// used row (1 − cosine, which keeps full relative precision for cosines near 1), i.e. 4 bytes per
// vector; merge() concatenates them.
class ReconstructionAccumulator {
 public:
  // x, xhat: rows*dim floats, row-major. Throws Error(InvalidArgument) on a size mismatch.
  void add(std::span<const float> x, std::span<const float> xhat, int64_t rows, int dim);
  // One row from its precomputed sums, under the same rules as add() (add() calls this per row).
  void addVector(const VectorSums& v);
  void merge(const ReconstructionAccumulator& other);
  // bitsPerValue <= 0 or NaN: the limit ratio and wasted bits are NaN.
  ReconstructionMetrics finish(double bitsPerValue = 0) const;

  int64_t vectors() const { return m_vectors; }

 private:
  int64_t m_vectors = 0, m_used = 0, m_zero = 0, m_nonFinite = 0, m_nan = 0, m_inf = 0;
  double m_sumRelMse = 0, m_sumErr2 = 0, m_sumNorm2 = 0, m_sumCos = 0;
  std::vector<float> m_oneMinusCos;
};

// One-shot convenience over a single block of rows.
ReconstructionMetrics reconstructionMetrics(std::span<const float> x, std::span<const float> xhat,
                                            int64_t rows, int dim, double bitsPerValue = 0);

// The nearest-rank percentile of `values` (p in [0, 100]): the k-th smallest value with
// k = max(1, ⌈p/100·n⌉). Reorders `values`. NaN for an empty span.
double nearestRankPercentile(std::span<float> values, double p);

}  // namespace vq::metrics
