// The allocators (DESIGN.md §6) on a calibration table:
// - uniform:   every unpinned group gets the same menu entry — the one with the largest total
//              rate that fits the budget (for a plain request: the largest entry whose rate is
//              ≤ the target). The baseline every report compares against.
// - ratequant: VeloxQuant-MLX's closed form (ratequant.h) on s_g = w_g·α_g, where α_g and a
//              shared β come from a pooled least-squares fit of ln D on the rate over every group
//              (one slope, one intercept per group), or β is given and α_g fitted with it.
// - optimal:   the exact optimum of the discrete problem on the measured table (mckp.h).
//
// Budget accounting is exact: rates become integers (values × nominal bits, or stored bits; a
// power-of-two scale makes fractional rates integral, and rates that are not are rounded up so
// the budget is never exceeded), the capacity is ⌊B·Σm⌋ in those units, and the achieved
// average is ≤ B. Separate K and V budgets solve the K groups and the V groups independently.
//
// Errors: Error(InvalidArgument) for a malformed request (nominal-bits unit with fixed formats,
// K/V budgets with joint groups, unknown pin entry, non-positive target); Error(Infeasible) when
// no allocation fits (target below the minimum achievable average, which the message states;
// contradictory pins; a group whose limits exclude every entry).
#pragma once

#include "core/alloc/allocation.h"
#include "core/common/progress.h"

namespace vq::alloc {

// Throws Error(Cancelled) when `progress` is cancelled (checked per sub-problem and, in the exact
// solver, per group); nothing is returned then.
Allocation allocate(const calib::CalibrationTable& table, const AllocationRequest& request, AllocatorKind kind,
                    const Progress& progress = {});

// The uniform allocation at `target` without rules (what reports compare against).
Allocation uniformBaseline(const calib::CalibrationTable& table, calib::RateUnit unit, double target);

}  // namespace vq::alloc
