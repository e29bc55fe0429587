#include "core/quant/quadrature.h"

#include <algorithm>
#include <cmath>

namespace vq::quant {
namespace {

// Gauss-Kronrod 7/15 abscissae on [-1, 1] (non-negative half; symmetric) and weights.
constexpr double kNodes[8] = {
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
constexpr double kKronrodWeights[8] = {
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
// Gauss 7-point weights for the nodes kNodes[1], [3], [5], [7].
constexpr double kGaussWeights[4] = {
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

struct RulePair {
  Moments3 kronrod{};
  Moments3 gauss{};
};

RulePair evaluateRules(const std::function<Moments3(double)>& f, double a, double b) {
  const double center = 0.5 * (a + b);
  const double half = 0.5 * (b - a);
  RulePair r;
  for (int i = 0; i < 8; ++i) {
    const double dx = half * kNodes[i];
    const Moments3 fl = f(center - dx);
    const Moments3 fr = (i == 7) ? Moments3{0.0, 0.0, 0.0} : f(center + dx);
    for (int c = 0; c < 3; ++c) {
      const double sum = fl[size_t(c)] + fr[size_t(c)];
      r.kronrod[size_t(c)] += kKronrodWeights[i] * sum;
      if (i % 2 == 1) r.gauss[size_t(c)] += kGaussWeights[i / 2] * sum;
    }
  }
  for (int c = 0; c < 3; ++c) {
    r.kronrod[size_t(c)] *= half;
    r.gauss[size_t(c)] *= half;
  }
  return r;
}

void integrateRecursive(const std::function<Moments3(double)>& f, double a, double b,
                        const QuadratureOptions& options, int depth, Moments3& total) {
  const RulePair r = evaluateRules(f, a, b);
  bool converged = true;
  for (int c = 0; c < 3; ++c) {
    const double err = std::abs(r.kronrod[size_t(c)] - r.gauss[size_t(c)]);
    const double tol = std::max(options.absTolerance, options.relTolerance * std::abs(r.kronrod[size_t(c)]));
    if (err > tol) converged = false;
  }
  if (converged || depth >= options.maxDepth) {
    for (int c = 0; c < 3; ++c) total[size_t(c)] += r.kronrod[size_t(c)];
    return;
  }
  const double mid = 0.5 * (a + b);
  integrateRecursive(f, a, mid, options, depth + 1, total);
  integrateRecursive(f, mid, b, options, depth + 1, total);
}

}  // namespace

Moments3 integrateAdaptive(const std::function<Moments3(double)>& f, double a, double b,
                           const QuadratureOptions& options) {
  Moments3 total{0.0, 0.0, 0.0};
  if (!(b > a)) return total;
  integrateRecursive(f, a, b, options, 0, total);
  return total;
}

Moments3 kronrod15(const std::function<Moments3(double)>& f, double a, double b) {
  return evaluateRules(f, a, b).kronrod;
}

Moments3 gauss7(const std::function<Moments3(double)>& f, double a, double b) {
  return evaluateRules(f, a, b).gauss;
}

}  // namespace vq::quant
