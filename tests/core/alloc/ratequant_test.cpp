// RateQuant's closed form against hand-computed examples (contiguous and non-contiguous menus,
// the up, down and fill loops), and through allocate() on a table with exact β^-b curves.
#include <gtest/gtest.h>

#include <cmath>

#include "core/alloc/allocator.h"
#include "core/alloc/ratequant.h"
#include "core/common/error.h"
#include "tests/core/alloc/table_fixture.h"

namespace vq::alloc {
namespace {

// Groups of `sizes` values with sensitivities `s` and the menu `rates` (weight = size·rate).
std::vector<RateQuantGroup> groups(const std::vector<double>& s, const std::vector<int>& rates,
                                   const std::vector<int>& sizes = {}) {
  std::vector<RateQuantGroup> out;
  for (size_t i = 0; i < s.size(); ++i) {
    RateQuantGroup g;
    g.values = sizes.empty() ? 1 : sizes[i];
    g.sensitivity = s[i];
    for (size_t c = 0; c < rates.size(); ++c)
      g.choices.push_back({double(rates[c]), int64_t(g.values) * rates[c], int(c)});
    out.push_back(g);
  }
  return out;
}

std::vector<int> ratesOf(const RateQuantResult& r, const std::vector<int>& rates) {
  std::vector<int> out;
  for (int i : r.index) out.push_back(rates[size_t(i)]);
  return out;
}

TEST(RateQuant, ExactContinuousSolutionNeedsNoRebalance) {
  // b = 2.5 + (ln w - mean ln w)/ln 4 = 2.5 + (k - 1.5) for w = 4^k.
  const std::vector<int> menu = {1, 2, 3, 4};
  const auto r = rateQuantAllocate(groups({1, 4, 16, 64}, menu), 10, 1.0, 4.0);
  EXPECT_EQ(ratesOf(r, menu), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_NEAR(r.continuous[0], 1.0, 1e-12);
  EXPECT_NEAR(r.continuous[3], 4.0, 1e-12);
  EXPECT_EQ(r.total, 10);
}

TEST(RateQuant, TiesSnapLowAndTheUpLoopTakesTheLowestIndex) {
  // b = {0.5, 1.5, 2.5, 3.5} -> clamp/snap {1, 1, 2, 3} = 7 < 8; the three gaps of 0.5 tie:
  // group 1 steps up.
  const std::vector<int> menu = {1, 2, 3, 4};
  const auto r = rateQuantAllocate(groups({1, 4, 16, 64}, menu), 8, 1.0, 4.0);
  EXPECT_EQ(ratesOf(r, menu), (std::vector<int>{1, 2, 2, 3}));
  EXPECT_EQ(r.target, 8);
}

TEST(RateQuant, DownLoop) {
  // Equal sensitivities, b = 5/3 everywhere -> snap 2,2,2 = 6 > 5: group 0 steps down.
  const std::vector<int> menu = {1, 2, 3, 4};
  const auto r = rateQuantAllocate(groups({1, 1, 1}, menu), 5, 1.0, 4.0);
  EXPECT_EQ(ratesOf(r, menu), (std::vector<int>{1, 2, 2}));
}

TEST(RateQuant, NonContiguousMenu) {
  const std::vector<int> menu = {2, 4, 8};
  // b = {3, 4, 5} -> snap {2 (tie 2/4 goes low), 4, 4} = 10 < 12 -> group 0 up to 4.
  EXPECT_EQ(ratesOf(rateQuantAllocate(groups({1, 4, 16}, menu), 12, 1.0, 4.0), menu), (std::vector<int>{4, 4, 4}));
  // Budget 11: the reachable totals are even, so the target is 10 (VeloxQuant-MLX targets 11,
  // steps group 0 up to 12, then back down: the same {2, 4, 4}).
  const auto r = rateQuantAllocate(groups({1, 4, 16}, menu), 11, 1.0, 4.0);
  EXPECT_EQ(r.target, 10);
  EXPECT_EQ(ratesOf(r, menu), (std::vector<int>{2, 4, 4}));
  // A steep sensitivity: b = 4 + (ln w - mean)/ln 2 = {1, 4, 7} -> clamp/snap {2, 4, 8} = 14 > 12.
  // Down: group 0 cannot go lower, gaps rate - b are {-, 0, 1} -> group 2 down to 4 (total 10,
  // where VeloxQuant-MLX stops). Fill: only group 0's step (+2) fits -> {4, 4, 4} = 12.
  EXPECT_EQ(ratesOf(rateQuantAllocate(groups({1, 8, 64}, menu), 12, 1.0, 2.0), menu), (std::vector<int>{4, 4, 4}));
}

TEST(RateQuant, FillLoopUsesBudgetUpstreamLeavesUnused) {
  // Sizes 1 and 3, rates {2, 4}: b = 13/4 = 3.25 for both -> snap {4, 4} = 16 > 12 (T_int:
  // base 8 + even steps). Down: group 0 to 2 (14), group 1 to 2 (8). Upstream stops at 8; the
  // fill loop steps group 0 back up (10 <= 12); group 1's step (+6) does not fit.
  const std::vector<int> menu = {2, 4};
  const auto r = rateQuantAllocate(groups({1, 3}, menu, {1, 3}), 13, 1.0, 4.0);
  EXPECT_EQ(r.target, 12);
  EXPECT_EQ(ratesOf(r, menu), (std::vector<int>{4, 2}));
  EXPECT_EQ(r.total, 10);
}

TEST(RateQuant, RejectsBetaAtMostOne) {
  EXPECT_THROW(rateQuantAllocate(groups({1, 2}, {1, 2}), 3, 1.0, 1.0), Error);
}

TEST(RateQuant, AllocateFitsBetaAndMatchesTheClosedForm) {
  // A table with D_g(b) = 4^-b exactly and weights 4^k: the pooled fit finds beta = 4 and
  // alpha = 1, so allocate() reproduces the first example.
  Rng rng(1);
  calib::CalibrationTable t = test::makeTable(2, 1, {1, 2, 3, 4}, rng);
  const double w[] = {1, 4, 16, 64};
  for (size_t g = 0; g < 4; ++g) {
    t.weight[g] = w[g];
    for (size_t c = 0; c < 4; ++c) t.distortion[g][c] = std::pow(4.0, -double(c + 1));
  }
  AllocationRequest req;
  req.target = 2.5;
  const Allocation a = allocate(t, req, AllocatorKind::RateQuant);
  EXPECT_NEAR(a.beta, 4.0, 1e-9);
  EXPECT_EQ(a.choice, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_DOUBLE_EQ(a.achieved, 2.5);
}

}  // namespace
}  // namespace vq::alloc
