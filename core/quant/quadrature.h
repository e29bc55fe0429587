// Adaptive Gauss-Kronrod (7-point Gauss / 15-point Kronrod) integration of smooth functions on a
// finite interval, used for the exact cell integrals of the Lloyd-Max solver where no closed form
// exists. Vector-valued so that the three moments of one cell share the function evaluations.
#pragma once

#include <array>
#include <functional>

namespace vq::quant {

using Moments3 = std::array<double, 3>;

struct QuadratureOptions {
  double absTolerance = 1e-15;
  double relTolerance = 1e-13;
  int maxDepth = 40;  // bisection depth limit per branch
};

// ∫_a^b f(u) du for each of the three components of f. Intervals are bisected until the
// Kronrod-Gauss difference of every component is within max(abs, rel·|integral|).
Moments3 integrateAdaptive(const std::function<Moments3(double)>& f, double a, double b,
                           const QuadratureOptions& options = {});

// The Kronrod 15-point rule alone on [a, b] (exposed for tests of the nodes and weights).
Moments3 kronrod15(const std::function<Moments3(double)>& f, double a, double b);
// The embedded Gauss 7-point rule alone on [a, b].
Moments3 gauss7(const std::function<Moments3(double)>& f, double a, double b);

}  // namespace vq::quant
