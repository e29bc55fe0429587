// The exact solver behind the `optimal` allocator: the multiple-choice knapsack problem
//   minimise Σ_g cost_g(i_g)  subject to  Σ_g weight_g(i_g) ≤ capacity,
// one item i_g per group, integer weights (stored bits, or values × nominal bits), real costs
// (weighted distortion, any sign pattern: D curves need not be convex or monotone).
//
// Algorithm (exact; worst case exponential like any exact MCKP method, in practice fast):
//  1. Per group, drop dominated items (another item weighs no more and costs no more): an
//     optimal solution never needs them. The survivors, by weight, have strictly decreasing cost.
//  2. Subtract each group's lightest survivor weight (if the sum exceeds the capacity the
//     problem is infeasible) and divide all weights and the remaining capacity by the gcd of the
//     reduced weights (sums of reduced weights are multiples of it, so floor(capacity/gcd) loses
//     nothing). Weights are then small integers whenever the group sizes share a factor.
//  3. Dynamic programming over groups on Pareto lists of partial states (weight, cost): a state
//     dominated by another (no heavier, no costlier) is dropped — any completion of it is no
//     better than the same completion of its dominator; equal weights therefore merge.
//  4. Bounding: the LP relaxation of the groups not yet placed (the lower convex hull of each
//     group's items, filled greedily by slope; maintained in Fenwick trees over all hull
//     segments sorted by slope, from which the placed groups are removed) is a lower bound on
//     their best completion with the remaining capacity; its integral part (whole hull segments
//     only) is a feasible completion and gives an incumbent. A state whose bound exceeds the
//     incumbent (plus a rounding tolerance) cannot lead to a strictly better solution and is
//     pruned. The optimum's partial states are never pruned, so the best final state is optimal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/common/progress.h"

namespace vq::alloc {

struct MckpItem {
  int64_t weight = 0;  // >= 0
  double cost = 0;     // finite
};

struct MckpSolution {
  bool feasible = false;
  std::vector<int> choice;  // per group, index into its items (empty when infeasible)
  int64_t weight = 0;       // Σ weight of the choice
  double cost = 0;          // Σ cost of the choice
  int64_t minimumWeight = 0;  // Σ of each group's lightest item (the least any solution weighs)
  size_t peakStates = 0;    // largest Pareto list (diagnostics)
};

// Ties between equally good solutions are broken deterministically (lower weight, then the
// order the DP meets them). Throws Error(InvalidArgument) for a group without items, a
// negative weight or a non-finite cost.
// Throws Error(Cancelled) when `progress` is cancelled (checked once per group of the DP).
MckpSolution solveMultipleChoiceKnapsack(const std::vector<std::vector<MckpItem>>& groups, int64_t capacity,
                                         const Progress& progress = {});

}  // namespace vq::alloc
