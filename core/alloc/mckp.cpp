#include "core/alloc/mckp.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "core/common/error.h"

namespace vq::alloc {

namespace {

struct Kept {
  int64_t w = 0;  // reduced, gcd-scaled weight
  double c = 0;
  int item = 0;   // index into the caller's items
};

struct Segment {
  int64_t dw = 0;
  double dc = 0;  // < 0
  int group = 0;
  int seq = 0;
};

// Prefix sums over segments sorted by slope; removed segments contribute zeros.
class SegmentTree {
 public:
  explicit SegmentTree(std::vector<Segment> segs) : m_seg(std::move(segs)) {
    const size_t n = m_seg.size();
    m_w.assign(n + 1, 0);
    m_c.assign(n + 1, 0.0);
    m_n.assign(n + 1, 0);
    m_step = 1;
    while (m_step * 2 <= n) m_step *= 2;
    for (size_t i = 0; i < n; ++i) add(i + 1, m_seg[i].dw, m_seg[i].dc, 1);
  }
  const Segment& segment(size_t pos) const { return m_seg[pos - 1]; }
  void remove(size_t pos) { add(pos, -m_seg[pos - 1].dw, -m_seg[pos - 1].dc, -1); }

  // LP completion with capacity x: integral part (whole segments) and the fractional bound.
  void evaluate(int64_t x, double& integral, double& bound) const {
    const size_t n = m_seg.size();
    size_t pos = 0;
    int64_t left = x;
    double c = 0;
    int count = 0;
    for (size_t step = n ? m_step : 0; step > 0; step >>= 1) {
      if (pos + step <= n && m_w[pos + step] <= left) {
        pos += step;
        left -= m_w[pos];
        c += m_c[pos];
        count += m_n[pos];
      }
    }
    integral = c;
    bound = c;
    // The next present segment after the prefix: the (count+1)-th present one.
    size_t p2 = 0;
    int k = count + 1;
    for (size_t step = n ? m_step : 0; step > 0; step >>= 1) {
      if (p2 + step <= n && m_n[p2 + step] < k) {
        p2 += step;
        k -= m_n[p2];
      }
    }
    if (p2 + 1 <= n && k == 1) {
      const Segment& s = m_seg[p2];
      if (p2 + 1 > pos) bound += double(left) * (s.dc / double(s.dw));
    }
  }

 private:
  void add(size_t pos, int64_t dw, double dc, int dn) {
    for (size_t i = pos; i < m_w.size(); i += i & (~i + 1)) {
      m_w[i] += dw;
      m_c[i] += dc;
      m_n[i] += dn;
    }
  }
  std::vector<Segment> m_seg;
  std::vector<int64_t> m_w;
  std::vector<double> m_c;
  std::vector<int> m_n;
  size_t m_step = 1;
};

// Lower convex hull of points sorted by weight with strictly decreasing cost.
std::vector<size_t> lowerHull(const std::vector<Kept>& pts) {
  std::vector<size_t> h;
  for (size_t i = 0; i < pts.size(); ++i) {
    while (h.size() >= 2) {
      const Kept& a = pts[h[h.size() - 2]];
      const Kept& b = pts[h.back()];
      const Kept& p = pts[i];
      const long double lhs = (long double)(b.c - a.c) * (long double)(p.w - b.w);
      const long double rhs = (long double)(p.c - b.c) * (long double)(b.w - a.w);
      if (lhs >= rhs) {
        h.pop_back();
      } else {
        break;
      }
    }
    h.push_back(i);
  }
  return h;
}

struct State {
  int64_t w = 0;
  double c = 0;
  uint32_t parent = 0;
  uint32_t kept = 0;
};

}  // namespace

MckpSolution solveMultipleChoiceKnapsack(const std::vector<std::vector<MckpItem>>& groups, int64_t capacity,
                                         const Progress& progress) {
  MckpSolution sol;
  const size_t N = groups.size();
  // 1. Dominance within each group.
  std::vector<std::vector<Kept>> kept(N);
  int64_t base = 0;
  double scale = 0;
  for (size_t g = 0; g < N; ++g) {
    if (groups[g].empty()) throw Error(ErrorCode::InvalidArgument, "group " + std::to_string(g) + " has no item");
    std::vector<Kept> all;
    double maxAbs = 0;
    for (size_t i = 0; i < groups[g].size(); ++i) {
      const MckpItem& it = groups[g][i];
      if (it.weight < 0) throw Error(ErrorCode::InvalidArgument, "negative item weight");
      if (!std::isfinite(it.cost)) throw Error(ErrorCode::InvalidArgument, "non-finite item cost");
      all.push_back({it.weight, it.cost, int(i)});
      maxAbs = std::max(maxAbs, std::fabs(it.cost));
    }
    scale += maxAbs;
    std::stable_sort(all.begin(), all.end(), [](const Kept& a, const Kept& b) {
      return a.w != b.w ? a.w < b.w : a.c < b.c;
    });
    for (const Kept& k : all)
      if (kept[g].empty() || k.c < kept[g].back().c) kept[g].push_back(k);
    base += kept[g].front().w;
  }
  sol.minimumWeight = base;
  if (base > capacity) return sol;
  // 2. Reduce and scale weights.
  int64_t cap = capacity - base;
  int64_t div = 0;
  for (auto& k : kept) {
    const int64_t w0 = k.front().w;
    for (auto& item : k) {
      item.w -= w0;
      div = std::gcd(div, item.w);
    }
  }
  if (div > 1) {
    for (auto& k : kept)
      for (auto& item : k) item.w /= div;
    cap /= div;
  }
  for (auto& k : kept)
    while (k.size() > 1 && k.back().w > cap) k.pop_back();
  // 4 (setup). Hull segments of every group, sorted by slope.
  std::vector<Segment> segs;
  std::vector<double> c0(N);
  for (size_t g = 0; g < N; ++g) {
    c0[g] = kept[g].front().c;
    const auto h = lowerHull(kept[g]);
    for (size_t i = 0; i + 1 < h.size(); ++i)
      segs.push_back({kept[g][h[i + 1]].w - kept[g][h[i]].w, kept[g][h[i + 1]].c - kept[g][h[i]].c, int(g), int(i)});
  }
  std::sort(segs.begin(), segs.end(), [](const Segment& a, const Segment& b) {
    const long double l = (long double)a.dc * (long double)b.dw, r = (long double)b.dc * (long double)a.dw;
    if (l != r) return l < r;
    return a.group != b.group ? a.group < b.group : a.seq < b.seq;
  });
  std::vector<std::vector<size_t>> segPos(N);
  for (size_t i = 0; i < segs.size(); ++i) segPos[size_t(segs[i].group)].push_back(i + 1);
  SegmentTree tree(segs);
  std::vector<double> suffixC0(N + 1, 0.0);
  for (size_t g = N; g-- > 0;) suffixC0[g] = suffixC0[g + 1] + c0[g];
  const double tol = 1e-9 * (scale + 1e-300);
  double incumbent;
  {
    double integral = 0, bound = 0;
    tree.evaluate(cap, integral, bound);
    incumbent = suffixC0[0] + integral;
  }
  // 3. DP over groups on Pareto lists, pruned by the LP bound.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> back(N);
  std::vector<State> cur{State{}}, cand;
  std::vector<double> lower;
  for (size_t g = 0; g < N; ++g) {
    progress.checkCancelled();
    for (size_t pos : segPos[g]) tree.remove(pos);
    const double restC0 = suffixC0[g + 1];
    cand.clear();
    lower.clear();
    for (uint32_t s = 0; s < cur.size(); ++s) {
      for (uint32_t i = 0; i < kept[g].size(); ++i) {
        const int64_t w = cur[s].w + kept[g][i].w;
        if (w > cap) break;
        const double c = cur[s].c + kept[g][i].c;
        double integral = 0, bound = 0;
        tree.evaluate(cap - w, integral, bound);
        incumbent = std::min(incumbent, c + restC0 + integral);
        cand.push_back({w, c, s, i});
        lower.push_back(c + restC0 + bound);
      }
    }
    size_t n = 0;
    for (size_t j = 0; j < cand.size(); ++j)
      if (lower[j] <= incumbent + tol) cand[n++] = cand[j];
    cand.resize(n);
    std::stable_sort(cand.begin(), cand.end(), [](const State& a, const State& b) {
      return a.w != b.w ? a.w < b.w : a.c < b.c;
    });
    cur.clear();
    back[g].clear();
    for (const State& s : cand) {
      if (!cur.empty() && s.c >= cur.back().c) continue;
      back[g].push_back({s.parent, s.kept});
      cur.push_back({s.w, s.c, uint32_t(cur.size()), 0});
    }
    sol.peakStates = std::max(sol.peakStates, cur.size());
    if (cur.empty()) throw Error(ErrorCode::Internal, "knapsack: every state was pruned");
  }
  // The list is sorted by weight with strictly decreasing cost: the last state is the best.
  sol.feasible = true;
  sol.choice.assign(N, 0);
  uint32_t idx = uint32_t(cur.size() - 1);
  for (size_t g = N; g-- > 0;) {
    const auto [parent, k] = back[g][idx];
    sol.choice[g] = kept[g][k].item;
    idx = parent;
  }
  for (size_t g = 0; g < N; ++g) {
    sol.weight += groups[g][size_t(sol.choice[g])].weight;
    sol.cost += groups[g][size_t(sol.choice[g])].cost;
  }
  return sol;
}

}  // namespace vq::alloc
