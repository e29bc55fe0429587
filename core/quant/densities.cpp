#include "core/quant/densities.h"

#include <cmath>
#include <limits>
#include <numbers>

#include "core/common/error.h"

namespace vq::quant {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kInvSqrt2 = 0.70710678118654752440;
constexpr double kInvSqrt2Pi = 0.39894228040143267794;

double normalPdf(double x) { return std::isinf(x) ? 0.0 : kInvSqrt2Pi * std::exp(-0.5 * x * x); }
// x·φ(x), with the limit 0 at ±infinity.
double xTimesNormalPdf(double x) { return std::isinf(x) ? 0.0 : x * normalPdf(x); }

// Φ(b) - Φ(a) without cancellation in the tails.
double normalMass(double a, double b) {
  if (a >= 0.0) return 0.5 * (std::erfc(a * kInvSqrt2) - std::erfc(b * kInvSqrt2));
  if (b <= 0.0) return 0.5 * (std::erfc(-b * kInvSqrt2) - std::erfc(-a * kInvSqrt2));
  return 0.5 * (std::erf(b * kInvSqrt2) - std::erf(a * kInvSqrt2));
}

Moments3 gaussianMoments(double a, double b) {
  const double m0 = normalMass(a, b);
  const double m1 = normalPdf(a) - normalPdf(b);
  const double m2 = m0 + xTimesNormalPdf(a) - xTimesNormalPdf(b);
  return {m0, m1, m2};
}

// Laplacian f(x) = exp(-|x|/s)/(2s) on [a, b] with 0 <= a < b <= inf. Antiderivatives:
// ∫ f = -e/2, ∫ x f = -(x + s)e/2, ∫ x² f = -(x² + 2sx + 2s²)e/2, with e = exp(-x/s).
Moments3 laplacianPositiveMoments(double a, double b, double s) {
  auto terms = [s](double x) -> Moments3 {
    if (std::isinf(x)) return {0.0, 0.0, 0.0};
    const double e = std::exp(-x / s);
    return {0.5 * e, 0.5 * (x + s) * e, 0.5 * (x * x + 2.0 * s * x + 2.0 * s * s) * e};
  };
  const Moments3 ta = terms(a), tb = terms(b);
  return {ta[0] - tb[0], ta[1] - tb[1], ta[2] - tb[2]};
}

Moments3 laplacianMoments(double a, double b) {
  const double s = kInvSqrt2;  // variance 2s² = 1
  Moments3 total{0.0, 0.0, 0.0};
  if (b > 0.0) {
    const Moments3 pos = laplacianPositiveMoments(std::max(a, 0.0), b, s);
    for (int k = 0; k < 3; ++k) total[size_t(k)] += pos[size_t(k)];
  }
  if (a < 0.0) {  // mirror [a, min(b,0)] to [-min(b,0), -a]: odd moment changes sign
    const Moments3 neg = laplacianPositiveMoments(-std::min(b, 0.0), -a, s);
    total[0] += neg[0];
    total[1] -= neg[1];
    total[2] += neg[2];
  }
  return total;
}

}  // namespace

Density::Density(DensityKind kind, int parameter) : m_kind(kind), m_parameter(parameter) {
  if (kind == DensityKind::BetaMarginal) {
    // f(x) = C (1-x²)^((d-3)/2), C = Γ(d/2) / (sqrt(π) Γ((d-1)/2)).
    const double d = parameter;
    m_normalization = std::exp(std::lgamma(0.5 * d) - std::lgamma(0.5 * (d - 1.0))) / std::sqrt(std::numbers::pi);
    m_power = parameter - 2;
  } else if (kind == DensityKind::PolarAngle) {
    // f(ψ) = C sin^n(2ψ) on [0, π/2], n = 2^(ℓ-1) - 1; ∫_0^{π/2} sin^n(2ψ) dψ = ½ ∫_0^π sin^n u du
    //      = ½ sqrt(π) Γ((n+1)/2) / Γ(n/2 + 1).
    m_power = (1 << (parameter - 1)) - 1;
    const double n = m_power;
    const double integral =
        0.5 * std::sqrt(std::numbers::pi) * std::exp(std::lgamma(0.5 * (n + 1.0)) - std::lgamma(0.5 * n + 1.0));
    m_normalization = 1.0 / integral;
  }
}

Density Density::gaussian() { return Density(DensityKind::Gaussian, 0); }
Density Density::laplacian() { return Density(DensityKind::Laplacian, 0); }

Density Density::betaMarginal(int dim) {
  if (dim < 2) throw Error(ErrorCode::InvalidArgument, "beta marginal needs dimension >= 2, got " + std::to_string(dim));
  return Density(DensityKind::BetaMarginal, dim);
}

Density Density::polarAngle(int level) {
  if (level < 2 || level > 16)
    throw Error(ErrorCode::InvalidArgument, "polar angle density needs level 2..16, got " + std::to_string(level));
  return Density(DensityKind::PolarAngle, level);
}

std::string Density::name() const {
  switch (m_kind) {
    case DensityKind::Gaussian: return "gaussian";
    case DensityKind::Laplacian: return "laplacian";
    case DensityKind::BetaMarginal: return "beta(d=" + std::to_string(m_parameter) + ")";
    case DensityKind::PolarAngle: return "polar_angle(level=" + std::to_string(m_parameter) + ")";
  }
  return "?";
}

double Density::lower() const {
  switch (m_kind) {
    case DensityKind::BetaMarginal: return -1.0;
    case DensityKind::PolarAngle: return 0.0;
    default: return -kInf;
  }
}

double Density::upper() const {
  switch (m_kind) {
    case DensityKind::BetaMarginal: return 1.0;
    case DensityKind::PolarAngle: return 0.5 * std::numbers::pi;
    default: return kInf;
  }
}

double Density::mean() const { return m_kind == DensityKind::PolarAngle ? 0.25 * std::numbers::pi : 0.0; }

double Density::variance() const {
  switch (m_kind) {
    case DensityKind::Gaussian:
    case DensityKind::Laplacian: return 1.0;
    case DensityKind::BetaMarginal: return 1.0 / double(m_parameter);
    case DensityKind::PolarAngle: {
      const Moments3 m = cellMoments(lower(), upper());
      return m[2] - m[1] * m[1];
    }
  }
  return 1.0;
}

double Density::pdf(double x) const {
  switch (m_kind) {
    case DensityKind::Gaussian: return normalPdf(x);
    case DensityKind::Laplacian: return kInvSqrt2 * std::exp(-std::abs(x) * std::numbers::sqrt2);
    case DensityKind::BetaMarginal: {
      if (x <= -1.0 || x >= 1.0) return (m_parameter == 3 && std::abs(x) == 1.0) ? m_normalization : 0.0;
      return m_normalization * std::pow(1.0 - x * x, 0.5 * double(m_parameter - 3));
    }
    case DensityKind::PolarAngle: {
      if (x < 0.0 || x > 0.5 * std::numbers::pi) return 0.0;
      return m_normalization * std::pow(std::sin(2.0 * x), double(m_power));
    }
  }
  return 0.0;
}

Moments3 Density::cellMoments(double a, double b) const {
  a = std::max(a, lower());
  b = std::min(b, upper());
  if (!(b > a)) return {0.0, 0.0, 0.0};
  switch (m_kind) {
    case DensityKind::Gaussian: return gaussianMoments(a, b);
    case DensityKind::Laplacian: return laplacianMoments(a, b);
    case DensityKind::BetaMarginal: {
      // x = sin θ, dx = cos θ dθ: f(x) dx = C cos^(d-2) θ dθ.
      const double c = m_normalization;
      const int p = m_power;
      auto integrand = [c, p](double theta) -> Moments3 {
        const double w = c * std::pow(std::cos(theta), double(p));
        const double x = std::sin(theta);
        return {w, w * x, w * x * x};
      };
      return integrateAdaptive(integrand, std::asin(a), std::asin(b));
    }
    case DensityKind::PolarAngle: {
      const double c = m_normalization;
      const int p = m_power;
      auto integrand = [c, p](double psi) -> Moments3 {
        const double w = c * std::pow(std::sin(2.0 * psi), double(p));
        return {w, w * psi, w * psi * psi};
      };
      return integrateAdaptive(integrand, a, b);
    }
  }
  return {0.0, 0.0, 0.0};
}

}  // namespace vq::quant
