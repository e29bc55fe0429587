// Which query positions the attention metrics evaluate (DESIGN.md §5: "all, or a configurable
// sample of query positions").
#pragma once

#include <cstdint>
#include <vector>

namespace vq::metrics {

// Deterministic stratified sample of n query positions out of 0..T-1, sorted and unique.
// - n <= 0 or n >= T: every position 0..T-1.
// - otherwise [0, T) is cut into n strata [floor(i·T/n), floor((i+1)·T/n)), i = 0..n-1 (each
//   non-empty since n < T); one position is drawn uniformly in each stratum from a splitmix64
//   stream seeded with `seed` (portable: the same positions on every platform and compiler),
//   and the last stratum's draw is replaced by T-1, so the last position is always included.
// The sample is spread over the whole sequence (one per stratum), so short and long attention
// spans are both represented. Throws Error(InvalidArgument) when T >= 2^31.
std::vector<int64_t> sampleQueryPositions(int64_t T, int64_t n, uint64_t seed);

}  // namespace vq::metrics
