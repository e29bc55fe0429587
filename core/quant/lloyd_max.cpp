#include "core/quant/lloyd_max.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <string>

#include "core/common/error.h"

namespace vq::quant {
namespace {

struct CellStats {
  std::vector<double> mass, centroid;
};

// Effective range [lo, hi] used only to initialise unbounded densities.
void initRange(const Density& density, double& lo, double& hi) {
  lo = density.lower();
  hi = density.upper();
  if (density.kind() == DensityKind::Gaussian) {
    lo = -12.0;  // f^(1/3) ~ exp(-x²/6): negligible beyond
    hi = 12.0;
  } else if (density.kind() == DensityKind::Laplacian) {
    lo = -60.0;  // f^(1/3) ~ exp(-sqrt(2)|x|/3)
    hi = 60.0;
  }
}

// Boundaries that split the mass of f^(1/3) (the asymptotically optimal point density) into
// 2^bits equal parts, from a fine trapezoid table: only a starting point, not the answer.
std::vector<double> companderBoundaries(const Density& density, int levels) {
  double lo, hi;
  initRange(density, lo, hi);
  const int n = 1 << 14;
  std::vector<double> xs(n + 1), cum(n + 1, 0.0);
  double prev = 0.0;
  for (int i = 0; i <= n; ++i) {
    xs[size_t(i)] = lo + (hi - lo) * double(i) / n;
    const double v = std::cbrt(std::max(density.pdf(xs[size_t(i)]), 0.0));
    if (i > 0) cum[size_t(i)] = cum[size_t(i - 1)] + 0.5 * (v + prev) * (xs[size_t(i)] - xs[size_t(i - 1)]);
    prev = v;
  }
  // Beta with d = 2 has an infinite pdf at ±1 (pdf() returns 0 there): the table still works.
  std::vector<double> t(size_t(levels - 1));
  int j = 0;
  for (int k = 1; k < levels; ++k) {
    const double target = cum[size_t(n)] * double(k) / levels;
    while (j < n && cum[size_t(j + 1)] < target) ++j;
    const double span = cum[size_t(j + 1)] - cum[size_t(j)];
    const double frac = span > 0.0 ? (target - cum[size_t(j)]) / span : 0.5;
    t[size_t(k - 1)] = xs[size_t(j)] + frac * (xs[size_t(j + 1)] - xs[size_t(j)]);
  }
  return t;
}

// Cell masses and conditional means for boundaries t (cells [lower, t0], ..., [t_last, upper]).
CellStats cellStats(const Density& density, const std::vector<double>& t) {
  const size_t k = t.size() + 1;
  CellStats s;
  s.mass.resize(k);
  s.centroid.resize(k);
  for (size_t i = 0; i < k; ++i) {
    const double a = i == 0 ? density.lower() : t[i - 1];
    const double b = i + 1 == k ? density.upper() : t[i];
    const Moments3 m = density.cellMoments(a, b);
    s.mass[i] = m[0];
    // An empty cell (only possible far outside the bulk) keeps its midpoint-ish position.
    s.centroid[i] = m[0] > 0.0 ? m[1] / m[0] : 0.5 * (std::max(a, -1e300) + std::min(b, 1e300));
  }
  return s;
}

double boundaryResidual(const std::vector<double>& t, const CellStats& s, std::vector<double>* f = nullptr) {
  double worst = 0.0;
  if (f) f->resize(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    const double r = t[i] - 0.5 * (s.centroid[i] + s.centroid[i + 1]);
    if (f) (*f)[i] = r;
    worst = std::max(worst, std::abs(r));
  }
  return worst;
}

bool strictlyInside(const Density& density, const std::vector<double>& t) {
  double prev = density.lower();
  for (double v : t) {
    if (!(v > prev)) return false;
    prev = v;
  }
  return prev < density.upper();
}

// One Newton step on F(t) = t - (c_i + c_{i+1})/2 with a tridiagonal Jacobian (Thomas algorithm).
std::vector<double> newtonStep(const Density& density, const std::vector<double>& t, const CellStats& s,
                               const std::vector<double>& f) {
  const size_t n = t.size();
  // dc_i/dt_i (cell i's upper end) and dc_{i+1}/dt_i (cell i+1's lower end).
  std::vector<double> dUpper(n), dLower(n);
  for (size_t i = 0; i < n; ++i) {
    const double p = density.pdf(t[i]);
    dUpper[i] = s.mass[i] > 0.0 ? p * (t[i] - s.centroid[i]) / s.mass[i] : 0.0;
    dLower[i] = s.mass[i + 1] > 0.0 ? p * (s.centroid[i + 1] - t[i]) / s.mass[i + 1] : 0.0;
  }
  // F_i = t_i - (c_i + c_{i+1})/2 depends on t_{i-1} (through c_i's lower end: dLower_{i-1}),
  // on t_i (both cells: dUpper_i, dLower_i) and on t_{i+1} (through c_{i+1}'s upper end:
  // dUpper_{i+1}). So J(i,i) = 1 - (dUpper_i + dLower_i)/2, J(i,i-1) = -dLower_{i-1}/2,
  // J(i,i+1) = -dUpper_{i+1}/2.
  std::vector<double> diag(n), sub(n, 0.0), sup(n, 0.0), rhs(f);
  for (size_t i = 0; i < n; ++i) {
    diag[i] = 1.0 - 0.5 * (dUpper[i] + dLower[i]);
    if (i > 0) sub[i] = -0.5 * dLower[i - 1];
    if (i + 1 < n) sup[i] = -0.5 * dUpper[i + 1];
  }
  for (size_t i = 1; i < n; ++i) {
    const double m = sub[i] / diag[i - 1];
    diag[i] -= m * sup[i - 1];
    rhs[i] -= m * rhs[i - 1];
  }
  std::vector<double> delta(n);
  for (size_t i = n; i-- > 0;) {
    const double next = i + 1 < n ? sup[i] * delta[i + 1] : 0.0;
    delta[i] = (rhs[i] - next) / diag[i];
  }
  return delta;
}

}  // namespace

int Codebook::indexOf(double x) const {
  int idx = 0;
  for (double t : boundaries) idx += (x > t) ? 1 : 0;
  return idx;
}

Codebook Codebook::scaled(double s) const {
  Codebook c = *this;
  for (auto& v : c.centroids) v *= s;
  for (auto& v : c.boundaries) v *= s;
  c.mse *= s * s;
  c.residual *= s;
  return c;
}

Codebook solveLloydMax(const Density& density, int bits) {
  if (bits < 1 || bits > 8)
    throw Error(ErrorCode::InvalidArgument, "Lloyd-Max codebook bits must be in 1..8, got " + std::to_string(bits));
  const int levels = 1 << bits;
  const double scale = std::sqrt(density.variance());
  const double tolerance = 1e-13 * scale;

  std::vector<double> t = companderBoundaries(density, levels);
  CellStats s = cellStats(density, t);
  int iterations = 0;

  // Lloyd warm-up: a few hundred fixed-point steps bring Newton into its quadratic basin.
  auto lloydStep = [&]() {
    for (size_t i = 0; i < t.size(); ++i) t[i] = 0.5 * (s.centroid[i] + s.centroid[i + 1]);
    s = cellStats(density, t);
    ++iterations;
  };
  for (int it = 0; it < 300; ++it) {
    const std::vector<double> before = t;
    lloydStep();
    double change = 0.0;
    for (size_t i = 0; i < t.size(); ++i) change = std::max(change, std::abs(t[i] - before[i]));
    if (change < 1e-6 * scale) break;
  }

  // Newton with step halving. When no step reduces the residual we are at the noise floor of
  // the cell integrals (or outside the basin): a few Lloyd steps, and give up after 3 tries.
  std::vector<double> f;
  double res = boundaryResidual(t, s, &f);
  int failures = 0;
  for (int it = 0; it < 100 && res > tolerance && failures < 3; ++it) {
    const std::vector<double> delta = newtonStep(density, t, s, f);
    bool accepted = false;
    for (double step = 1.0; step > 1e-3; step *= 0.5) {
      std::vector<double> trial(t.size());
      for (size_t i = 0; i < t.size(); ++i) trial[i] = t[i] - step * delta[i];
      if (!strictlyInside(density, trial)) continue;
      CellStats ts = cellStats(density, trial);
      std::vector<double> tf;
      const double tr = boundaryResidual(trial, ts, &tf);
      if (tr < res) {
        t = std::move(trial);
        s = std::move(ts);
        f = std::move(tf);
        res = tr;
        accepted = true;
        break;
      }
    }
    ++iterations;
    if (!accepted) {
      ++failures;
      for (int k = 0; k < 20; ++k) lloydStep();
      res = boundaryResidual(t, s, &f);
    }
  }
  // Newton should never leave a visible residual; if it did, plain Lloyd (slow but safe) until
  // the residual stops improving.
  for (int it = 0; it < 100000 && res > 1e-10 * scale; ++it) {
    const double before = res;
    lloydStep();
    res = boundaryResidual(t, s, &f);
    if (it > 1000 && res > 0.999999 * before) break;
  }

  Codebook cb;
  cb.bits = bits;
  cb.centroids = s.centroid;
  cb.cellMass = s.mass;
  cb.boundaries.resize(t.size());
  for (size_t i = 0; i < t.size(); ++i) cb.boundaries[i] = 0.5 * (s.centroid[i] + s.centroid[i + 1]);
  cb.residual = res;
  cb.iterations = iterations;
  // MSE = Σ_i ∫_cell (x - c_i)² f = Σ_i (m2_i - 2 c_i m1_i + c_i² m0_i), cell by cell.
  double mse = 0.0;
  for (size_t i = 0; i < cb.centroids.size(); ++i) {
    const double a = i == 0 ? density.lower() : cb.boundaries[i - 1];
    const double b = i + 1 == cb.centroids.size() ? density.upper() : cb.boundaries[i];
    const Moments3 m = density.cellMoments(a, b);
    const double c = cb.centroids[i];
    mse += std::max(0.0, m[2] - 2.0 * c * m[1] + c * c * m[0]);
  }
  cb.mse = mse;
  return cb;
}

std::shared_ptr<const Codebook> lloydMaxCodebook(const Density& density, int bits) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Codebook>> cache;
  const std::string key = density.name() + "/" + std::to_string(bits);
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  // Solve outside the lock (a duplicate solve in a race is harmless: same result).
  auto solved = std::make_shared<const Codebook>(solveLloydMax(density, bits));
  std::lock_guard lock(mutex);
  auto [it, inserted] = cache.emplace(key, std::move(solved));
  return it->second;
}

std::shared_ptr<const Codebook> unitSphereCoordinateCodebook(int dim, int bits) {
  if (dim < kGaussianApproximationMinDim) return lloydMaxCodebook(Density::betaMarginal(dim), bits);
  static std::mutex mutex;
  static std::map<std::pair<int, int>, std::shared_ptr<const Codebook>> cache;
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find({dim, bits}); it != cache.end()) return it->second;
  }
  auto base = lloydMaxCodebook(Density::gaussian(), bits);
  auto scaledBook = std::make_shared<const Codebook>(base->scaled(1.0 / std::sqrt(double(dim))));
  std::lock_guard lock(mutex);
  auto [it, inserted] = cache.emplace(std::make_pair(dim, bits), std::move(scaledBook));
  return it->second;
}

}  // namespace vq::quant
