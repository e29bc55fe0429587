#include "core/calib/probes.h"

#include <algorithm>
#include <cmath>

#include "core/common/error.h"
#include "core/common/random.h"
#include "core/quant/registry.h"

namespace vq::calib {

HeadStorage entryStorage(LayerSession& session, const quant::MethodConfig& cfg,
                         const quant::ProtectionConfig& protection) {
  const LayerData& d = session.data();
  HeadStorage out;
  if (protection.any()) {
    out.k = session.quantize(Role::K, cfg, protection).headBytes;
    out.v = session.quantize(Role::V, cfg, protection).headBytes;
    return out;
  }
  const auto* info = quant::findMethod(cfg.method);
  if (!info) quant::createMethod(cfg, d.headDim);  // throws the "unknown method" error
  for (Role role : {Role::K, Role::V}) {
    quant::MethodConfig c = cfg;
    c.isKey = role == Role::K;
    std::vector<double>& bytes = role == Role::K ? out.k : out.v;
    if (info->scope == quant::RowScope::LayerRow) {
      const auto m = quant::createMethod(c, d.kvHeads * d.headDim);
      bytes.assign(size_t(d.kvHeads), double(m->storageBytes(d.tokens)) / double(d.kvHeads));
    } else {
      const auto m = quant::createMethod(c, d.headDim);
      bytes.assign(size_t(d.kvHeads), double(m->storageBytes(d.tokens)));
    }
  }
  return out;
}

double meanSquaredNorm(const LayerData& data, const Group& group) {
  const Role role = group.key.role == GroupRole::V ? Role::V : Role::K;
  double sum = 0;
  int64_t rows = 0;
  for (int h = 0; h < data.kvHeads; ++h) {
    if (!group.key.coversHead(h)) continue;
    const auto x = data.head(role, h);
    for (int64_t t = 0; t < data.tokens; ++t) {
      double n2 = 0;
      for (int i = 0; i < data.headDim; ++i) {
        const double v = x[size_t(t) * size_t(data.headDim) + size_t(i)];
        n2 += v * v;
      }
      sum += n2;
      ++rows;
    }
  }
  return rows ? sum / double(rows) : 0.0;
}

namespace {

// x + N(0, (scale·std(x))²) for one head; returns Σ noise² and Σ x².
void addNoise(std::span<const float> x, std::span<float> out, double scale, Rng rng, double& noise2,
              double& signal2) {
  double mean = 0, sq = 0;
  for (float v : x) {
    mean += v;
    sq += double(v) * v;
  }
  const double n = double(x.size());
  mean /= n;
  const double var = std::max(0.0, sq / n - mean * mean);
  const double sigma = scale * std::sqrt(var);
  noise2 = 0;
  signal2 = sq;
  for (size_t i = 0; i < x.size(); ++i) {
    const float e = float(sigma * rng.normal());
    out[i] = x[i] + e;
    noise2 += double(e) * e;
  }
}

}  // namespace

std::vector<PerturbHead> perturbLayer(LayerSession& session, double noiseScale, uint64_t seed) {
  const LayerData& d = session.data();
  if (d.qHeads == 0)
    throw Error(ErrorCode::InvalidArgument, "the perturb probe measures attention and needs queries");
  if (!(noiseScale > 0) || !std::isfinite(noiseScale))
    throw Error(ErrorCode::InvalidArgument, "noise scale must be positive, got " + std::to_string(noiseScale));
  const size_t hs = d.headSize();
  std::vector<PerturbHead> out(size_t(d.kvHeads));
  RoleReconstruction k, v;
  k.role = Role::K;
  v.role = Role::V;
  k.values.resize(d.k.size());
  v.values.resize(d.v.size());
  for (int h = 0; h < d.kvHeads; ++h) {
    PerturbHead& p = out[size_t(h)];
    addNoise(d.head(Role::K, h), std::span<float>(k.values).subspan(size_t(h) * hs, hs), noiseScale,
             Rng::stream(seed, uint64_t(d.layer), 1, uint64_t(h)), p.noiseK2, p.signalK2);
    addNoise(d.head(Role::V, h), std::span<float>(v.values).subspan(size_t(h) * hs, hs), noiseScale,
             Rng::stream(seed, uint64_t(d.layer), 2, uint64_t(h)), p.noiseV2, p.signalV2);
  }
  for (int h = 0; h < d.kvHeads; ++h) {
    auto sums = session.attention(h, &k, &v);
    if (!sums) throw Error(ErrorCode::Internal, "perturb: attention unavailable");
    out[size_t(h)].sums = *sums;
  }
  return out;
}

double modelDistortion(double rate, double beta) { return std::pow(beta, -rate); }

}  // namespace vq::calib
