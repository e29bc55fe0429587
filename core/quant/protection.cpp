#include "core/quant/protection.h"
#include "core/quant/protection_rows.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/common/error.h"
#include "core/common/half.h"

namespace vq::quant {

std::string ProtectionConfig::describe() const {
  if (!any()) return "none";
  auto num = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  return "sink " + std::to_string(sinkTokens) + ", z " + num(zScore) + ", window " +
         std::to_string(residualWindow) + ", channels " + std::to_string(outlierChannels);
}

void validate(const ProtectionConfig& p) {
  auto bad = [](const std::string& s) { throw Error(ErrorCode::InvalidArgument, s); };
  if (p.sinkTokens < 0) bad("sink tokens must be >= 0, got " + std::to_string(p.sinkTokens));
  if (p.residualWindow < 0) bad("residual window must be >= 0, got " + std::to_string(p.residualWindow));
  if (p.outlierChannels < 0) bad("outlier channels must be >= 0, got " + std::to_string(p.outlierChannels));
  if (!std::isfinite(p.zScore) || p.zScore < 0) bad("z-score threshold must be a finite number >= 0");
}

namespace {

float roundFp16(float v) { return fp16ToFloat(floatToFp16(v)); }

}  // namespace

std::vector<char> protectedRowMask(const ProtectionConfig& p, std::span<const float> x, int64_t rows, int n,
                                   int64_t& explicitRows) {
  std::vector<char> keep(size_t(rows), 0);
  for (int64_t r = 0; r < std::min<int64_t>(p.sinkTokens, rows); ++r) keep[size_t(r)] = 1;
  for (int64_t r = std::max<int64_t>(0, rows - p.residualWindow); r < rows; ++r) keep[size_t(r)] = 1;
  explicitRows = 0;
  if (p.zScore > 0 && rows > 1) {
    std::vector<double> norms(static_cast<size_t>(rows));
    double sum = 0, sum2 = 0;
    for (int64_t r = 0; r < rows; ++r) {
      double s = 0;
      for (int i = 0; i < n; ++i) s += double(x[size_t(r * n + i)]) * x[size_t(r * n + i)];
      norms[size_t(r)] = std::sqrt(s);
      sum += norms[size_t(r)];
      sum2 += norms[size_t(r)] * norms[size_t(r)];
    }
    const double mean = sum / double(rows);
    const double sd = std::sqrt(std::max(0.0, sum2 / double(rows) - mean * mean));
    for (int64_t r = 0; r < rows; ++r)
      if (!keep[size_t(r)] && norms[size_t(r)] > mean + p.zScore * sd) {
        keep[size_t(r)] = 1;
        ++explicitRows;
      }
  }
  return keep;
}

namespace {

// The c channels with the largest mean |x| over the given rows.
std::vector<int> topChannels(std::span<const float> x, const std::vector<int64_t>& rowsUsed, int n, int c) {
  std::vector<double> meanAbs(size_t(n), 0.0);
  for (int64_t r : rowsUsed)
    for (int i = 0; i < n; ++i) meanAbs[size_t(i)] += std::abs(double(x[size_t(r * n + i)]));
  std::vector<int> idx(static_cast<size_t>(n));
  std::iota(idx.begin(), idx.end(), 0);
  c = std::min(c, n);
  std::partial_sort(idx.begin(), idx.begin() + c, idx.end(),
                    [&](int a, int b) { return meanAbs[size_t(a)] > meanAbs[size_t(b)] || (meanAbs[size_t(a)] == meanAbs[size_t(b)] && a < b); });
  idx.resize(size_t(c));
  std::sort(idx.begin(), idx.end());
  return idx;
}

}  // namespace

ProtectedResult roundTripProtected(const Method& method, const ProtectionConfig& p, std::span<const float> x,
                                   int64_t rows, std::span<float> out) {
  validate(p);
  const int n = method.rowLength();
  if (x.size() != size_t(rows) * size_t(n) || out.size() != x.size())
    throw Error(ErrorCode::InvalidArgument, "roundTripProtected: buffer sizes do not match rows x row length");
  ProtectedResult res;
  if (!p.any()) {
    method.roundTrip(x, rows, out);
    res.bytes = res.methodBytes = method.storageBytes(rows);
    return res;
  }
  int64_t explicitRows = 0;
  const std::vector<char> keep = protectedRowMask(p, x, rows, n, explicitRows);
  std::vector<int64_t> mainRows;
  for (int64_t r = 0; r < rows; ++r) {
    if (keep[size_t(r)]) {
      for (int i = 0; i < n; ++i) out[size_t(r * n + i)] = roundFp16(x[size_t(r * n + i)]);
      ++res.protectedRows;
    } else {
      mainRows.push_back(r);
    }
  }
  res.bytes = uint64_t(res.protectedRows) * uint64_t(n) * 2 + uint64_t(explicitRows) * 4;
  if (mainRows.empty()) return res;

  // Gather the main stream; split off the outlier channels as int8 with a per-row fp16 scale.
  const int64_t m = int64_t(mainRows.size());
  std::vector<float> main(size_t(m) * size_t(n)), side(size_t(m) * size_t(n), 0.0f);
  for (int64_t j = 0; j < m; ++j)
    std::copy_n(x.begin() + mainRows[size_t(j)] * n, n, main.begin() + j * n);
  const std::vector<int> channels = p.outlierChannels > 0 ? topChannels(x, mainRows, n, p.outlierChannels) : std::vector<int>{};
  res.outlierChannels = int(channels.size());
  if (!channels.empty()) {
    for (int64_t j = 0; j < m; ++j) {
      float absMax = 0;
      for (int c : channels) absMax = std::max(absMax, std::abs(main[size_t(j * n + c)]));
      const float scale = roundFp16(absMax / 127.0f);
      for (int c : channels) {
        float& v = main[size_t(j * n + c)];
        const float q = scale > 0 ? std::clamp(std::nearbyint(v / scale), -127.0f, 127.0f) : 0.0f;
        side[size_t(j * n + c)] = q * scale;
        v = 0.0f;  // the method sees the channel removed
      }
    }
    res.bytes += uint64_t(channels.size()) * 2 + uint64_t(m) * (uint64_t(channels.size()) + 2);
  }
  std::vector<float> rec(main.size());
  method.roundTrip(main, m, rec);
  res.methodBytes = method.storageBytes(m);
  res.bytes += res.methodBytes;
  for (int64_t j = 0; j < m; ++j) {
    float* o = out.data() + mainRows[size_t(j)] * n;
    for (int i = 0; i < n; ++i) o[i] = rec[size_t(j * n + i)] + side[size_t(j * n + i)];
    for (int c : channels) o[c] = side[size_t(j * n + c)];  // the method's value there is noise around 0
  }
  return res;
}

}  // namespace vq::quant
