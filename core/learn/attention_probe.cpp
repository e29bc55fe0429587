#include "core/learn/attention_probe.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/common/error.h"

namespace vq::learn {

namespace {

double dot(const float* a, const float* b, int d) {
  double s = 0;
  for (int i = 0; i < d; ++i) s += double(a[i]) * double(b[i]);
  return s;
}

std::vector<double> softmax(const std::vector<double>& l) {
  const double m = *std::max_element(l.begin(), l.end());
  std::vector<double> p(l.size());
  double z = 0;
  for (size_t j = 0; j < l.size(); ++j) z += p[j] = std::exp(l[j] - m);
  for (double& x : p) x /= z;
  return p;
}

}  // namespace

AttentionProbe probeAttention(const LayerData& layer, int kvHead, int64_t token, std::span<const float> kHat,
                              std::span<const float> vHat) {
  AttentionProbe out;
  if (layer.qHeads <= 0 || layer.q.empty()) return out;
  if (token < 0 || token >= layer.tokens) throw Error(ErrorCode::InvalidArgument, "token out of range");
  const int d = layer.headDim;
  const size_t hs = layer.headSize();
  if ((!kHat.empty() && kHat.size() != hs) || (!vHat.empty() && vHat.size() != hs))
    throw Error(ErrorCode::InvalidArgument, "reconstruction size does not match the head");
  const int group = layer.qHeads / layer.kvHeads;
  const auto k = layer.head(Role::K, kvHead);
  const auto v = layer.head(Role::V, kvHead);
  const float* kq = kHat.empty() ? k.data() : kHat.data();
  const float* vq = vHat.empty() ? v.data() : vHat.data();
  const double scale = 1.0 / std::sqrt(double(d));
  const int64_t n = token + 1;
  out.available = true;
  out.queryHeads = group;
  out.firstQueryHead = kvHead * group;
  double err2 = 0, dev2 = 0, kl = 0, oErr = 0, oRef = 0;
  for (int g = 0; g < group; ++g) {
    const float* q = layer.head(Role::Q, kvHead * group + g).data() + size_t(token) * size_t(d);
    std::vector<double> l(static_cast<size_t>(n)), lh(static_cast<size_t>(n));
    for (int64_t j = 0; j < n; ++j) {
      l[size_t(j)] = dot(q, k.data() + size_t(j) * size_t(d), d) * scale;
      lh[size_t(j)] = dot(q, kq + size_t(j) * size_t(d), d) * scale;
    }
    const auto p = softmax(l), ph = softmax(lh);
    double mean = 0;
    for (double x : l) mean += x;
    mean /= double(n);
    for (size_t j = 0; j < size_t(n); ++j) {
      err2 += (lh[j] - l[j]) * (lh[j] - l[j]);
      dev2 += (l[j] - mean) * (l[j] - mean);
      if (p[j] > 0) kl += p[j] * (std::log(p[j]) - std::log(std::max(ph[j], std::numeric_limits<double>::min())));
    }
    for (int i = 0; i < d; ++i) {
      double o = 0, oh = 0;
      for (size_t j = 0; j < size_t(n); ++j) {
        o += p[j] * v[j * size_t(d) + size_t(i)];
        oh += ph[j] * vq[j * size_t(d) + size_t(i)];
      }
      oErr += (oh - o) * (oh - o);
      oRef += o * o;
    }
    if (g == 0) {
      for (size_t j = 0; j < size_t(n); ++j)
        if (p[j] > 0) out.maxWeightFactor = std::max(out.maxWeightFactor, ph[j] / p[j]);
      out.logits = std::move(l);
      out.logitsHat = std::move(lh);
      out.probs = p;
      out.probsHat = ph;
    }
  }
  out.logitErrorRel = dev2 > 0 ? std::sqrt(err2 / dev2) : std::nan("");
  out.klMean = std::max(0.0, kl / group);
  out.outputError = oRef > 0 ? oErr / oRef : 0.0;
  return out;
}

}  // namespace vq::learn
