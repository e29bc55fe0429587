// The exact multiple-choice knapsack solver equals brute force on small random instances
// (non-convex costs, unequal weights, fractional-looking weights), and is fast at 512 x 6.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

#include "core/alloc/mckp.h"
#include "core/common/error.h"
#include "core/common/random.h"

namespace vq::alloc {
namespace {

using Groups = std::vector<std::vector<MckpItem>>;

// Best cost over every combination, or +inf when none fits.
double bruteForce(const Groups& groups, int64_t capacity) {
  double best = std::numeric_limits<double>::infinity();
  std::vector<size_t> idx(groups.size(), 0);
  for (;;) {
    int64_t w = 0;
    double c = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
      w += groups[g][idx[g]].weight;
      c += groups[g][idx[g]].cost;
    }
    if (w <= capacity) best = std::min(best, c);
    size_t g = 0;
    while (g < groups.size() && ++idx[g] == groups[g].size()) idx[g++] = 0;
    if (g == groups.size()) break;
  }
  return best;
}

Groups randomInstance(Rng& rng, size_t n, size_t items, bool unequalSizes, bool monotone) {
  Groups groups(n);
  for (size_t g = 0; g < n; ++g) {
    const int64_t size = unequalSizes ? 1 + int64_t(rng.uniform() * 17) : 4;
    double d = 1.0 + rng.uniform();
    for (size_t i = 0; i < items; ++i) {
      // rates on an eighth-bit grid (like 2.125, 4.5 bpv) times the group size
      const int64_t eighths = int64_t(8 + rng.uniform() * 64);
      const double cost = monotone ? (d *= 0.2 + 0.6 * rng.uniform()) : rng.uniform() * 2.0 - 0.2;
      groups[g].push_back({size * eighths, cost});
    }
  }
  return groups;
}

void expectMatchesBruteForce(const Groups& groups, int64_t capacity) {
  const double expected = bruteForce(groups, capacity);
  const MckpSolution sol = solveMultipleChoiceKnapsack(groups, capacity);
  if (!std::isfinite(expected)) {
    EXPECT_FALSE(sol.feasible);
    return;
  }
  ASSERT_TRUE(sol.feasible);
  ASSERT_EQ(sol.choice.size(), groups.size());
  int64_t w = 0;
  double c = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    w += groups[g][size_t(sol.choice[g])].weight;
    c += groups[g][size_t(sol.choice[g])].cost;
  }
  EXPECT_LE(w, capacity);
  EXPECT_EQ(w, sol.weight);
  EXPECT_NEAR(c, sol.cost, 1e-12);
  EXPECT_NEAR(c, expected, 1e-12 * (1 + std::fabs(expected)));
}

TEST(Mckp, MatchesBruteForceOnRandomInstances) {
  Rng rng(7);
  for (int trial = 0; trial < 600; ++trial) {
    const size_t n = 1 + size_t(rng.uniform() * 6);
    const size_t items = 1 + size_t(rng.uniform() * 4);
    const bool unequal = trial % 2 == 0;
    const bool monotone = trial % 3 != 0;
    const Groups groups = randomInstance(rng, n, items, unequal, monotone);
    int64_t lo = 0, hi = 0;
    for (const auto& g : groups) {
      int64_t mn = g[0].weight, mx = g[0].weight;
      for (const auto& it : g) {
        mn = std::min(mn, it.weight);
        mx = std::max(mx, it.weight);
      }
      lo += mn;
      hi += mx;
    }
    const int64_t capacity = lo - 3 + int64_t(rng.uniform() * double(hi - lo + 6));
    SCOPED_TRACE("trial " + std::to_string(trial));
    expectMatchesBruteForce(groups, capacity);
  }
}

TEST(Mckp, MatchesBruteForceOnLargerInstances) {
  // 11 groups x 3 items = 177147 combinations each: enough for the bound pruning to matter.
  Rng rng(11);
  for (int trial = 0; trial < 24; ++trial) {
    const Groups groups = randomInstance(rng, 11, 3, trial % 2 == 0, trial % 3 != 0);
    int64_t lo = 0, hi = 0;
    for (const auto& g : groups) {
      int64_t mn = g[0].weight, mx = g[0].weight;
      for (const auto& it : g) {
        mn = std::min(mn, it.weight);
        mx = std::max(mx, it.weight);
      }
      lo += mn;
      hi += mx;
    }
    SCOPED_TRACE("trial " + std::to_string(trial));
    expectMatchesBruteForce(groups, lo + int64_t(rng.uniform() * double(hi - lo)));
  }
}

// An independent exact method for small integer capacities: the textbook DP over capacity.
double capacityDp(const Groups& groups, int64_t capacity) {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> best(size_t(capacity + 1), 0.0), next;
  for (const auto& g : groups) {
    next.assign(best.size(), inf);
    for (int64_t c = 0; c <= capacity; ++c)
      for (const auto& it : g)
        if (it.weight <= c) next[size_t(c)] = std::min(next[size_t(c)], best[size_t(c - it.weight)] + it.cost);
    best.swap(next);
  }
  return best[size_t(capacity)];
}

TEST(Mckp, MatchesCapacityDpOnManyGroups) {
  // 60-120 groups: far beyond brute force; the capacity DP is exact for small integer weights.
  Rng rng(21);
  for (int trial = 0; trial < 30; ++trial) {
    const size_t n = 60 + size_t(rng.uniform() * 60);
    Groups groups(n);
    int64_t lo = 0, hi = 0;
    for (auto& g : groups) {
      const int64_t size = trial % 2 ? 1 + int64_t(rng.uniform() * 6) : 2;
      double d = 0.5 + rng.uniform();
      for (int b = 1; b <= 4; ++b) {
        d *= trial % 3 == 0 ? 0.2 + 1.0 * rng.uniform() : 0.2 + 0.2 * rng.uniform();  // some non-monotone
        g.push_back({size * b, d});
      }
      lo += size;
      hi += 4 * size;
    }
    const int64_t capacity = lo + int64_t(rng.uniform() * double(hi - lo));
    const double expected = capacityDp(groups, capacity);
    const MckpSolution sol = solveMultipleChoiceKnapsack(groups, capacity);
    ASSERT_TRUE(sol.feasible);
    EXPECT_LE(sol.weight, capacity);
    EXPECT_NEAR(sol.cost, expected, 1e-11 * (1 + std::fabs(expected))) << "trial " << trial;
  }
}

TEST(Mckp, NonConvexCurvesWhereGreedyFails) {
  // Group 0: the middle item is far better than the hull suggests; a greedy along the convex
  // hull would skip it.
  const Groups groups = {{{0, 10.0}, {5, 9.9}, {10, 0.0}}, {{0, 5.0}, {5, 0.0}}};
  expectMatchesBruteForce(groups, 10);
  expectMatchesBruteForce(groups, 9);
  expectMatchesBruteForce(groups, 5);
}

TEST(Mckp, InfeasibleReportsTheMinimumWeight) {
  const Groups groups = {{{3, 1.0}, {5, 0.5}}, {{4, 1.0}}};
  const MckpSolution sol = solveMultipleChoiceKnapsack(groups, 6);
  EXPECT_FALSE(sol.feasible);
  EXPECT_EQ(sol.minimumWeight, 7);
}

TEST(Mckp, RejectsBadItems) {
  EXPECT_THROW(solveMultipleChoiceKnapsack({{}}, 10), Error);
  EXPECT_THROW(solveMultipleChoiceKnapsack({{{-1, 0.0}}}, 10), Error);
  EXPECT_THROW(solveMultipleChoiceKnapsack({{{1, std::nan("")}}}, 10), Error);
}

TEST(Mckp, FastOn512GroupsOf6Entries) {
  Rng rng(3);
  for (bool unequal : {false, true}) {
    Groups groups(512);
    int64_t total = 0;
    for (auto& g : groups) {
      const int64_t size = unequal ? 4096 * (1 + int64_t(rng.uniform() * 8)) + int64_t(rng.uniform() * 97) : 4096 * 128;
      double d = 0.5 + rng.uniform();
      for (int b = 1; b <= 6; ++b) {
        d *= 0.2 + 0.15 * rng.uniform();
        g.push_back({size * (8 * b + 1), d});  // an eighth-bit overhead per value, like stored norms
      }
      total += size * 17;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const MckpSolution sol = solveMultipleChoiceKnapsack(groups, total);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_TRUE(sol.feasible);
    EXPECT_LE(sol.weight, total);
    RecordProperty(unequal ? "ms_unequal" : "ms_equal", std::to_string(ms));
    std::printf("512 x 6 (%s sizes): %.2f ms, peak %zu states\n", unequal ? "unequal" : "equal", ms, sol.peakStates);
  }
}

}  // namespace
}  // namespace vq::alloc
