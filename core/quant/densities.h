// Probability densities of the scalar values the rotation methods quantize, with exact cell
// moments ∫_a^b x^k f(x) dx (k = 0, 1, 2) for the Lloyd-Max solver:
//  - Gaussian N(0, 1)                       closed form (erf / erfc and the pdf)
//  - Laplacian with unit variance           closed form (exponentials)
//  - Beta marginal of a uniform point on the unit sphere S^(d-1):
//        f(x) ∝ (1 - x²)^((d-3)/2) on [-1, 1]  (the exact law of one coordinate of Π x/‖x‖)
//    integrated with the substitution x = sin θ (integrand C·cos^(d-2) θ, smooth for d >= 2)
//    by adaptive Gauss-Kronrod.
//  - PolarQuant angle of level ℓ >= 2: f(ψ) ∝ sin^(2^(ℓ-1)-1)(2ψ) on [0, π/2], adaptive
//    Gauss-Kronrod.
#pragma once

#include <string>

#include "core/quant/quadrature.h"

namespace vq::quant {

enum class DensityKind { Gaussian, Laplacian, BetaMarginal, PolarAngle };

class Density {
 public:
  static Density gaussian();             // N(0, 1)
  static Density laplacian();            // unit variance: scale s = 1/sqrt(2)
  static Density betaMarginal(int dim);  // dim >= 2: coordinate of a uniform unit vector in R^dim
  static Density polarAngle(int level);  // level 2..16

  DensityKind kind() const { return m_kind; }
  int parameter() const { return m_parameter; }  // dim or level; 0 for Gaussian / Laplacian
  std::string name() const;                      // e.g. "beta(d=16)", used as cache key

  double lower() const;  // support; ±infinity for Gaussian and Laplacian
  double upper() const;
  double mean() const;
  double variance() const;
  double pdf(double x) const;
  // {∫ f, ∫ x f, ∫ x² f} over [a, b] ∩ support (a < b; infinite ends allowed).
  Moments3 cellMoments(double a, double b) const;

 private:
  Density(DensityKind kind, int parameter);
  DensityKind m_kind;
  int m_parameter;
  double m_normalization = 1.0;  // Beta / PolarAngle: the constant C in f = C·(...)
  int m_power = 0;               // Beta: d - 2 (power of cos θ); PolarAngle: 2^(ℓ-1) - 1
};

}  // namespace vq::quant
