#include "gpu/kernels/attention_kernels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_commands.h"
#include "gpu/vulkan/vk_context.h"
#include "gpu/vulkan/vk_pipeline.h"

namespace vq::gpu {

namespace {

struct Push {
  uint32_t tokens, rows, group, pad;
};

constexpr size_t kRefWords = 16;
constexpr size_t kRowWords = 8;

uint32_t oddVec4Stride(uint32_t floats) {  // QS4 / KS4 of attention_common.glsl
  const uint32_t v = floats / 4;
  return v + 1 - v % 2;
}

// vec4s of the staging region (STAGE4 of attention_common.glsl): the largest of a key chunk (K
// and K̂), a value chunk (V and V̂ - V), the per-row reductions and one round of top-8 lists.
uint32_t stageVec4(const AttentionTiling& t, uint32_t d) {
  const uint32_t d4 = (d + 3) / 4, kg = t.keysPerTile / t.keysPerInvocation, rb = t.rowsPerGroup;
  return std::max({2 * t.keysPerTile * oddVec4Stride(t.dimsPerChunk), 2 * t.keysPerValueChunk * d4, 2 * kg * rb,
                   (d4 + kg) * rb, 4 * rb});
}

std::vector<uint32_t> specConstants(const AttentionTiling& t, uint32_t d) {
  return {d, t.rowsPerGroup, t.keysPerTile, t.invocations(), t.rowsPerInvocation, t.keysPerInvocation,
          t.dimsPerChunk, t.keysPerValueChunk, stageVec4(t, d), t.outputRows};
}

// Shared memory of attention_outputs.comp and attention_reference.comp (the largest), in bytes:
// query rows, staging, p/dp of a tile, per-row values.
size_t evalSharedBytes(const AttentionTiling& t, uint32_t d) {
  const size_t rb = t.rowsPerGroup;
  return 16 * (rb * oddVec4Stride((d + 3) / 4 * 4) + stageVec4(t, d) + size_t(t.keysPerTile) * rb / 2 + rb);
}

// Workgroups along x: each takes blocks x and blocks - 1 - x.
uint32_t workgroups(const AttentionTiling& t, uint32_t rows) {
  const uint32_t blocks = (rows + t.rowsPerGroup - 1) / t.rowsPerGroup;
  return (blocks + 1) / 2;
}

bool isPow2(uint32_t x) { return x && !(x & (x - 1)); }

void addOutput(metrics::OutputErrorSums& s, double err2, double ref2) {
  s.err2 += err2;
  s.ref2 += ref2;
  if (ref2 > 0) {
    s.ratioSum += err2 / ref2;
    ++s.ratioCount;
  }
}

}  // namespace

bool attentionTilingFits(const Context& context, int dim, const AttentionTiling& t) {
  if (dim <= 0) return false;
  const uint32_t d = uint32_t(dim), dp = (d + 3) / 4 * 4;
  for (uint32_t x : {t.rowsPerGroup, t.keysPerTile, t.rowsPerInvocation, t.keysPerInvocation, t.keysPerValueChunk,
                     t.outputRows})
    if (!isPow2(x)) return false;
  if (t.rowsPerInvocation > t.rowsPerGroup || t.keysPerInvocation > t.keysPerTile) return false;
  if (t.keysPerValueChunk > t.keysPerTile || (t.outputRows != 2 && t.outputRows != 4)) return false;
  if (t.rowsPerGroup % t.outputRows) return false;
  if (t.dimsPerChunk == 0 || t.dimsPerChunk % 4 || dp % t.dimsPerChunk) return false;
  const auto& l = context.limits();
  const uint32_t threads = t.invocations();
  if (threads > l.maxComputeWorkGroupInvocations || threads > l.maxComputeWorkGroupSize[0]) return false;
  // Output units (rowsPerGroup / outputRows × d/4) per invocation: registers.
  if ((t.rowsPerGroup / t.outputRows * (dp / 4) + threads - 1) / threads > 4) return false;
  return evalSharedBytes(t, d) <= l.maxComputeSharedMemorySize;
}

std::optional<AttentionTiling> chooseAttentionTiling(const Context& context, int dim) {
  // {RB, KT, TR, TK, DC, KC, OR}. GPUs: 4 × 2 register tiles of 16 rows × 64 keys, 128
  // invocations, 35.3 KB of shared memory at d = 128 (NVIDIA's limit is 48 KB): the fastest of
  // 20 tilings measured on an NVIDIA H100 (1.77 ms per W1 evaluation, 5.65 ms before register
  // tiles); then smaller ones (d = 256 needs a smaller tile). CPU-type devices (lavapipe) start
  // at 16-key tiles: the limit on their key tiles (kCpuDeviceMaxKeyTiles) was measured with those.
  static constexpr AttentionTiling kGpu[] = {{16, 64, 4, 2, 32, 16, 2}, {16, 64, 2, 4, 32, 16, 2},
                                             {16, 32, 4, 2, 32, 8, 2},  {16, 64, 2, 2, 16, 8, 2},
                                             {16, 32, 2, 1, 16, 8, 2}};
  static constexpr AttentionTiling kSmall[] = {
      {16, 16, 2, 1, 32, 16, 4}, {16, 16, 2, 1, 16, 8, 4}, {8, 16, 2, 1, 16, 8, 2}, {8, 8, 2, 1, 8, 4, 2},
      {4, 8, 2, 1, 4, 4, 2},     {2, 4, 2, 1, 4, 4, 2}};
  const uint32_t dp = (uint32_t(std::max(dim, 0)) + 3) / 4 * 4;
  auto fitting = [&](AttentionTiling t) -> std::optional<AttentionTiling> {
    while (t.dimsPerChunk > 4 && dp % t.dimsPerChunk) t.dimsPerChunk /= 2;  // d not a multiple of 16
    if (attentionTilingFits(context, dim, t)) return t;
    return std::nullopt;
  };
  if (const char* env = std::getenv("VQ_ATTENTION_TILING")) {  // tuning: "RB,KT,TR,TK,DC,KC,OR"
    AttentionTiling t;
    if (std::sscanf(env, "%u,%u,%u,%u,%u,%u,%u", &t.rowsPerGroup, &t.keysPerTile, &t.rowsPerInvocation,
                    &t.keysPerInvocation, &t.dimsPerChunk, &t.keysPerValueChunk, &t.outputRows) == 7)
      if (auto f = fitting(t)) return f;
  }
  if (context.info().type != DeviceType::Cpu)
    for (const auto& t : kGpu)
      if (auto f = fitting(t)) return f;
  for (const auto& t : kSmall)
    if (auto f = fitting(t)) return f;
  return std::nullopt;
}

LayerAttention::LayerAttention(std::shared_ptr<Context> context, const LayerData& data,
                               const std::vector<int64_t>& positions, AttentionTiling tiling, CommandBatch& batch)
    : m_context(std::move(context)), m_tiling(tiling), m_kvHeads(data.kvHeads),
      m_group(data.qHeads / std::max(1, data.kvHeads)), m_dim(data.headDim), m_tokens(data.tokens),
      m_rows(uint32_t(positions.size() * size_t(m_group))) {
  const size_t d = size_t(m_dim), T = size_t(m_tokens), G = size_t(m_group);
  const size_t rowValues = size_t(m_kvHeads) * m_rows * d;
  m_qrows = std::make_unique<Buffer>(m_context, rowValues * 4, MemoryUse::Device, "sampled query rows");
  m_positions = std::make_unique<Buffer>(m_context, positions.size() * 4, MemoryUse::Device, "query positions");
  const size_t refBytes = size_t(m_kvHeads) * m_rows * kRefWords * 4;
  m_refStats = std::make_unique<Buffer>(m_context, refBytes, MemoryUse::Device, "attention reference");
  m_refReadback = std::make_unique<Buffer>(m_context, refBytes, MemoryUse::Readback, "attention reference");
  m_rowSums = std::make_unique<Buffer>(m_context, size_t(m_kvHeads) * m_rows * kRowWords * 4, MemoryUse::Readback,
                                       "attention row sums");
  m_keyStats = std::make_unique<Buffer>(m_context, size_t(m_kvHeads) * m_rows * 4 * 4, MemoryUse::Device,
                                        "attention key statistics");
  // Rows as metrics::AttentionReference orders them: positionIndex·G + headInGroup, q·(1/√d).
  const float scale = float(1.0 / std::sqrt(double(m_dim)));
  std::vector<float> rows(rowValues);
  defaultThreadPool().parallelFor(0, m_kvHeads, [&](int64_t head) {
    const size_t h = size_t(head);
    for (size_t i = 0; i < positions.size(); ++i)
      for (size_t g = 0; g < G; ++g) {
        const float* src = data.q.data() + ((h * G + g) * T + size_t(positions[i])) * d;
        float* dst = rows.data() + (h * m_rows + i * G + g) * d;
        for (size_t c = 0; c < d; ++c) dst[c] = src[c] * scale;
      }
  });
  std::vector<uint32_t> pos(positions.begin(), positions.end());
  batch.upload(*m_qrows, std::as_bytes(std::span(rows)));
  batch.upload(*m_positions, std::as_bytes(std::span(pos)));
}

LayerAttention::~LayerAttention() = default;

void LayerAttention::recordReference(CommandBatch& batch, const Buffer& k, const Buffer& v) {
  const Pipeline& p =
      m_context->pipelines().get({"attention_reference", 5, sizeof(Push), specConstants(m_tiling, uint32_t(m_dim))});
  const Push push{uint32_t(m_tokens), m_rows, uint32_t(m_group), 0};
  batch.dispatch(p, {m_qrows.get(), &k, &v, m_positions.get(), m_refStats.get()}, &push, workgroups(m_tiling, m_rows),
                 uint32_t(m_kvHeads));
  batch.barrier();
  batch.copy(*m_refStats, *m_refReadback, m_refStats->size());
  m_refRecorded = true;
}

void LayerAttention::record(CommandBatch& batch, const Buffer& k, const Buffer& v, const Buffer* kHat,
                            const Buffer* vHat) {
  m_hasK = kHat != nullptr;
  m_hasV = vHat != nullptr;
  if (m_rows == 0) return;
  if (!m_refRecorded) recordReference(batch, k, v);
  const std::vector<uint32_t> constants = specConstants(m_tiling, uint32_t(m_dim));
  const Pipeline& keysPass = m_context->pipelines().get({"attention_keys", 8, sizeof(Push), constants});
  const Pipeline& outputsPass = m_context->pipelines().get({"attention_outputs", 9, sizeof(Push), constants});
  const Push push{uint32_t(m_tokens), m_rows, uint32_t(m_group), 0};
  const Buffer* keysHat = kHat ? kHat : &k;
  const Buffer* valuesHat = vHat ? vHat : &v;
  const uint32_t groups = workgroups(m_tiling, m_rows);
  batch.dispatch(keysPass,
                 {m_qrows.get(), &k, &v, m_positions.get(), keysHat, m_refStats.get(), m_keyStats.get(),
                  m_rowSums.get()},
                 &push, groups, uint32_t(m_kvHeads));
  batch.barrier();
  batch.dispatch(outputsPass,
                 {m_qrows.get(), &k, &v, m_positions.get(), keysHat, valuesHat, m_refStats.get(), m_keyStats.get(),
                  m_rowSums.get()},
                 &push, groups, uint32_t(m_kvHeads));
}

std::vector<metrics::AttentionSums> LayerAttention::evaluate(CommandBatch& batch, const Buffer& k, const Buffer& v,
                                                             const Buffer* kHat, const Buffer* vHat) {
  batch.begin();
  record(batch, k, v, kHat, vHat);
  try {
    batch.submitAndWait();
  } catch (...) {
    discard();
    throw;
  }
  return collect();
}

std::vector<metrics::AttentionSums> LayerAttention::collect() {
  std::vector<metrics::AttentionSums> out(static_cast<size_t>(m_kvHeads));
  for (auto& s : out) {
    s.hasKeys = m_hasK;
    s.hasValues = m_hasV;
  }
  if (m_rows == 0) return out;
  if (m_ref.empty()) {
    m_ref.resize(size_t(m_kvHeads) * m_rows * kRefWords);
    m_refReadback->invalidate(0, m_refReadback->size());
    std::memcpy(m_ref.data(), m_refReadback->mapped(), m_ref.size() * 4);
  }
  m_rowSums->invalidate(0, m_rowSums->size());
  const float* rows = reinterpret_cast<const float*>(m_rowSums->mapped());
  const bool hasK = m_hasK, hasV = m_hasV;
  for (int h = 0; h < m_kvHeads; ++h) {
    metrics::AttentionSums& s = out[size_t(h)];
    s.queries = m_rows;
    for (uint32_t r = 0; r < m_rows; ++r) {
      const float* ref = m_ref.data() + (size_t(h) * m_rows + r) * kRefWords;
      const float* o = rows + (size_t(h) * m_rows + r) * kRowWords;
      const double spread2 = ref[2], sq = ref[3], out2 = ref[4], topCount = ref[5];
      if (hasK) {
        s.logitCross += o[0];
        s.logitSq += sq;
        if (spread2 > 0) {
          s.logitErr2 += o[1];
          s.logitDev2 += spread2;
          s.logitRatioSum += std::sqrt(double(o[1]) / spread2);
          ++s.logitRatioCount;
        }
        const double kl = std::log1p(double(o[2]));
        const double klc = kl > 0 ? kl : 0.0;
        s.klSum += klc;
        s.klMax = std::max(s.klMax, klc);
        s.topkSum += double(o[3]) / topCount;
        addOutput(s.kOnly, o[4], out2);
      }
      if (hasV) addOutput(s.vOnly, o[5], out2);
      if (hasK && hasV) addOutput(s.both, o[6], out2);
    }
  }
  return out;
}

}  // namespace vq::gpu
