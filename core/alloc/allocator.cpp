#include "core/alloc/allocator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/alloc/mckp.h"
#include "core/alloc/ratequant.h"
#include "core/common/error.h"

namespace vq::alloc {

using calib::CalibrationTable;
using calib::GroupRole;
using calib::RateUnit;

std::string_view allocatorName(AllocatorKind k) {
  switch (k) {
    case AllocatorKind::Uniform: return "uniform";
    case AllocatorKind::RateQuant: return "ratequant";
    case AllocatorKind::Optimal: break;
  }
  return "optimal";
}

std::optional<AllocatorKind> parseAllocator(std::string_view s) {
  if (s == "uniform") return AllocatorKind::Uniform;
  if (s == "ratequant") return AllocatorKind::RateQuant;
  if (s == "optimal") return AllocatorKind::Optimal;
  return std::nullopt;
}

namespace {

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.6g", v);
  return b;
}

// Integer budget units: weight[g][c] = m_g · rate · scale, exact when a power-of-two scale makes
// every product integral, otherwise rounded up (never under-counted).
struct IntegerRates {
  double scale = 1;
  std::vector<std::vector<int64_t>> weight;
};

IntegerRates integerRates(const CalibrationTable& t, RateUnit unit) {
  IntegerRates r;
  const size_t G = t.groupCount(), C = t.entryCount();
  bool exact = false;
  for (double q = 1; q <= 1024 && !exact; q *= 2) {
    exact = true;
    for (size_t g = 0; g < G && exact; ++g)
      for (size_t c = 0; c < C && exact; ++c) {
        const double x = double(t.groups[g].values) * t.rate(g, c, unit) * q;
        exact = std::fabs(x - std::round(x)) <= 1e-7 * std::max(1.0, std::fabs(x));
      }
    if (exact) r.scale = q;
  }
  r.weight.assign(G, std::vector<int64_t>(C, 0));
  for (size_t g = 0; g < G; ++g)
    for (size_t c = 0; c < C; ++c) {
      const double x = double(t.groups[g].values) * t.rate(g, c, unit) * r.scale;
      r.weight[g][c] = exact ? int64_t(std::llround(x)) : int64_t(std::ceil(x));
    }
  return r;
}

int64_t capacityFor(double target, double values, double scale) {
  const long double x = (long double)target * (long double)values * (long double)scale;
  int64_t cap = int64_t(std::floor(x));
  while (cap > 0 && double(cap) / (values * scale) > target) --cap;
  return cap;
}

struct Constraints {
  std::vector<std::vector<bool>> allowed;
  std::vector<int> pin;  // -1: free
};

Constraints constraints(const CalibrationTable& t, const AllocationRequest& r) {
  const size_t G = t.groupCount(), C = t.entryCount();
  const int layers = int(t.dump.layers.size());
  Constraints k;
  k.allowed.assign(G, std::vector<bool>(C, true));
  k.pin.assign(G, -1);
  std::vector<std::string> pinRule(G);
  const double eps = 1e-9;
  for (size_t g = 0; g < G; ++g)
    for (size_t c = 0; c < C; ++c) {
      const double rate = t.rate(g, c, r.unit);
      if (r.minRate && rate < *r.minRate - eps) k.allowed[g][c] = false;
      if (r.maxRate && rate > *r.maxRate + eps) k.allowed[g][c] = false;
    }
  for (const GroupRule& rule : r.rules) {
    bool matched = false;
    for (size_t g = 0; g < G; ++g) {
      if (!selectorMatches(rule.selector, t.groups[g], layers)) continue;
      matched = true;
      if (rule.kind == GroupRule::Kind::Pin) {
        const int e = int(resolvePinEntry(rule.value, t, g, r.unit));
        if (k.pin[g] >= 0 && k.pin[g] != e)
          throw Error(ErrorCode::Infeasible, "contradictory pins: group " + t.groups[g].id + " is pinned to " +
                                                 t.menu[size_t(k.pin[g])].label + " by '" + pinRule[g] + "' and to " +
                                                 t.menu[size_t(e)].label + " by '" + rule.text + "'");
        k.pin[g] = e;
        pinRule[g] = rule.text;
      } else {
        const double v = std::stod(rule.value);
        for (size_t c = 0; c < C; ++c) {
          const double rate = t.rate(g, c, r.unit);
          if (rule.kind == GroupRule::Kind::Min ? rate < v - eps : rate > v + eps) k.allowed[g][c] = false;
        }
      }
    }
    if (!matched) throw Error(ErrorCode::InvalidArgument, "rule '" + rule.text + "' matches no group");
  }
  for (size_t g = 0; g < G; ++g) {
    if (k.pin[g] >= 0) {
      k.allowed[g].assign(C, false);
      k.allowed[g][size_t(k.pin[g])] = true;
    }
    if (std::none_of(k.allowed[g].begin(), k.allowed[g].end(), [](bool b) { return b; }))
      throw Error(ErrorCode::Infeasible, "group " + t.groups[g].id + ": the rate limits exclude every menu entry");
  }
  return k;
}

struct SubProblem {
  std::string name;  // "", "K", "V"
  std::vector<size_t> groups;
  double target = 0;
  double values = 0;
  int64_t capacity = 0;
};

std::vector<SubProblem> subProblems(const CalibrationTable& t, const AllocationRequest& r, double scale) {
  const size_t G = t.groupCount();
  const std::string unit = r.unit == RateUnit::Bits ? " bits/value" : " bpv";
  std::vector<SubProblem> out;
  if (r.targetK || r.targetV) {
    if (t.settings.kv != calib::KvMode::Separate)
      throw Error(ErrorCode::InvalidArgument, "separate K and V budgets need K/V-separate groups (this table is K/V joint)");
    SubProblem k{"K", {}, 0, 0, 0}, v{"V", {}, 0, 0, 0};
    for (size_t g = 0; g < G; ++g) {
      SubProblem& s = t.groups[g].key.role == GroupRole::K ? k : v;
      s.groups.push_back(g);
      s.values += double(t.groups[g].values);
    }
    if (r.targetK && r.targetV) {
      k.target = *r.targetK;
      v.target = *r.targetV;
    } else {
      if (!(r.target > 0)) throw Error(ErrorCode::InvalidArgument, "give the overall target with a single K or V target");
      const double total = r.target * (k.values + v.values);
      if (r.targetK) {
        k.target = *r.targetK;
        v.target = (total - k.target * k.values) / v.values;
      } else {
        v.target = *r.targetV;
        k.target = (total - v.target * v.values) / k.values;
      }
    }
    out = {k, v};
  } else {
    SubProblem all{"", {}, r.target, 0, 0};
    for (size_t g = 0; g < G; ++g) {
      all.groups.push_back(g);
      all.values += double(t.groups[g].values);
    }
    out = {all};
  }
  for (auto& s : out) {
    if (!(s.target > 0) || !std::isfinite(s.target))
      throw Error(ErrorCode::InvalidArgument, (s.name.empty() ? std::string("the target") : s.name + " target") +
                                                  " must be positive, got " + num(s.target) + unit);
    s.capacity = capacityFor(s.target, s.values, scale);
  }
  return out;
}

// Pooled fit of ln D = a_g − x·ln β over the groups (one slope); α_g = e^{a_g}.
double pooledBeta(const CalibrationTable& t, RateUnit unit, std::optional<double> fixed, std::vector<double>& alpha,
                  std::vector<std::string>& notes) {
  const size_t G = t.groupCount(), C = t.entryCount();
  std::vector<double> mx(G, 0), my(G, 0);
  std::vector<int> n(G, 0);
  for (size_t g = 0; g < G; ++g) {
    for (size_t c = 0; c < C; ++c)
      if (t.distortion[g][c] > 0) {
        mx[g] += t.rate(g, c, unit);
        my[g] += std::log(t.distortion[g][c]);
        ++n[g];
      }
    if (n[g]) {
      mx[g] /= n[g];
      my[g] /= n[g];
    }
  }
  double beta = fixed.value_or(0.0);
  if (!fixed) {
    double sxx = 0, sxy = 0;
    for (size_t g = 0; g < G; ++g)
      for (size_t c = 0; c < C; ++c)
        if (t.distortion[g][c] > 0 && n[g] >= 2) {
          const double dx = t.rate(g, c, unit) - mx[g];
          sxx += dx * dx;
          sxy += dx * (std::log(t.distortion[g][c]) - my[g]);
        }
    beta = sxx > 0 ? std::exp(-sxy / sxx) : 0.0;
    if (!(beta > 1.0) || !std::isfinite(beta)) {
      notes.push_back("ratequant: no decreasing rate-distortion trend to fit beta on; used beta 3.5");
      beta = 3.5;
    } else {
      notes.push_back("ratequant: beta " + num(beta) + " fitted on the table (one slope pooled over every group)");
    }
  }
  alpha.assign(G, 0.0);
  for (size_t g = 0; g < G; ++g)
    if (n[g]) alpha[g] = std::exp(my[g] + std::log(beta) * mx[g]);
  return beta;
}

std::vector<int> solveUniform(const CalibrationTable& t, const SubProblem& s, const Constraints& k,
                              const IntegerRates& w, RateUnit unit) {
  int best = -1;
  int64_t bestTotal = -1;
  double bestCost = 0;
  int64_t smallest = -1;
  for (size_t c = 0; c < t.entryCount(); ++c) {
    int64_t total = 0;
    double cost = 0;
    bool ok = true;
    for (size_t g : s.groups) {
      const size_t e = k.pin[g] >= 0 ? size_t(k.pin[g]) : c;
      if (!k.allowed[g][e]) ok = false;
      total += w.weight[g][e];
      cost += t.weight[g] * t.distortion[g][e];
    }
    if (!ok) continue;
    if (smallest < 0 || total < smallest) smallest = total;
    if (total > s.capacity) continue;
    if (best < 0 || total > bestTotal || (total == bestTotal && cost < bestCost)) {
      best = int(c);
      bestTotal = total;
      bestCost = cost;
    }
  }
  if (best < 0)
    throw Error(ErrorCode::Infeasible,
                std::string("uniform: no single menu entry fits the ") + (s.name.empty() ? "" : s.name + " ") +
                    "budget of " + num(s.target) + (unit == RateUnit::Bits ? " bits/value" : " bpv") +
                    (smallest >= 0 ? "; the smallest needs " + num(double(smallest) / (s.values * w.scale)) : ""));
  std::vector<int> out(t.groupCount(), -1);
  for (size_t g : s.groups) out[g] = k.pin[g] >= 0 ? k.pin[g] : best;
  return out;
}

std::vector<int> solveOptimal(const CalibrationTable& t, const SubProblem& s, const Constraints& k,
                              const IntegerRates& w, const Progress& progress) {
  std::vector<std::vector<MckpItem>> items(s.groups.size());
  std::vector<std::vector<int>> entries(s.groups.size());
  for (size_t i = 0; i < s.groups.size(); ++i) {
    const size_t g = s.groups[i];
    for (size_t c = 0; c < t.entryCount(); ++c) {
      if (!k.allowed[g][c]) continue;
      items[i].push_back({w.weight[g][c], t.weight[g] * t.distortion[g][c]});
      entries[i].push_back(int(c));
    }
  }
  const MckpSolution sol = solveMultipleChoiceKnapsack(items, s.capacity, progress);
  if (!sol.feasible) throw Error(ErrorCode::Internal, "optimal: infeasible after the feasibility check");
  std::vector<int> out(t.groupCount(), -1);
  for (size_t i = 0; i < s.groups.size(); ++i) out[s.groups[i]] = entries[i][size_t(sol.choice[i])];
  return out;
}

std::vector<int> solveRateQuant(const CalibrationTable& t, const SubProblem& s, const Constraints& k,
                                const IntegerRates& w, RateUnit unit, double beta, const std::vector<double>& alpha) {
  std::vector<int> out(t.groupCount(), -1);
  std::vector<RateQuantGroup> groups;
  std::vector<size_t> index;
  int64_t capacity = s.capacity;
  for (size_t g : s.groups) {
    if (k.pin[g] >= 0) {
      out[g] = k.pin[g];
      capacity -= w.weight[g][size_t(k.pin[g])];
      continue;
    }
    RateQuantGroup rg;
    rg.values = double(t.groups[g].values);
    rg.sensitivity = t.weight[g] * alpha[g];
    std::vector<size_t> order;
    for (size_t c = 0; c < t.entryCount(); ++c)
      if (k.allowed[g][c]) order.push_back(c);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return w.weight[g][a] < w.weight[g][b]; });
    for (size_t c : order)
      if (rg.choices.empty() || w.weight[g][c] > rg.choices.back().weight)
        rg.choices.push_back({t.rate(g, c, unit), w.weight[g][c], int(c)});
    groups.push_back(std::move(rg));
    index.push_back(g);
  }
  const RateQuantResult r = rateQuantAllocate(groups, capacity, w.scale, beta);
  for (size_t i = 0; i < groups.size(); ++i) out[index[i]] = groups[i].choices[size_t(r.index[i])].entry;
  return out;
}

}  // namespace

void evaluateAllocation(Allocation& a, const CalibrationTable& t) {
  const size_t G = t.groupCount();
  if (a.choice.size() != G) throw Error(ErrorCode::InvalidArgument, "the allocation does not match the table's groups");
  for (size_t g = 0; g < G; ++g)
    if (a.choice[g] < 0 || size_t(a.choice[g]) >= t.entryCount())
      throw Error(ErrorCode::InvalidArgument, "group " + t.groups[g].id + ": no menu entry chosen");
  auto average = [&](RateUnit unit, int role) {  // role: -1 all, 0 K, 1 V
    const IntegerRates w = integerRates(t, unit);
    int64_t sum = 0;
    double values = 0;
    for (size_t g = 0; g < G; ++g) {
      const GroupRole r = t.groups[g].key.role;
      if (role == 0 && r != GroupRole::K) continue;
      if (role == 1 && r != GroupRole::V) continue;
      sum += w.weight[g][size_t(a.choice[g])];
      values += double(t.groups[g].values);
    }
    return values > 0 ? double(sum) / (values * w.scale) : 0.0;
  };
  a.achieved = average(a.request.unit, -1);
  a.achievedBpv = average(RateUnit::Bpv, -1);
  a.achievedBits = calib::menuHasBitWidths(t.menu) ? average(RateUnit::Bits, -1) : 0.0;
  a.achievedK.reset();
  a.achievedV.reset();
  if (t.settings.kv == calib::KvMode::Separate) {
    a.achievedK = average(a.request.unit, 0);
    a.achievedV = average(a.request.unit, 1);
  }
  a.predicted = 0;
  for (size_t g = 0; g < G; ++g) a.predicted += t.weight[g] * t.distortion[g][size_t(a.choice[g])];
}

Allocation allocate(const CalibrationTable& t, const AllocationRequest& r, AllocatorKind kind,
                    const Progress& progress) {
  t.validate();
  if (r.unit == RateUnit::Bits && !calib::menuHasBitWidths(t.menu))
    throw Error(ErrorCode::InvalidArgument,
                "the menu holds fixed formats without a bit-width: count the budget in bpv (exact storage)");
  const std::string unitName = r.unit == RateUnit::Bits ? " bits/value" : " bpv";
  const IntegerRates w = integerRates(t, r.unit);
  const Constraints k = constraints(t, r);
  const auto problems = subProblems(t, r, w.scale);
  Allocation a;
  a.allocator = std::string(allocatorName(kind));
  a.request = r;
  a.choice.assign(t.groupCount(), -1);
  a.pinned.assign(t.groupCount(), false);
  for (size_t g = 0; g < t.groupCount(); ++g) a.pinned[g] = k.pin[g] >= 0;
  // Feasibility: the lightest allowed entry of every group must fit.
  int64_t minAll = 0;
  double valuesAll = 0;
  for (const auto& s : problems) {
    int64_t minW = 0;
    for (size_t g : s.groups) {
      int64_t m = -1;
      for (size_t c = 0; c < t.entryCount(); ++c)
        if (k.allowed[g][c] && (m < 0 || w.weight[g][c] < m)) m = w.weight[g][c];
      minW += m;
    }
    minAll += minW;
    valuesAll += s.values;
    if (minW > s.capacity)
      throw Error(ErrorCode::Infeasible,
                  std::string(s.name.empty() ? "target " : s.name + " target ") + num(s.target) + unitName +
                      " is below the minimum achievable average of " + num(double(minW) / (s.values * w.scale)) +
                      unitName + " (the cheapest allowed entry everywhere, pins and limits included)");
  }
  a.minimumAchievable = double(minAll) / (valuesAll * w.scale);
  if (problems.size() == 2) {  // separate K and V budgets: the overall target they imply
    const double implied = (problems[0].target * problems[0].values + problems[1].target * problems[1].values) / valuesAll;
    if (r.target > 0 && std::fabs(r.target - implied) > 1e-9 * implied)
      a.notes.push_back("the K and V targets imply an overall target of " + num(implied) + unitName + " (not " +
                        num(r.target) + ")");
    a.request.target = implied;
  }
  std::vector<double> alpha;
  if (kind == AllocatorKind::RateQuant) a.beta = pooledBeta(t, r.unit, r.beta, alpha, a.notes);
  for (const auto& s : problems) {
    progress.checkCancelled();
    std::vector<int> part;
    switch (kind) {
      case AllocatorKind::Uniform: part = solveUniform(t, s, k, w, r.unit); break;
      case AllocatorKind::RateQuant: part = solveRateQuant(t, s, k, w, r.unit, a.beta, alpha); break;
      case AllocatorKind::Optimal: part = solveOptimal(t, s, k, w, progress); break;
    }
    for (size_t g : s.groups) a.choice[g] = part[g];
  }
  progress.checkCancelled();
  evaluateAllocation(a, t);
  return a;
}

Allocation uniformBaseline(const CalibrationTable& table, RateUnit unit, double target) {
  AllocationRequest r;
  r.unit = unit;
  r.target = target;
  return allocate(table, r, AllocatorKind::Uniform);
}

}  // namespace vq::alloc
