// RateQuant's closed-form allocation (VeloxQuant-MLX allocate_bits_ratequant, RateQuant
// Theorem 2), kept for parity and generalised to unequal group sizes, per-group menus and
// fractional rates.
//
// Continuous solution (reverse water-filling for D_g(b) = s_g·β^−b):
//   b_g = b̄ + (ln(s_g/m_g) − Σ_h m_h·ln(s_h/m_h)/M) / ln β,   M = Σ m_g,  b̄ = T/M,
// which for equal group sizes is exactly VeloxQuant-MLX's b_g = b̄ + (ln w_g − mean ln w)/ln β.
// Then, in this order:
//  1. clamp b_g to the group's lowest and highest allowed rate;
//  2. snap to the nearest allowed rate (a tie goes to the lower rate, as Python's min() does);
//  3. the integer target: T_int = the largest total the group sizes can reach that is ≤ T, i.e.
//     base + ⌊(T − base)/g⌋·g with base = Σ the lowest weights and g the gcd of every step
//     (weight differences). VeloxQuant-MLX targets round(b̄·N), which can exceed the budget by
//     up to half a step; we never exceed it. For equal sizes and a contiguous integer menu,
//     T_int = ⌊b̄·N⌋·m, equal to upstream's target whenever b̄·N has a fractional part < 0.5;
//  4. up: while total < T_int, step the group with the largest b_g − rate_g (ties: lowest group
//     index) up to its next allowed rate (may overshoot with non-contiguous menus, as upstream);
//  5. down: while total > T_int, step the group with the largest rate_g − b_g (ties: lowest
//     index) down to its previous allowed rate;
//  6. fill (ours; upstream stops after 5): while some step up still fits (total + step ≤ T_int),
//     take the one with the largest b_g − rate_g among those that fit. Steps 4–5 reach T_int
//     exactly for contiguous menus with equal sizes, so this only acts where upstream would have
//     left budget unused (non-contiguous menus, unequal sizes).
// Sensitivities s_g <= 0 are raised to 1e-12·max s (upstream rejects them); all equal (or all
// zero) sensitivities give b_g = b̄.
#pragma once

#include <cstdint>
#include <vector>

namespace vq::alloc {

struct RateQuantChoice {
  double rate = 0;     // in the allocation's unit
  int64_t weight = 0;  // integer budget units (≈ rate · values · scale)
  int entry = 0;       // menu entry (passed through)
};

struct RateQuantGroup {
  double values = 0;                     // m_g
  double sensitivity = 0;                // s_g
  std::vector<RateQuantChoice> choices;  // allowed, strictly increasing rate and weight
};

struct RateQuantResult {
  std::vector<int> index;         // per group, into its choices
  std::vector<double> continuous; // b_g before clamping
  int64_t target = 0;             // T_int
  int64_t total = 0;              // Σ chosen weights (<= target unless infeasible)
};

// capacity: the budget in weight units; scale: weight units per (rate · value). Requires
// Σ lowest weights <= capacity (the caller checks feasibility) and beta > 1.
RateQuantResult rateQuantAllocate(const std::vector<RateQuantGroup>& groups, int64_t capacity, double scale,
                                  double beta);

}  // namespace vq::alloc
