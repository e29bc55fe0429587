// Lloyd-Max scalar quantizers (MSE-optimal codebooks for a known density), solved to
// convergence with exact cell integrals: Lloyd's fixed point iteration from a compander
// initialisation, finished by Newton's method on the boundary equations
//   t_i = (c_i + c_{i+1}) / 2,   c_i = E[X | t_{i-1} < X < t_i],
// whose Jacobian is tridiagonal (dc_i/dt_i = f(t_i)(t_i - c_i)/P_i, dc_i/dt_{i-1} =
// f(t_{i-1})(c_i - t_{i-1})/P_i). Supports 1..8 bits.
#pragma once

#include <memory>
#include <vector>

#include "core/quant/densities.h"

namespace vq::quant {

struct Codebook {
  int bits = 0;
  std::vector<double> centroids;   // 2^bits values, ascending
  std::vector<double> boundaries;  // 2^bits - 1 decision thresholds, midpoints of adjacent centroids
  std::vector<double> cellMass;    // P(X in cell i)
  double mse = 0.0;                // E[(X - Q(X))²] under the density (variance units of the density)
  double residual = 0.0;           // max |t_i - (c_i + c_{i+1})/2| after the solve (convergence check)
  int iterations = 0;              // Lloyd + Newton iterations used

  // Index of the cell containing x: the number of boundaries strictly below x.
  int indexOf(double x) const;
  // The same codebook for the density of s·X (centroids, boundaries ×s, mse ×s²).
  Codebook scaled(double s) const;
};

// Solves the codebook (no caching). bits in 1..8, else Error(InvalidArgument).
Codebook solveLloydMax(const Density& density, int bits);

// Cached solve: thread-safe, keyed by the density's name and the bits; the pointer stays valid
// for the life of the process.
std::shared_ptr<const Codebook> lloydMaxCodebook(const Density& density, int bits);

// The codebook for one coordinate of a uniformly random unit vector in R^dim (what a rotated
// x/‖x‖ looks like): the N(0, 1) codebook scaled by 1/sqrt(dim) when dim >= 64, the exact Beta
// marginal codebook when dim < 64. Cached.
std::shared_ptr<const Codebook> unitSphereCoordinateCodebook(int dim, int bits);

// Dimension from which the N(0, 1/d) approximation replaces the exact Beta marginal.
constexpr int kGaussianApproximationMinDim = 64;

}  // namespace vq::quant
