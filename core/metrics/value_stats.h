// Descriptive statistics of one tensor (one layer and role) of a dump, for `veloxquant info` and
// the dataset panel: vector norms, value range, non-finite values and the outlier channels (the
// few large key channels of LLMs that per-channel schemes and outlier protection care about).
//
// Definitions (the tensor is [heads, tokens, headDim]; a vector is one token of one head):
// - nanCount / infCount count the non-finite values; every other statistic ignores them:
//   absMax, mean and std (population, divided by n) are over the finite values; a vector with any
//   non-finite value is left out of the norm statistics (counted in nonFiniteVectors).
// - meanNorm / maxNorm: mean and max L2 norm over the vectors that are entirely finite.
// - a channel is (head, index within headDim); its mean |x| is over the finite values of that
//   channel across tokens. medianChannelMeanAbs is the median of the heads·headDim channel means
//   (the mean of the two middle ones for an even count); topChannels lists the topN channels by
//   mean |x|, largest first (ties: lower head, then lower channel), each with its ratio to the
//   median (+inf when the median is 0 and the channel's is not, NaN when both are 0).
// Sums are in double. Values without any finite input are NaN.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace vq {
class ThreadPool;
}

namespace vq::metrics {

struct ChannelOutlier {
  int head = 0;
  int channel = 0;
  double meanAbs = 0;
  double ratioToMedian = 0;
};

struct ValueStats {
  int heads = 0;
  int64_t tokens = 0;
  int headDim = 0;
  int64_t values = 0;
  int64_t vectors = 0;
  int64_t nanCount = 0;
  int64_t infCount = 0;
  int64_t nonFiniteVectors = 0;
  double meanNorm = 0;
  double maxNorm = 0;
  double absMax = 0;
  double mean = 0;
  double std = 0;
  double medianChannelMeanAbs = 0;
  std::vector<ChannelOutlier> topChannels;
};

// Fills `out` ([tokens x headDim] f32, row-major) with head `head`.
using HeadReader = std::function<void(int head, std::span<float> out)>;

// Streams the tensor head by head through `readHead` (one head buffer per thread is held).
// With a pool, heads are read and reduced in parallel; the result does not depend on it.
// Throws Error(InvalidArgument) on non-positive shapes or topN < 0.
ValueStats computeValueStats(int heads, int64_t tokens, int headDim, const HeadReader& readHead,
                             int topN = 8, ThreadPool* pool = nullptr);

// Same, for a tensor already in memory as [heads][tokens][headDim].
ValueStats computeValueStats(std::span<const float> data, int heads, int64_t tokens, int headDim,
                             int topN = 8);

}  // namespace vq::metrics
