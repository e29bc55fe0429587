// The rate–distortion model of one group: D(b) = α·β^−b, fitted by least squares on log D
// (DESIGN.md §6). ln D = ln α − b·ln β is a straight line in b, so the fit is ordinary linear
// regression of y = ln D on x = b. Non-positive (or non-finite) D — exact formats such as fp16
// can measure 0 — have no logarithm: they are left out of the fit and counted in `excluded`.
#pragma once

#include <span>
#include <string>

namespace vq::calib {

struct CurveFit {
  bool valid = false;  // at least two usable points with distinct rates
  double alpha = 0;    // NaN when !valid
  double beta = 0;     // NaN when !valid
  double r2 = 0;       // coefficient of determination of the log fit (1 when every point is on the line)
  int points = 0;      // points used
  int excluded = 0;    // points left out (D <= 0 or not finite)
};

// rates[i] and distortion[i] pair up. R² = 1 − SS_res/SS_tot on ln D; when every used ln D is
// the same (SS_tot = 0), R² is 1 if the residuals vanish, else 0.
CurveFit fitRateDistortion(std::span<const double> rates, std::span<const double> distortion);

// One line for reports: "alpha 0.36 beta 3.9 R2 0.998 (1 point excluded: D <= 0)".
std::string describe(const CurveFit& f);

}  // namespace vq::calib
