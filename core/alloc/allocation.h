// An allocation (DESIGN.md §2, §6): one menu entry per calibration group, the request it was
// solved for, and what it achieves on the calibration table.
//
// The problem: minimise Σ_g w_g·D_g(c_g) subject to Σ_g m_g·rate_g(c_g) ≤ B·Σ_g m_g (m_g the
// group's value count, rate in the request's unit: nominal bits or measured bpv), with optional
// global and per-group rate limits, pinned groups, and optionally separate K and V budgets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/alloc/group_rules.h"
#include "core/calib/calibration_table.h"

namespace vq::alloc {

enum class AllocatorKind : uint8_t { Uniform, RateQuant, Optimal };
std::string_view allocatorName(AllocatorKind k);  // "uniform", "ratequant", "optimal"
std::optional<AllocatorKind> parseAllocator(std::string_view s);

struct AllocationRequest {
  calib::RateUnit unit = calib::RateUnit::Bits;
  double target = 0;                       // average rate over every group (B)
  std::optional<double> targetK, targetV;  // separate budgets of the K and V groups (K/V separate only);
                                           // one given: the other gets what is left of `target`
  std::optional<double> minRate, maxRate;  // for every group (rules may narrow further)
  std::vector<GroupRule> rules;            // pins and per-group limits
  std::optional<double> beta;              // ratequant: fixed β (default: fitted on the table)
  friend bool operator==(const AllocationRequest&, const AllocationRequest&) = default;
};

struct Allocation {
  std::string allocator;                 // "optimal", "ratequant", "uniform", "imported", "edited"
  AllocationRequest request;
  std::vector<int> choice;               // per group: index into the menu
  std::vector<bool> pinned;              // per group: fixed by a pin rule
  double achieved = 0;                   // Σ m·rate / Σ m in the request's unit (never above the target)
  double achievedBpv = 0;                // exact stored bits per value
  double achievedBits = 0;               // nominal bits per value (0 when the menu has fixed formats)
  std::optional<double> achievedK, achievedV;  // per role, in the request's unit (K/V separate)
  double predicted = 0;                  // Σ w·D on the table
  double minimumAchievable = 0;          // lowest average rate any allocation can reach under the rules
  double beta = 0;                       // ratequant: the β it used
  std::vector<std::string> notes;
};

// Fills achieved*, predicted from `choice` (for an allocation built or edited by hand).
void evaluateAllocation(Allocation& a, const calib::CalibrationTable& t);

}  // namespace vq::alloc
