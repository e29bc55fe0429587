// Allocators on synthetic tables: the budget is never exceeded, optimal is never worse than
// ratequant or uniform and equals brute force (fractional rates, unequal sizes, pins, limits),
// infeasible requests are reported with the minimum achievable average.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/alloc/allocator.h"
#include "core/common/error.h"
#include "tests/core/alloc/table_fixture.h"

namespace vq::alloc {
namespace {

using calib::RateUnit;

double averageRate(const calib::CalibrationTable& t, const std::vector<int>& choice, RateUnit unit, int role = -1) {
  long double sum = 0, values = 0;
  for (size_t g = 0; g < t.groupCount(); ++g) {
    if (role == 0 && t.groups[g].key.role != calib::GroupRole::K) continue;
    if (role == 1 && t.groups[g].key.role != calib::GroupRole::V) continue;
    sum += (long double)t.groups[g].values * t.rate(g, size_t(choice[g]), unit);
    values += t.groups[g].values;
  }
  return double(sum / values);
}

double predicted(const calib::CalibrationTable& t, const std::vector<int>& choice) {
  double p = 0;
  for (size_t g = 0; g < t.groupCount(); ++g) p += t.weight[g] * t.distortion[g][size_t(choice[g])];
  return p;
}

// Best predicted distortion over every assignment within the budget whose groups satisfy
// `allowed` (+inf when none).
double bruteForce(const calib::CalibrationTable& t, RateUnit unit, double target,
                  const std::function<bool(size_t, size_t)>& allowed) {
  const size_t G = t.groupCount(), C = t.entryCount();
  std::vector<size_t> idx(G, 0);
  double best = std::numeric_limits<double>::infinity();
  long double M = 0;
  for (const auto& g : t.groups) M += g.values;
  for (;;) {
    bool ok = true;
    long double sum = 0;
    for (size_t g = 0; g < G && ok; ++g) {
      ok = allowed(g, idx[g]);
      sum += (long double)t.groups[g].values * t.rate(g, idx[g], unit);
    }
    if (ok && sum <= (long double)target * M) {
      std::vector<int> ch(idx.begin(), idx.end());
      best = std::min(best, predicted(t, ch));
    }
    size_t g = 0;
    while (g < G && ++idx[g] == C) idx[g++] = 0;
    if (g == G) break;
  }
  return best;
}

TEST(Allocator, BudgetNeverExceededAndOptimalIsBest) {
  Rng rng(42);
  for (int trial = 0; trial < 150; ++trial) {
    const bool unequal = trial % 2 == 0, nonConvex = trial % 3 == 0;
    const auto t = test::makeTable(1 + int(rng.uniform() * 4), 1 + int(rng.uniform() * 3), {1, 2, 3, 4}, rng, unequal,
                                   nonConvex, trial % 4 == 0 ? 128 : 16);
    AllocationRequest req;
    req.unit = trial % 5 == 0 ? RateUnit::Bpv : RateUnit::Bits;
    const double lo = req.unit == RateUnit::Bits ? 1.0 : t.menu.front().bpv;
    req.target = lo + rng.uniform() * 3.2;
    SCOPED_TRACE("trial " + std::to_string(trial) + " target " + std::to_string(req.target));
    const Allocation opt = allocate(t, req, AllocatorKind::Optimal);
    const Allocation rq = allocate(t, req, AllocatorKind::RateQuant);
    EXPECT_LE(opt.achieved, req.target);
    EXPECT_LE(rq.achieved, req.target);
    EXPECT_LE(averageRate(t, opt.choice, req.unit), req.target * (1 + 1e-12));
    EXPECT_LE(averageRate(t, rq.choice, req.unit), req.target * (1 + 1e-12));
    EXPECT_LE(opt.predicted, rq.predicted * (1 + 1e-12));
    EXPECT_NEAR(opt.predicted, predicted(t, opt.choice), 1e-12);
    try {
      const Allocation uni = allocate(t, req, AllocatorKind::Uniform);
      EXPECT_LE(uni.achieved, req.target);
      EXPECT_LE(opt.predicted, uni.predicted * (1 + 1e-12));
      for (size_t g = 1; g < t.groupCount(); ++g) EXPECT_EQ(uni.choice[g], uni.choice[0]);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::Infeasible);  // bpv targets between two entries' totals
    }
  }
}

TEST(Allocator, OptimalEqualsBruteForceWithPinsAndLimits) {
  Rng rng(5);
  for (int trial = 0; trial < 60; ++trial) {
    // 2 layers x 2 heads x K/V = 8 groups, 3 entries: 6561 assignments.
    const auto t = test::makeTable(2, 2, {1, 2, 4}, rng, true, true, trial % 2 ? 128 : 32);
    AllocationRequest req;
    req.unit = trial % 3 == 0 ? RateUnit::Bits : RateUnit::Bpv;
    req.target = (req.unit == RateUnit::Bits ? 1.3 : 1.6) + rng.uniform() * 2.2;
    std::function<bool(size_t, size_t)> allowed = [](size_t, size_t) { return true; };
    if (trial % 4 == 1) {
      req.rules = parseGroupRules("first:1=2");
      allowed = [&t](size_t g, size_t c) { return t.groups[g].key.layer != 0 || c == 1; };
    } else if (trial % 4 == 2) {
      req.rules = parseGroupRules("L1.V<=2,L0.H1.K>=2");
      allowed = [&t, &req](size_t g, size_t c) {
        const auto& k = t.groups[g].key;
        const double r = t.rate(g, c, req.unit);
        if (k.layer == 1 && k.role == calib::GroupRole::V && r > 2 + 1e-9) return false;
        if (k.layer == 0 && k.head == 1 && k.role == calib::GroupRole::K && r < 2 - 1e-9) return false;
        return true;
      };
    }
    SCOPED_TRACE("trial " + std::to_string(trial));
    const double expected = bruteForce(t, req.unit, req.target, allowed);
    if (!std::isfinite(expected)) {
      EXPECT_THROW(allocate(t, req, AllocatorKind::Optimal), Error);
      continue;
    }
    const Allocation a = allocate(t, req, AllocatorKind::Optimal);
    EXPECT_NEAR(a.predicted, expected, 1e-12 * (1 + expected));
    for (size_t g = 0; g < t.groupCount(); ++g) EXPECT_TRUE(allowed(g, size_t(a.choice[g])));
  }
}

TEST(Allocator, UniformPicksTheLargestEntryWithinTheTarget) {
  Rng rng(9);
  const auto t = test::makeTable(2, 4, {1, 2, 3, 4}, rng);
  AllocationRequest req;
  req.target = 2.0;
  Allocation a = allocate(t, req, AllocatorKind::Uniform);
  for (int c : a.choice) EXPECT_EQ(c, 1);
  EXPECT_DOUBLE_EQ(a.achieved, 2.0);
  EXPECT_DOUBLE_EQ(a.achievedBits, 2.0);
  EXPECT_DOUBLE_EQ(a.achievedBpv, 3.0);  // head_dim 16: one fp16 norm per 16 values
  req.target = 2.99;
  a = allocate(t, req, AllocatorKind::Uniform);
  for (int c : a.choice) EXPECT_EQ(c, 1);
}

TEST(Allocator, InfeasibleTargetsNameTheMinimum) {
  Rng rng(2);
  const auto t = test::makeTable(2, 2, {1, 2, 3, 4}, rng);
  AllocationRequest req;
  req.target = 0.9;
  try {
    allocate(t, req, AllocatorKind::Optimal);
    FAIL() << "expected Infeasible";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Infeasible);
    EXPECT_NE(e.detail().find("minimum achievable average of 1 bits/value"), std::string::npos) << e.detail();
  }
  // Pins raise the floor: layer 0 at 4 bits, the rest at least 1 -> (4 + 1) / 2 = 2.5.
  req.target = 2.2;
  req.rules = parseGroupRules("first:1");
  try {
    allocate(t, req, AllocatorKind::RateQuant);
    FAIL() << "expected Infeasible";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Infeasible);
    EXPECT_NE(e.detail().find("2.5"), std::string::npos) << e.detail();
  }
  req.rules = parseGroupRules("L0.K=4,L0.H1.K=2");
  try {
    allocate(t, req, AllocatorKind::Optimal);
    FAIL() << "expected Infeasible";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Infeasible);
    EXPECT_NE(e.detail().find("contradictory pins"), std::string::npos) << e.detail();
  }
}

TEST(Allocator, PinsHoldAndCountInTheBudget) {
  Rng rng(4);
  const auto t = test::makeTable(4, 2, {1, 2, 3, 4}, rng);
  AllocationRequest req;
  req.target = 2.5;  // the pins alone need (4 + 3 + 1 + 1) / 4 = 2.25
  req.rules = parseGroupRules("first:1,last:1=3");
  for (auto kind : {AllocatorKind::Optimal, AllocatorKind::RateQuant, AllocatorKind::Uniform}) {
    const Allocation a = allocate(t, req, kind);
    for (size_t g = 0; g < t.groupCount(); ++g) {
      if (t.groups[g].key.layer == 0) {
        EXPECT_EQ(a.choice[g], 3);
      }
      if (t.groups[g].key.layer == 3) {
        EXPECT_EQ(a.choice[g], 2);
      }
      EXPECT_EQ(a.pinned[g], t.groups[g].key.layer == 0 || t.groups[g].key.layer == 3);
    }
    EXPECT_LE(a.achieved, 2.5);
  }
}

TEST(Allocator, SeparateKAndVBudgets) {
  Rng rng(8);
  const auto t = test::makeTable(3, 2, {1, 2, 3, 4}, rng);
  AllocationRequest req;
  req.targetK = 3.0;
  req.targetV = 1.5;
  const Allocation a = allocate(t, req, AllocatorKind::Optimal);
  ASSERT_TRUE(a.achievedK && a.achievedV);
  EXPECT_LE(*a.achievedK, 3.0);
  EXPECT_LE(*a.achievedV, 1.5);
  EXPECT_DOUBLE_EQ(*a.achievedK, averageRate(t, a.choice, RateUnit::Bits, 0));
  // Only K given: V gets the rest of the overall target.
  req.targetV.reset();
  req.target = 2.0;
  const Allocation b = allocate(t, req, AllocatorKind::Optimal);
  EXPECT_LE(*b.achievedK, 3.0);
  EXPECT_LE(*b.achievedV, 1.0);
  EXPECT_LE(b.achieved, 2.0);
}

TEST(Allocator, BadRequests) {
  Rng rng(1);
  auto t = test::makeTable(2, 1, {1, 2}, rng);
  AllocationRequest req;
  req.target = 1.5;
  req.rules = parseGroupRules("L7.K=2");
  EXPECT_THROW(allocate(t, req, AllocatorKind::Optimal), Error);  // matches no group
  req.rules = parseGroupRules("L0.K=q4_0");
  EXPECT_THROW(allocate(t, req, AllocatorKind::Optimal), Error);  // not in the menu
  req.rules.clear();
  req.target = -1;
  EXPECT_THROW(allocate(t, req, AllocatorKind::Optimal), Error);
  EXPECT_THROW(parseGroupRules("L0.K>=abc"), Error);
  EXPECT_THROW(parseGroupRules("X3=2"), Error);
  t.menu[0].bits = 0;  // a fixed format in the menu: nominal bits are meaningless
  req.target = 1.5;
  EXPECT_THROW(allocate(t, req, AllocatorKind::Optimal), Error);
}

}  // namespace
}  // namespace vq::alloc
