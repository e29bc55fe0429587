#include "core/calib/curve_fit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "core/common/error.h"

namespace vq::calib {

CurveFit fitRateDistortion(std::span<const double> rates, std::span<const double> distortion) {
  if (rates.size() != distortion.size())
    throw Error(ErrorCode::InvalidArgument, "curve fit: rates and distortions differ in length");
  CurveFit f;
  std::vector<double> x, y;
  for (size_t i = 0; i < rates.size(); ++i) {
    const double d = distortion[i];
    if (!(d > 0) || !std::isfinite(d) || !std::isfinite(rates[i])) {
      ++f.excluded;
      continue;
    }
    x.push_back(rates[i]);
    y.push_back(std::log(d));
  }
  f.points = int(x.size());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  f.alpha = f.beta = f.r2 = nan;
  if (x.size() < 2) return f;
  double mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= double(x.size());
  my /= double(x.size());
  double sxx = 0, sxy = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (!(sxx > 0)) return f;  // all rates equal: no slope
  const double slope = sxy / sxx;  // = −ln β
  const double intercept = my - slope * mx;
  double ssRes = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double r = y[i] - (intercept + slope * x[i]);
    ssRes += r * r;
  }
  f.valid = true;
  f.alpha = std::exp(intercept);
  f.beta = std::exp(-slope);
  const double tiny = 1e-24 * std::max(1.0, my * my) * double(x.size());
  if (syy > tiny) {
    f.r2 = 1.0 - ssRes / syy;
  } else {
    f.r2 = ssRes <= tiny ? 1.0 : 0.0;
  }
  return f;
}

std::string describe(const CurveFit& f) {
  char buf[160];
  if (!f.valid) {
    std::snprintf(buf, sizeof buf, "no fit (%d usable point%s)", f.points, f.points == 1 ? "" : "s");
  } else {
    std::snprintf(buf, sizeof buf, "alpha %.4g beta %.4g R2 %.4f", f.alpha, f.beta, f.r2);
  }
  std::string s = buf;
  if (f.excluded > 0)
    s += " (" + std::to_string(f.excluded) + " point" + (f.excluded == 1 ? "" : "s") + " excluded: D <= 0)";
  return s;
}

}  // namespace vq::calib
