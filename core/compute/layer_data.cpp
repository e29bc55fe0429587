#include "core/compute/layer_data.h"

#include "core/common/error.h"
#include "core/common/thread_pool.h"

namespace vq {

std::span<const float> LayerData::head(Role role, int h) const {
  const auto& v = values(role);
  return std::span<const float>(v).subspan(size_t(h) * headSize(), headSize());
}

const std::vector<float>& LayerData::values(Role role) const {
  switch (role) {
    case Role::Q: return q;
    case Role::K: return k;
    case Role::V: return v;
    case Role::KPreRope: break;
  }
  throw Error(ErrorCode::Internal, "LayerData holds q, k and v only");
}

LayerData loadLayer(const Dump& dump, int layer, bool withQueries, ThreadPool* pool) {
  const LayerInfo& info = dump.layer(layer);
  LayerData d;
  d.layer = layer;
  d.kvHeads = info.kvHeads;
  d.qHeads = withQueries && info.hasQ ? info.qHeads : 0;
  d.tokens = info.tokens;
  d.headDim = info.headDim;
  const size_t hs = d.headSize();
  d.k.resize(hs * size_t(d.kvHeads));
  d.v.resize(hs * size_t(d.kvHeads));
  d.q.resize(hs * size_t(d.qHeads));
  struct Job { Role role; int head; std::vector<float>* dst; };
  std::vector<Job> jobs;
  for (int h = 0; h < d.kvHeads; ++h) jobs.push_back({Role::K, h, &d.k});
  for (int h = 0; h < d.kvHeads; ++h) jobs.push_back({Role::V, h, &d.v});
  for (int h = 0; h < d.qHeads; ++h) jobs.push_back({Role::Q, h, &d.q});
  auto run = [&](int64_t i) {
    const Job& j = jobs[size_t(i)];
    dump.readHead(layer, j.role, j.head, std::span<float>(j.dst->data() + size_t(j.head) * hs, hs));
  };
  if (pool) {
    pool->parallelFor(0, int64_t(jobs.size()), run);
  } else {
    for (int64_t i = 0; i < int64_t(jobs.size()); ++i) run(i);
  }
  return d;
}

}  // namespace vq
