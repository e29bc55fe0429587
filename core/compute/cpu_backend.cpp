// The CPU implementation of ComputeBackend: Eigen + the thread pool, per-head parallelism.
#include <algorithm>
#include <memory>
#include <mutex>

#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "core/compute/compute_backend.h"
#include "core/metrics/query_sampling.h"
#include "core/quant/registry.h"

namespace vq {

namespace {

// Runs `method` over the rows its scope defines, for every KV head of `src` ([H][T][d]).
RoleReconstruction quantizeRole(const LayerData& d, Role role, const quant::MethodConfig& cfgIn,
                                const quant::ProtectionConfig& prot, ThreadPool& pool) {
  quant::MethodConfig cfg = cfgIn;
  cfg.isKey = role == Role::K;
  const auto* info = quant::findMethod(cfg.method);
  if (!info) quant::createMethod(cfg, d.headDim);  // throws the "unknown method" error
  const std::vector<float>& src = d.values(role);
  const size_t hs = d.headSize();
  RoleReconstruction r;
  r.role = role;
  r.config = cfg;
  r.values.resize(src.size());
  r.headBytes.assign(size_t(d.kvHeads), 0.0);
  if (info->scope == quant::RowScope::LayerRow) {
    const int n = d.kvHeads * d.headDim;
    const auto method = quant::createMethod(cfg, n);
    std::vector<float> rows(src.size()), rec(src.size());
    for (int h = 0; h < d.kvHeads; ++h)
      for (int64_t t = 0; t < d.tokens; ++t)
        std::copy_n(src.data() + size_t(h) * hs + size_t(t) * size_t(d.headDim), d.headDim,
                    rows.data() + size_t(t) * size_t(n) + size_t(h) * size_t(d.headDim));
    const auto res = quant::roundTripProtected(*method, prot, rows, d.tokens, rec);
    for (int h = 0; h < d.kvHeads; ++h)
      for (int64_t t = 0; t < d.tokens; ++t)
        std::copy_n(rec.data() + size_t(t) * size_t(n) + size_t(h) * size_t(d.headDim), d.headDim,
                    r.values.data() + size_t(h) * hs + size_t(t) * size_t(d.headDim));
    r.bytes = res.bytes;
    r.protectedRows = res.protectedRows;
    std::fill(r.headBytes.begin(), r.headBytes.end(), double(res.bytes) / double(d.kvHeads));
  } else {
    const auto method = quant::createMethod(cfg, d.headDim);  // immutable, shared by the threads
    std::vector<quant::ProtectedResult> results(size_t(d.kvHeads));
    pool.parallelFor(0, d.kvHeads, [&](int64_t h) {
      results[size_t(h)] = quant::roundTripProtected(*method, prot, std::span<const float>(src).subspan(size_t(h) * hs, hs),
                                                     d.tokens, std::span<float>(r.values).subspan(size_t(h) * hs, hs));
    });
    for (int h = 0; h < d.kvHeads; ++h) {
      r.bytes += results[size_t(h)].bytes;
      r.headBytes[size_t(h)] = double(results[size_t(h)].bytes);
      r.protectedRows += results[size_t(h)].protectedRows;
    }
  }
  r.bitsPerValue = src.empty() ? 0.0 : double(r.bytes) * 8.0 / double(src.size());
  return r;
}

}  // namespace

RoleReconstruction LayerSession::composeHeads(Role role, std::span<const RoleReconstruction* const> perHead) {
  const LayerData& d = data();
  if (perHead.size() != size_t(d.kvHeads))
    throw Error(ErrorCode::InvalidArgument, "composeHeads: " + std::to_string(perHead.size()) + " sources for " +
                                                std::to_string(d.kvHeads) + " KV heads");
  const size_t hs = d.headSize();
  RoleReconstruction r;
  r.role = role;
  r.config = perHead.empty() ? quant::MethodConfig{} : perHead.front()->config;
  r.values.resize(size_t(d.kvHeads) * hs);
  r.headBytes.assign(size_t(d.kvHeads), 0.0);
  double bytes = 0;
  for (size_t h = 0; h < perHead.size(); ++h) {
    const RoleReconstruction& src = *perHead[h];
    if (src.role != role || src.values.size() != r.values.size())
      throw Error(ErrorCode::InvalidArgument, "composeHeads: a source is not a host reconstruction of this role");
    std::copy_n(src.values.begin() + std::ptrdiff_t(h * hs), hs, r.values.begin() + std::ptrdiff_t(h * hs));
    r.headBytes[h] = src.headBytes[h];
    bytes += src.headBytes[h];
  }
  r.bytes = uint64_t(bytes + 0.5);
  r.bitsPerValue = r.values.empty() ? 0.0 : bytes * 8.0 / double(r.values.size());
  return r;
}

namespace {

class CpuLayerSession final : public LayerSession {
 public:
  // `data` is shared: owned by the session, or (openCpuLayerView) a view of the caller's layer.
  CpuLayerSession(std::shared_ptr<const LayerData> data, const metrics::AttentionOptions& opt, ThreadPool& pool)
      : m_owned(std::move(data)), m_data(*m_owned), m_pool(pool) {
    if (m_data.qHeads > 0) {
      m_positions = metrics::sampleQueryPositions(m_data.tokens, opt.sampleQueries, opt.seed);
      m_refs.resize(size_t(m_data.kvHeads));
      m_refOnce = std::make_unique<std::once_flag[]>(size_t(m_data.kvHeads));
    }
  }
  const LayerData& data() const override { return m_data; }
  const std::vector<int64_t>& queryPositions() const override { return m_positions; }

  RoleReconstruction quantize(Role role, const quant::MethodConfig& cfg, const quant::ProtectionConfig& prot) override {
    return quantizeRole(m_data, role, cfg, prot, m_pool);
  }

  metrics::ReconstructionAccumulator reconstruction(const RoleReconstruction& r, int kvHead) override {
    metrics::ReconstructionAccumulator acc;
    const size_t hs = m_data.headSize();
    acc.add(m_data.head(r.role, kvHead), r.head(kvHead, hs), m_data.tokens, m_data.headDim);
    return acc;
  }

  std::optional<metrics::AttentionSums> attention(int kvHead, const RoleReconstruction* k,
                                                  const RoleReconstruction* v) override {
    if (m_data.qHeads == 0) return std::nullopt;
    const size_t hs = m_data.headSize();
    const auto& ref = reference(kvHead);
    return ref.evaluate(k ? k->head(kvHead, hs) : std::span<const float>(),
                        v ? v->head(kvHead, hs) : std::span<const float>(), &m_pool);
  }

 private:
  // The exact attention of one KV head, built on first use and kept for the whole sweep.
  const metrics::AttentionReference& reference(int kvHead) {
    auto& slot = m_refs[size_t(kvHead)];
    std::call_once(m_refOnce[size_t(kvHead)], [&] {
      const int group = m_data.qHeads / m_data.kvHeads;
      const size_t hs = m_data.headSize();
      metrics::AttentionHeadInput in;
      in.headDim = m_data.headDim;
      in.tokens = m_data.tokens;
      in.groupSize = group;
      in.q = std::span<const float>(m_data.q).subspan(size_t(kvHead) * size_t(group) * hs, size_t(group) * hs);
      in.k = m_data.head(Role::K, kvHead);
      in.v = m_data.head(Role::V, kvHead);
      in.positions = m_positions;
      slot = std::make_unique<metrics::AttentionReference>(in, &m_pool);
    });
    return *slot;
  }

  std::shared_ptr<const LayerData> m_owned;
  const LayerData& m_data;
  ThreadPool& m_pool;
  std::vector<int64_t> m_positions;
  std::unique_ptr<std::once_flag[]> m_refOnce;
  std::vector<std::unique_ptr<metrics::AttentionReference>> m_refs;
};

class CpuBackend final : public ComputeBackend {
 public:
  explicit CpuBackend(ThreadPool& pool) : m_pool(pool) {}
  std::string name() const override { return "CPU (" + std::to_string(m_pool.size()) + " threads)"; }
  std::unique_ptr<LayerSession> openLayer(LayerData data, const metrics::AttentionOptions& options) override {
    return std::make_unique<CpuLayerSession>(std::make_shared<const LayerData>(std::move(data)), options, m_pool);
  }

 private:
  ThreadPool& m_pool;
};

}  // namespace

std::unique_ptr<ComputeBackend> makeCpuBackend(ThreadPool& pool) { return std::make_unique<CpuBackend>(pool); }

std::unique_ptr<LayerSession> openCpuLayerView(const LayerData& data, const metrics::AttentionOptions& options,
                                               ThreadPool& pool) {
  // Aliasing shared_ptr without ownership: the caller keeps `data` alive.
  return std::make_unique<CpuLayerSession>(std::shared_ptr<const LayerData>(std::shared_ptr<void>(), &data), options,
                                           pool);
}

}  // namespace vq
