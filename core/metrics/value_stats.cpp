#include "core/metrics/value_stats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/common/error.h"
#include "core/common/thread_pool.h"

namespace vq::metrics {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Statistics of one head, merged in head order.
struct HeadPartial {
  int64_t finite = 0;       // finite values
  double mean = 0;          // of the finite values
  double m2 = 0;            // Σ (x − mean)² of the finite values
  double absMax = 0;
  int64_t nan = 0, inf = 0;
  int64_t normVectors = 0;  // entirely finite vectors
  int64_t nonFiniteVectors = 0;
  double normSum = 0, normMax = 0;
  std::vector<double> channelAbsSum;     // [headDim]
  std::vector<int64_t> channelFinite;    // [headDim]
};

HeadPartial reduceHead(std::span<const float> x, int64_t tokens, int dim) {
  HeadPartial h;
  h.channelAbsSum.assign(size_t(dim), 0.0);
  h.channelFinite.assign(size_t(dim), 0);
  double sum = 0;
  for (int64_t t = 0; t < tokens; ++t) {
    const float* row = x.data() + t * dim;
    double norm2 = 0;
    bool allFinite = true;
    for (int i = 0; i < dim; ++i) {
      const float v = row[i];
      if (!std::isfinite(v)) {
        allFinite = false;
        h.nan += std::isnan(v);
        h.inf += std::isinf(v);
        continue;
      }
      const double dv = v;
      const double a = std::abs(dv);
      sum += dv;
      norm2 += dv * dv;
      h.absMax = std::max(h.absMax, a);
      h.channelAbsSum[size_t(i)] += a;
      ++h.channelFinite[size_t(i)];
      ++h.finite;
    }
    if (allFinite) {
      const double n = std::sqrt(norm2);
      h.normSum += n;
      h.normMax = std::max(h.normMax, n);
      ++h.normVectors;
    } else {
      ++h.nonFiniteVectors;
    }
  }
  if (h.finite > 0) {
    h.mean = sum / double(h.finite);
    for (int64_t j = 0; j < tokens * dim; ++j) {
      const float v = x[size_t(j)];
      if (std::isfinite(v)) h.m2 += (double(v) - h.mean) * (double(v) - h.mean);
    }
  }
  return h;
}

ValueStats combine(const std::vector<HeadPartial>& parts, int heads, int64_t tokens, int dim,
                   int topN) {
  ValueStats s;
  s.heads = heads;
  s.tokens = tokens;
  s.headDim = dim;
  s.values = int64_t(heads) * tokens * dim;
  s.vectors = int64_t(heads) * tokens;
  int64_t n = 0, normVectors = 0;
  double mean = 0, m2 = 0, normSum = 0;
  for (const HeadPartial& h : parts) {
    s.nanCount += h.nan;
    s.infCount += h.inf;
    s.nonFiniteVectors += h.nonFiniteVectors;
    s.absMax = std::max(s.absMax, h.absMax);
    s.maxNorm = std::max(s.maxNorm, h.normMax);
    normSum += h.normSum;
    normVectors += h.normVectors;
    if (h.finite > 0) {  // Chan et al.'s pairwise merge of mean and M2
      const int64_t nn = n + h.finite;
      const double delta = h.mean - mean;
      mean += delta * double(h.finite) / double(nn);
      m2 += h.m2 + delta * delta * double(n) * double(h.finite) / double(nn);
      n = nn;
    }
  }
  s.mean = n > 0 ? mean : kNaN;
  s.std = n > 0 ? std::sqrt(m2 / double(n)) : kNaN;
  if (n == 0) s.absMax = kNaN;
  s.meanNorm = normVectors > 0 ? normSum / double(normVectors) : kNaN;
  if (normVectors == 0) s.maxNorm = kNaN;

  // Channel means, flat index head*dim + channel.
  std::vector<double> chan(size_t(heads) * size_t(dim), kNaN);
  for (int h = 0; h < heads; ++h) {
    for (int i = 0; i < dim; ++i) {
      const int64_t c = parts[size_t(h)].channelFinite[size_t(i)];
      if (c > 0) {
        chan[size_t(h) * size_t(dim) + size_t(i)] =
            parts[size_t(h)].channelAbsSum[size_t(i)] / double(c);
      }
    }
  }
  std::vector<double> sorted;
  sorted.reserve(chan.size());
  for (double v : chan) {
    if (!std::isnan(v)) sorted.push_back(v);
  }
  if (sorted.empty()) {
    s.medianChannelMeanAbs = kNaN;
    return s;
  }
  std::sort(sorted.begin(), sorted.end());
  const size_t m = sorted.size();
  s.medianChannelMeanAbs = m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);

  std::vector<size_t> order;
  order.reserve(m);
  for (size_t c = 0; c < chan.size(); ++c) {
    if (!std::isnan(chan[c])) order.push_back(c);
  }
  const size_t k = std::min(order.size(), size_t(topN));
  std::partial_sort(order.begin(), order.begin() + ptrdiff_t(k), order.end(),
                    [&](size_t a, size_t b) {
                      return chan[a] > chan[b] || (chan[a] == chan[b] && a < b);
                    });
  const double med = s.medianChannelMeanAbs;
  for (size_t j = 0; j < k; ++j) {
    const size_t c = order[j];
    ChannelOutlier o;
    o.head = int(c / size_t(dim));
    o.channel = int(c % size_t(dim));
    o.meanAbs = chan[c];
    o.ratioToMedian = med > 0 ? o.meanAbs / med
                              : (o.meanAbs > 0 ? std::numeric_limits<double>::infinity() : kNaN);
    s.topChannels.push_back(o);
  }
  return s;
}

void checkShape(int heads, int64_t tokens, int headDim, int topN) {
  if (heads <= 0 || tokens <= 0 || headDim <= 0 || topN < 0) {
    throw Error(ErrorCode::InvalidArgument,
                "value statistics: bad shape [" + std::to_string(heads) + ", " +
                    std::to_string(tokens) + ", " + std::to_string(headDim) + "] or top-N " +
                    std::to_string(topN));
  }
}

}  // namespace

ValueStats computeValueStats(int heads, int64_t tokens, int headDim, const HeadReader& readHead,
                             int topN, ThreadPool* pool) {
  checkShape(heads, tokens, headDim, topN);
  std::vector<HeadPartial> parts(static_cast<size_t>(heads));
  auto one = [&](int64_t h) {
    std::vector<float> buf(size_t(tokens) * size_t(headDim));
    readHead(int(h), buf);
    parts[size_t(h)] = reduceHead(buf, tokens, headDim);
  };
  if (pool != nullptr) {
    pool->parallelFor(0, heads, one);
  } else {
    for (int h = 0; h < heads; ++h) one(h);
  }
  return combine(parts, heads, tokens, headDim, topN);
}

ValueStats computeValueStats(std::span<const float> data, int heads, int64_t tokens, int headDim,
                             int topN) {
  checkShape(heads, tokens, headDim, topN);
  const size_t per = size_t(tokens) * size_t(headDim);
  if (data.size() != per * size_t(heads)) {
    throw Error(ErrorCode::InvalidArgument, "value statistics: data has " +
                                                std::to_string(data.size()) + " values, expected " +
                                                std::to_string(per * size_t(heads)));
  }
  std::vector<HeadPartial> parts;
  parts.reserve(size_t(heads));
  for (int h = 0; h < heads; ++h) {
    parts.push_back(reduceHead(data.subspan(size_t(h) * per, per), tokens, headDim));
  }
  return combine(parts, heads, tokens, headDim, topN);
}

}  // namespace vq::metrics
