#include "gpu/vulkan_session.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/common/error.h"
#include "core/quant/protection_rows.h"
#include "core/quant/registry.h"
#include "gpu/kernels/attention_kernels.h"
#include "gpu/kernels/quantize_kernels.h"
#include "gpu/kernels/reconstruction_kernel.h"
#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_commands.h"
#include "gpu/vulkan/vk_context.h"
#include "gpu/vulkan/vk_error.h"

namespace vq::gpu {

namespace {

std::atomic<uint64_t> g_nextResidentId{1};

void noteOnce(std::atomic<bool>& flag, const std::string& text) {
  if (!flag.exchange(true)) std::fprintf(stderr, "veloxquant: %s\n", text.c_str());
}
std::atomic<bool> g_lostNoted{false}, g_memoryNoted{false};

void noteLost(const std::string& reason) {
  noteOnce(g_lostNoted, "Vulkan device lost (" + reason + "); continuing on the CPU");
}

bool sameConfig(const quant::MethodConfig& a, const quant::MethodConfig& b) {
  return a.method == b.method && a.bits == b.bits && a.groupSize == b.groupSize && a.normCorrection == b.normCorrection &&
         a.sketchDim == b.sketchDim && a.residualWindow == b.residualWindow && a.isKey == b.isKey && a.seed == b.seed;
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

// A reconstruction kept on the device: its values, and (when a GPU kernel made it) the
// per-vector reconstruction sums computed in the same submit.
struct VulkanLayerSession::Resident final : ResidentReconstruction {
  uint64_t id = 0;
  const VulkanLayerSession* owner = nullptr;
  std::shared_ptr<Buffer> buffer;
  std::vector<float> sums;          // 8 floats per vector; empty for uploaded CPU results
  bool pending = false;             // recorded in the session's batch, not yet run
  bool invalid = false;             // that batch failed: the buffer holds nothing usable
  // What made it (the configuration of every KV head), to compute it again on the CPU when the
  // device is lost before it was read back.
  Role role = Role::K;
  std::vector<quant::MethodConfig> headConfigs;
  mutable std::vector<float> host;  // downloaded on demand (quantize(), CPU fallbacks)
};

VulkanLayerSession::VulkanLayerSession(std::shared_ptr<Context> context, std::shared_ptr<QuantizeKernels> kernels,
                                       LayerData data, const metrics::AttentionOptions& options, ThreadPool& pool)
    : m_context(std::move(context)), m_kernels(std::move(kernels)), m_data(std::move(data)) {
  const auto t0 = std::chrono::steady_clock::now();
  m_profile.on = std::getenv("VQ_GPU_PROFILE") != nullptr;
  m_profile.buffersAtOpen = Buffer::creationStats().count;
  m_profile.bufferSecondsAtOpen = Buffer::creationStats().seconds;
  m_cpu = openCpuLayerView(m_data, options, pool);
  m_shape = {m_data.kvHeads, m_data.tokens, m_data.headDim};
  if (m_shape.values() == 0) {
    m_cpuReason = "empty layer";
    return;
  }
  try {
    m_batch = std::make_unique<CommandBatch>(m_context);
    m_k = std::make_unique<Buffer>(m_context, m_data.k.size() * 4, MemoryUse::Device, "layer keys");
    m_v = std::make_unique<Buffer>(m_context, m_data.v.size() * 4, MemoryUse::Device, "layer values");
    recordOriginalUploads();  // submitted with the first work that needs them
  } catch (const Error& e) {  // too large for one buffer, out of memory, lost device: the CPU does it
    m_k.reset();
    m_v.reset();
    m_cpuReason = e.detail();
    if (m_context->lost()) noteLost(m_context->lostReason());
    return;
  }
  if (m_data.qHeads > 0 && m_data.kvHeads > 0 && m_data.qHeads % m_data.kvHeads == 0) {
    const auto tiling = chooseAttentionTiling(*m_context, m_data.headDim);
    if (!tiling) {
      m_attentionCpuReason = "head_dim " + std::to_string(m_data.headDim) + " needs more shared memory than " +
                             m_context->info().name + " has";
      return;
    }
    const int64_t tiles = (m_data.tokens + tiling->keysPerTile - 1) / tiling->keysPerTile;
    if (m_context->info().type == DeviceType::Cpu && tiles > kCpuDeviceMaxKeyTiles) {
      m_attentionCpuReason = std::to_string(m_data.tokens) + " tokens are more than " + m_context->info().name +
                             " runs correctly in one attention workgroup (" +
                             std::to_string(kCpuDeviceMaxKeyTiles * tiling->keysPerTile) + ")";
      return;
    }
    try {
      m_attention = std::make_unique<LayerAttention>(m_context, m_data, m_cpu->queryPositions(), *tiling, *m_batch);
    } catch (const Error& e) {
      m_attentionCpuReason = e.detail();
      if (m_context->lost()) noteLost(m_context->lostReason());
      try {  // the batch may hold uploads into the buffers of the failed constructor: start again
        recordOriginalUploads();
      } catch (const Error& e2) {
        m_k.reset();
        m_v.reset();
        m_cpuReason = e2.detail();
      }
    }
  }
  m_profile.openSeconds = secondsSince(t0);
}

VulkanLayerSession::~VulkanLayerSession() {
  if (!m_profile.on) return;
  const Profile& p = m_profile;
  const Buffer::CreationStats created = Buffer::creationStats();
  std::fprintf(stderr,
               "vq-gpu-profile layer %d: open %.2f ms; %d quantizations and %d attention evaluations recorded in "
               "%.2f ms; %d submits waited %.2f ms (%.3f ms each); %lld buffers created in %.2f ms during the "
               "session\n",
               m_data.layer, 1e3 * p.openSeconds, p.quantizeCalls, p.attentionCalls, 1e3 * p.recordSeconds, p.submits,
               1e3 * p.submitSeconds, p.submits ? 1e3 * p.submitSeconds / p.submits : 0.0,
               static_cast<long long>(created.count - p.buffersAtOpen),
               1e3 * (created.seconds - p.bufferSecondsAtOpen));
}

void VulkanLayerSession::recordOriginalUploads() {
  m_batch->begin();  // drops anything recorded before
  m_batch->upload(*m_k, std::as_bytes(std::span(m_data.k)));
  m_batch->upload(*m_v, std::as_bytes(std::span(m_data.v)));
  m_uploadsPending = true;
}

void VulkanLayerSession::ensureRecording() {
  if (!m_batch->recording()) m_batch->begin();
}

void VulkanLayerSession::addPending(const std::shared_ptr<Resident>& res, int sumsSlot) {
  res->pending = true;
  m_pending.push_back({res, sumsSlot});
}

bool VulkanLayerSession::flush() {
  if (!m_batch || !m_batch->recording()) return true;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    m_batch->submitAndWait();
  } catch (const VulkanError& e) {
    for (auto& p : m_pending) {
      p.resident->pending = false;
      p.resident->invalid = true;
    }
    m_pending.clear();
    m_sumsUsed = 0;
    if (m_attention) m_attention->discard();
    if (m_uploadsPending) {  // the originals never reached the device
      m_uploadsPending = false;
      m_k.reset();
      m_v.reset();
      m_attention.reset();
      m_cpuReason = e.detail();
    }
    handle(e);
    return false;
  }
  ++m_profile.submits;
  m_profile.submitSeconds += secondsSince(t0);
  m_uploadsPending = false;
  for (auto& p : m_pending) {
    Resident& res = *p.resident;
    res.pending = false;
    if (p.sumsSlot < 0) continue;
    const Buffer& sums = *m_sumsBuffers[size_t(p.sumsSlot)];
    res.sums.resize(size_t(m_shape.vectors()) * 8);
    sums.invalidate(0, res.sums.size() * 4);
    std::memcpy(res.sums.data(), sums.mapped(), res.sums.size() * 4);
  }
  m_pending.clear();
  m_sumsUsed = 0;
  return true;
}

bool VulkanLayerSession::gpuUsable() const { return m_k && m_batch && !m_context->lost(); }

void VulkanLayerSession::handle(const VulkanError& e) {
  if (e.deviceLost()) {
    noteLost(m_context->lost() ? m_context->lostReason() : e.detail());
    return;
  }
  if (e.outOfMemory()) {
    noteOnce(g_memoryNoted, "Vulkan: " + e.detail() + "; such steps run on the CPU");
    return;
  }
  throw e;
}

const Buffer& VulkanLayerSession::original(Role role) const { return role == Role::K ? *m_k : *m_v; }

std::shared_ptr<Buffer> VulkanLayerSession::acquireValuesBuffer() {
  for (const auto& b : m_valueBuffers)
    if (b.use_count() == 1) return b;  // no reconstruction holds it any more
  m_valueBuffers.push_back(
      std::make_shared<Buffer>(m_context, size_t(m_shape.values()) * 4, MemoryUse::Device, "reconstruction"));
  return m_valueBuffers.back();
}

const VulkanLayerSession::Resident* VulkanLayerSession::residentOf(const RoleReconstruction& r) const {
  const auto* res = dynamic_cast<const Resident*>(r.resident.get());
  return res && res->owner == this ? res : nullptr;
}

std::shared_ptr<const VulkanLayerSession::Resident> VulkanLayerSession::attachUpload(const std::vector<float>& values) {
  auto res = std::make_shared<Resident>();
  res->id = g_nextResidentId++;
  res->owner = this;
  res->buffer = acquireValuesBuffer();
  ensureRecording();
  m_batch->barrier();  // earlier recorded work may still read the reused buffer
  m_batch->upload(*res->buffer, std::as_bytes(std::span(values)));
  addPending(res, -1);
  return res;
}

const std::vector<float>& VulkanLayerSession::hostValues(const RoleReconstruction& r) {
  if (!r.values.empty()) return r.values;
  const Resident* res = residentOf(r);
  if (!res) throw Error(ErrorCode::InvalidArgument, "reconstruction without values passed to another session");
  if (res->pending) flush();
  if (res->host.empty() && !res->invalid && !m_context->lost()) {
    try {
      std::vector<float> host(size_t(m_shape.values()));
      downloadNow(m_context, *res->buffer, std::as_writable_bytes(std::span(host)));
      res->host = std::move(host);
    } catch (const VulkanError& e) {
      handle(e);
    }
  }
  if (res->host.empty()) {  // the device failed with it: the CPU makes it again (bit-identical methods)
    const size_t hs = m_data.headSize();
    res->host.resize(size_t(m_shape.values()));
    std::vector<bool> done(res->headConfigs.size(), false);
    for (size_t h = 0; h < res->headConfigs.size(); ++h) {
      if (done[h]) continue;
      const RoleReconstruction cpu = m_cpu->quantize(res->role, res->headConfigs[h], {});
      for (size_t j = h; j < res->headConfigs.size(); ++j) {
        if (done[j] || !sameConfig(res->headConfigs[j], res->headConfigs[h])) continue;
        std::copy_n(cpu.values.begin() + std::ptrdiff_t(j * hs), hs, res->host.begin() + std::ptrdiff_t(j * hs));
        done[j] = true;
      }
    }
  }
  return res->host;
}

// The storage of a role counted exactly as the CPU backend counts it (core/compute/cpu_backend.cpp
// and quant::roundTripProtected), and which vectors the protection keeps in fp16 (`keep`, one
// flag per vector; empty without protection). Rows are one head's tokens (RowScope::Vector) or
// the layer's token rows (LayerRow), as the CPU quantizes them.
void VulkanLayerSession::countStorage(RoleReconstruction& r, const quant::MethodConfig& cfg,
                                      const quant::ProtectionConfig& protection, std::vector<uint32_t>& keep) const {
  const quant::MethodInfo* info = quant::findMethod(cfg.method);
  const bool layerRow = info->scope == quant::RowScope::LayerRow;
  const int n = layerRow ? m_shape.heads * m_shape.dim : m_shape.dim;
  const auto method = quant::createMethod(cfg, n);
  const int64_t tokens = m_shape.tokens;
  r.headBytes.assign(size_t(m_shape.heads), 0.0);
  r.bytes = 0;
  keep.clear();
  // Bytes of `rows` rows of which `kept` are fp16 and `explicitRows` of those stored with a position.
  auto rowsBytes = [&](int64_t kept, int64_t explicitRows) {
    const int64_t mainRows = tokens - kept;
    return uint64_t(kept) * uint64_t(n) * 2 + uint64_t(explicitRows) * 4 +
           (mainRows > 0 ? method->storageBytes(mainRows) : 0);
  };
  if (protection.any()) keep.assign(size_t(m_shape.vectors()), 0u);
  const std::vector<float>& src = m_data.values(r.role);
  const size_t hs = m_data.headSize();
  if (layerRow) {
    int64_t kept = 0, explicitRows = 0;
    if (protection.any()) {
      std::vector<float> rows;  // token rows of all heads, read only by the z-score
      if (protection.zScore > 0) {
        rows.resize(src.size());
        for (int h = 0; h < m_shape.heads; ++h)
          for (int64_t t = 0; t < tokens; ++t)
            std::copy_n(src.data() + size_t(h) * hs + size_t(t) * size_t(m_shape.dim), m_shape.dim,
                        rows.data() + size_t(t) * size_t(n) + size_t(h) * size_t(m_shape.dim));
      }
      const std::vector<char> mask = quant::protectedRowMask(protection, rows, tokens, n, explicitRows);
      for (int64_t t = 0; t < tokens; ++t) {
        if (!mask[size_t(t)]) continue;
        ++kept;
        for (int h = 0; h < m_shape.heads; ++h) keep[size_t(h) * size_t(tokens) + size_t(t)] = 1u;
      }
    }
    r.bytes = rowsBytes(kept, explicitRows);
    r.protectedRows = kept;
    for (auto& b : r.headBytes) b = double(r.bytes) / double(m_shape.heads);
  } else {
    for (int h = 0; h < m_shape.heads; ++h) {
      int64_t kept = 0, explicitRows = 0;
      if (protection.any()) {
        const std::vector<char> mask = quant::protectedRowMask(
            protection, std::span<const float>(src).subspan(size_t(h) * hs, hs), tokens, m_shape.dim, explicitRows);
        for (int64_t t = 0; t < tokens; ++t)
          if (mask[size_t(t)]) {
            ++kept;
            keep[size_t(h) * size_t(tokens) + size_t(t)] = 1u;
          }
      }
      const uint64_t bytes = rowsBytes(kept, explicitRows);
      r.headBytes[size_t(h)] = double(bytes);
      r.bytes += bytes;
      r.protectedRows += kept;
    }
  }
  r.bitsPerValue = double(r.bytes) * 8.0 / double(m_shape.values());
}

RoleReconstruction VulkanLayerSession::quantizeOnGpu(Role role, const quant::MethodConfig& cfg,
                                                     const quant::ProtectionConfig& protection) {
  quant::validate(protection);  // the CPU's errors for bad options
  RoleReconstruction r;
  r.role = role;
  r.config = cfg;
  std::vector<uint32_t> keep;
  countStorage(r, cfg, protection, keep);
  const auto t0 = std::chrono::steady_clock::now();
  auto res = std::make_shared<Resident>();
  res->id = g_nextResidentId++;
  res->owner = this;
  res->role = role;
  res->headConfigs.assign(size_t(m_shape.heads), cfg);
  res->buffer = acquireValuesBuffer();
  if (m_sumsUsed == m_sumsBuffers.size())
    m_sumsBuffers.push_back(std::make_unique<Buffer>(m_context, reconstructionSumsBytes(m_shape.vectors()),
                                                     MemoryUse::Readback, "reconstruction sums"));
  const int slot = int(m_sumsUsed);
  ensureRecording();
  m_batch->barrier();  // after the uploads and the work recorded before (which may read reused buffers)
  if (!keep.empty()) {
    if (!m_keepFlags)
      m_keepFlags = std::make_unique<Buffer>(m_context, size_t(m_shape.vectors()) * 4, MemoryUse::Device,
                                             "protected rows");
    m_batch->upload(*m_keepFlags, std::as_bytes(std::span(keep)));
    m_batch->barrier();
  }
  m_kernels->record(*m_batch, cfg, m_shape, original(role), *res->buffer);
  m_batch->barrier();
  if (!keep.empty()) {
    m_kernels->recordProtectedRows(*m_batch, m_shape, original(role), *res->buffer, *m_keepFlags);
    m_batch->barrier();
  }
  recordReconstructionSums(*m_context, *m_batch, m_shape, original(role), *res->buffer, *m_sumsBuffers[size_t(slot)]);
  ++m_sumsUsed;
  addPending(res, slot);
  ++m_profile.quantizeCalls;
  m_profile.recordSeconds += secondsSince(t0);
  r.resident = std::move(res);
  return r;
}

RoleReconstruction VulkanLayerSession::quantizeResident(Role role, const quant::MethodConfig& cfgIn,
                                                        const quant::ProtectionConfig& protection) {
  std::lock_guard lock(m_mutex);
  quant::MethodConfig cfg = cfgIn;
  cfg.isKey = role == Role::K;
  if (gpuUsable() && !quantizeUnsupportedReason(cfg, protection, m_shape)) {
    try {
      return quantizeOnGpu(role, cfg, protection);
    } catch (const VulkanError& e) {
      handle(e);
    }
  }
  RoleReconstruction r = m_cpu->quantize(role, cfgIn, protection);
  if (gpuUsable() && m_attention) {  // the attention kernels read it from the device
    try {
      r.resident = attachUpload(r.values);
    } catch (const VulkanError& e) {
      handle(e);
    }
  }
  return r;
}

RoleReconstruction VulkanLayerSession::quantize(Role role, const quant::MethodConfig& cfg,
                                                const quant::ProtectionConfig& protection) {
  std::lock_guard lock(m_mutex);
  RoleReconstruction r = quantizeResident(role, cfg, protection);
  if (r.values.empty() && r.resident) r.values = hostValues(r);
  return r;
}

RoleReconstruction VulkanLayerSession::composeHeads(Role role, std::span<const RoleReconstruction* const> perHead) {
  std::lock_guard lock(m_mutex);
  std::vector<const Resident*> sources;
  bool pendingSource = false;
  for (const RoleReconstruction* p : perHead) {
    if (const Resident* res = p ? residentOf(*p) : nullptr) pendingSource = pendingSource || res->pending;
  }
  if (pendingSource) flush();  // their sums are needed on the host
  for (const RoleReconstruction* p : perHead) {
    const Resident* res = p ? residentOf(*p) : nullptr;
    if (!res || res->headConfigs.empty() || res->invalid || p->role != role) break;  // not made on this device
    sources.push_back(res);
  }
  if (gpuUsable() && sources.size() == size_t(m_shape.heads) && perHead.size() == sources.size()) {
    try {
      const size_t hs = m_data.headSize(), headVectors = size_t(m_shape.tokens);
      auto out = std::make_shared<Resident>();
      out->id = g_nextResidentId++;
      out->owner = this;
      out->role = role;
      out->buffer = acquireValuesBuffer();
      bool sums = true;
      ensureRecording();
      m_batch->barrier();
      for (size_t h = 0; h < sources.size(); ++h) {
        m_batch->copy(*sources[h]->buffer, *out->buffer, hs * 4, h * hs * 4, h * hs * 4);
        out->headConfigs.push_back(sources[h]->headConfigs[h]);
        sums = sums && !sources[h]->sums.empty();
      }
      addPending(out, -1);  // runs with the next work that reads it
      if (sums) {
        out->sums.resize(size_t(m_shape.vectors()) * 8);
        for (size_t h = 0; h < sources.size(); ++h)
          std::copy_n(sources[h]->sums.begin() + std::ptrdiff_t(h * headVectors * 8), headVectors * 8,
                      out->sums.begin() + std::ptrdiff_t(h * headVectors * 8));
      }
      RoleReconstruction r;
      r.role = role;
      r.config = perHead.front()->config;
      r.headBytes.assign(perHead.size(), 0.0);
      double bytes = 0;
      for (size_t h = 0; h < perHead.size(); ++h) bytes += (r.headBytes[h] = perHead[h]->headBytes[h]);
      r.bytes = uint64_t(bytes + 0.5);
      r.bitsPerValue = bytes * 8.0 / double(m_shape.values());
      r.resident = std::move(out);
      return r;
    } catch (const VulkanError& e) {
      handle(e);
    }
  }
  // Host values (downloaded, or made again on the CPU after a lost device).
  std::vector<RoleReconstruction> host(perHead.size());
  std::vector<const RoleReconstruction*> ptrs;
  for (size_t h = 0; h < perHead.size(); ++h) {
    if (perHead[h]->values.empty()) {
      host[h] = *perHead[h];
      host[h].values = hostValues(*perHead[h]);
      ptrs.push_back(&host[h]);
    } else {
      ptrs.push_back(perHead[h]);
    }
  }
  return LayerSession::composeHeads(role, ptrs);
}

metrics::ReconstructionAccumulator VulkanLayerSession::reconstruction(const RoleReconstruction& r, int kvHead) {
  std::lock_guard lock(m_mutex);
  if (kvHead < 0 || kvHead >= m_shape.heads)
    throw Error(ErrorCode::InvalidArgument, "KV head " + std::to_string(kvHead) + " does not exist");
  if (const Resident* res = residentOf(r)) {
    if (res->pending && res->sums.empty()) flush();
    if (!res->sums.empty())
      return accumulateReconstruction(res->sums, uint64_t(kvHead) * uint64_t(m_shape.tokens), uint64_t(m_shape.tokens));
  }
  const std::vector<float>& values = hostValues(r);
  const size_t hs = m_data.headSize();
  metrics::ReconstructionAccumulator acc;
  acc.add(m_data.head(r.role, kvHead), std::span(values).subspan(size_t(kvHead) * hs, hs), m_data.tokens,
          m_data.headDim);
  return acc;
}

std::optional<metrics::AttentionSums> VulkanLayerSession::attention(int kvHead, const RoleReconstruction* k,
                                                                    const RoleReconstruction* v) {
  std::lock_guard lock(m_mutex);
  if (m_data.qHeads == 0) return std::nullopt;
  if (m_attention && gpuUsable() && kvHead >= 0 && kvHead < m_shape.heads) {
    try {
      std::shared_ptr<const Resident> tmpK, tmpV;  // reconstructions from elsewhere: uploaded for this call
      const Resident* rk = k ? residentOf(*k) : nullptr;
      const Resident* rv = v ? residentOf(*v) : nullptr;
      if (k && !rk) rk = (tmpK = attachUpload(hostValues(*k))).get();
      if (v && !rv) rv = (tmpV = attachUpload(hostValues(*v))).get();
      const uint64_t idK = rk ? rk->id : 0, idV = rv ? rv->id : 0;
      const bool usable = !(rk && rk->invalid) && !(rv && rv->invalid);
      if (usable && (m_cachedSums.empty() || idK != m_cachedK || idV != m_cachedV)) {
        m_cachedSums.clear();
        const auto t0 = std::chrono::steady_clock::now();
        ensureRecording();
        m_batch->barrier();
        m_attention->record(*m_batch, *m_k, *m_v, rk ? rk->buffer.get() : nullptr, rv ? rv->buffer.get() : nullptr);
        ++m_profile.attentionCalls;
        m_profile.recordSeconds += secondsSince(t0);
        if (flush()) {
          m_cachedSums = m_attention->collect();
          m_cachedK = idK;
          m_cachedV = idV;
        }
      }
      if (!m_cachedSums.empty() && idK == m_cachedK && idV == m_cachedV) return m_cachedSums[size_t(kvHead)];
    } catch (const VulkanError& e) {
      handle(e);
    }
  }
  // CPU: it reads host values.
  RoleReconstruction hk, hv;
  if (k && k->values.empty()) {
    hk = *k;
    hk.values = hostValues(*k);
    k = &hk;
  }
  if (v && v->values.empty()) {
    hv = *v;
    hv.values = hostValues(*v);
    v = &hv;
  }
  return m_cpu->attention(kvHead, k, v);
}

}  // namespace vq::gpu
