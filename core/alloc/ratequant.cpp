#include "core/alloc/ratequant.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/common/error.h"

namespace vq::alloc {

RateQuantResult rateQuantAllocate(const std::vector<RateQuantGroup>& groups, int64_t capacity, double scale,
                                  double beta) {
  if (!(beta > 1.0) || !std::isfinite(beta))
    throw Error(ErrorCode::InvalidArgument, "ratequant needs beta > 1, got " + std::to_string(beta));
  const size_t N = groups.size();
  RateQuantResult res;
  res.index.assign(N, 0);
  res.continuous.assign(N, 0.0);
  if (N == 0) return res;
  double M = 0, maxS = 0;
  int64_t base = 0, step = 0;
  for (const auto& g : groups) {
    if (g.choices.empty()) throw Error(ErrorCode::InvalidArgument, "ratequant: a group has no allowed choice");
    M += g.values;
    maxS = std::max(maxS, g.sensitivity);
    base += g.choices.front().weight;
    for (const auto& c : g.choices) step = std::gcd(step, c.weight - g.choices.front().weight);
  }
  // Continuous solution.
  const double floorS = maxS > 0 ? 1e-12 * maxS : 1.0;
  std::vector<double> logS(N);
  double meanLog = 0;
  for (size_t i = 0; i < N; ++i) {
    const double s = maxS > 0 ? std::max(groups[i].sensitivity, floorS) : 1.0;
    logS[i] = std::log(s / groups[i].values);
    meanLog += groups[i].values * logS[i];
  }
  meanLog /= M;
  const double bBar = double(capacity) / scale / M;
  const double lnBeta = std::log(beta);
  for (size_t i = 0; i < N; ++i) res.continuous[i] = bBar + (logS[i] - meanLog) / lnBeta;
  // Clamp and snap.
  int64_t total = 0;
  for (size_t i = 0; i < N; ++i) {
    const auto& ch = groups[i].choices;
    const double b = std::clamp(res.continuous[i], ch.front().rate, ch.back().rate);
    size_t best = 0;
    for (size_t c = 1; c < ch.size(); ++c)
      if (std::fabs(ch[c].rate - b) < std::fabs(ch[best].rate - b)) best = c;
    res.index[i] = int(best);
    total += ch[best].weight;
  }
  res.target = step > 0 ? base + (capacity - base) / step * step : base;
  auto rate = [&](size_t i) { return groups[i].choices[size_t(res.index[i])].rate; };
  auto weightOf = [&](size_t i, int idx) { return groups[i].choices[size_t(idx)].weight; };
  // Up.
  while (total < res.target) {
    int pick = -1;
    double bestGap = 0;
    for (size_t i = 0; i < N; ++i) {
      if (size_t(res.index[i]) + 1 >= groups[i].choices.size()) continue;
      const double gap = res.continuous[i] - rate(i);
      if (pick < 0 || gap > bestGap) {
        pick = int(i);
        bestGap = gap;
      }
    }
    if (pick < 0) break;
    total += weightOf(size_t(pick), res.index[size_t(pick)] + 1) - weightOf(size_t(pick), res.index[size_t(pick)]);
    ++res.index[size_t(pick)];
  }
  // Down.
  while (total > res.target) {
    int pick = -1;
    double bestGap = 0;
    for (size_t i = 0; i < N; ++i) {
      if (res.index[i] == 0) continue;
      const double gap = rate(i) - res.continuous[i];
      if (pick < 0 || gap > bestGap) {
        pick = int(i);
        bestGap = gap;
      }
    }
    if (pick < 0) break;
    total -= weightOf(size_t(pick), res.index[size_t(pick)]) - weightOf(size_t(pick), res.index[size_t(pick)] - 1);
    --res.index[size_t(pick)];
  }
  // Fill what is left with steps that fit.
  for (;;) {
    int pick = -1;
    double bestGap = 0;
    for (size_t i = 0; i < N; ++i) {
      if (size_t(res.index[i]) + 1 >= groups[i].choices.size()) continue;
      const int64_t d = weightOf(i, res.index[i] + 1) - weightOf(i, res.index[i]);
      if (total + d > res.target) continue;
      const double gap = res.continuous[i] - rate(i);
      if (pick < 0 || gap > bestGap) {
        pick = int(i);
        bestGap = gap;
      }
    }
    if (pick < 0) break;
    total += weightOf(size_t(pick), res.index[size_t(pick)] + 1) - weightOf(size_t(pick), res.index[size_t(pick)]);
    ++res.index[size_t(pick)];
  }
  res.total = total;
  return res;
}

}  // namespace vq::alloc
