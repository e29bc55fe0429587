#include "gpu/kernels/quantize_kernels.h"

#include <cmath>
#include <limits>
#include <vector>

#include "core/common/error.h"
#include "core/quant/rotation.h"
#include "core/quant/turboquant_mse.h"
#include "gpu/kernels/cpu_float_probe.h"
#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_commands.h"
#include "gpu/vulkan/vk_context.h"
#include "gpu/vulkan/vk_pipeline.h"

namespace vq::gpu {

namespace {

constexpr int kMaxTurboquantDim = 2048;  // shared memory: 2 vectors of D floats per workgroup

struct TurboquantPush {
  uint32_t vectors, levels, normCorrection;
};
struct BlocksPush {
  uint32_t tokens, heads, blockCount, writeBlocks;
};

}  // namespace

struct QuantizeKernels::Tables {
  std::unique_ptr<Buffer> signs;     // D_ii / sqrt(d)
  std::unique_ptr<Buffer> codebook;  // [levels] boundaries + inf, [levels] centroids
  uint32_t levels = 0;
};

std::optional<std::string> quantizeUnsupportedReason(const quant::MethodConfig& cfg,
                                                     const quant::ProtectionConfig& protection,
                                                     const RoleShape& shape) {
  if (protection.any()) return "protection options (" + protection.describe() + ") run on the CPU";
  if (cfg.method == "turboquant_mse") {
    if (!quant::isPowerOfTwo(shape.dim) || shape.dim < 2 || shape.dim > kMaxTurboquantDim)
      return "turboquant_mse on the GPU needs a power-of-two head_dim in 2.." + std::to_string(kMaxTurboquantDim) +
             " (got " + std::to_string(shape.dim) + ")";
    if (cfg.bits < 1 || cfg.bits > 8) return "turboquant_mse bits must be 1..8";
    return std::nullopt;
  }
  if (cfg.method == "q8_0" || cfg.method == "q4_0") {
    if ((int64_t(shape.heads) * shape.dim) % 32 != 0) return cfg.method + " needs KV heads x head_dim divisible by 32";
    return std::nullopt;
  }
  return "no GPU kernel for " + cfg.method;
}

QuantizeKernels::QuantizeKernels(std::shared_ptr<Context> context)
    : m_context(std::move(context)),
      m_placeholder(std::make_unique<Buffer>(m_context, 16, MemoryUse::Device, "placeholder")) {}

QuantizeKernels::~QuantizeKernels() = default;

const QuantizeKernels::Tables& QuantizeKernels::turboquantTables(const quant::MethodConfig& cfg, int dim) {
  const auto key = std::make_tuple(dim, cfg.bits, cfg.seed);
  if (auto it = m_tables.find(key); it != m_tables.end()) return *it->second;
  if (m_tables.size() >= 64) m_tables.clear();  // a sweep moves on layer by layer (seed + layer)
  const quant::TurboQuantMse method(cfg, dim);
  auto t = std::make_unique<Tables>();
  const float scale = float(1.0 / std::sqrt(double(dim)));  // as Rotation folds it into the signs
  std::vector<float> signs;
  for (float s : method.rotation().signs()) signs.push_back(s * scale);
  const auto& q = method.quantizer();
  t->levels = uint32_t(q.levels());
  std::vector<float> book(q.boundaries().begin(), q.boundaries().end());
  book.push_back(std::numeric_limits<float>::infinity());
  book.insert(book.end(), q.centroids().begin(), q.centroids().end());
  t->signs = std::make_unique<Buffer>(m_context, signs.size() * 4, MemoryUse::Device, "rotation signs");
  t->codebook = std::make_unique<Buffer>(m_context, book.size() * 4, MemoryUse::Device, "codebook");
  uploadNow(m_context, *t->signs, std::as_bytes(std::span(signs)));
  uploadNow(m_context, *t->codebook, std::as_bytes(std::span(book)));
  return *m_tables.emplace(key, std::move(t)).first->second;
}

void QuantizeKernels::record(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape,
                             const Buffer& src, const Buffer& dst, const Buffer* blocks) {
  if (cfg.method != "turboquant_mse" && cfg.method != "q8_0" && cfg.method != "q4_0")
    throw Error(ErrorCode::Internal, "QuantizeKernels::record: no GPU kernel for " + cfg.method);
  const auto& probe = cpuFloatContraction();
  const uint32_t dim = uint32_t(shape.dim);
  uint32_t gx = 1, gy = 1;
  if (cfg.method == "turboquant_mse") {
    const Tables& t = turboquantTables(cfg, shape.dim);
    const uint32_t tpv = invocationsPerVector(shape.dim);
    const Pipeline& p = m_context->pipelines().get(
        {m_context->hasFloat64() ? "turboquant_mse_f64" : "turboquant_mse", 4, sizeof(TurboquantPush),
         {dim, tpv, probe.l2Norm, probe.squaredNorm}});
    const TurboquantPush push{uint32_t(shape.vectors()), t.levels, cfg.normCorrection ? 1u : 0u};
    CommandBatch::groupGrid(*m_context, (shape.vectors() + 64 / tpv - 1) / (64 / tpv), gx, gy);
    batch.dispatch(p, {&src, &dst, t.signs.get(), t.codebook.get()}, &push, gx, gy);
    return;
  }
  const bool q8 = cfg.method == "q8_0";
  const char* shader = q8 ? "ggml_q8_0" : (m_context->hasFloat64() ? "ggml_q4_0_f64" : "ggml_q4_0");
  const Pipeline& p =
      m_context->pipelines().get({shader, 3, sizeof(BlocksPush), {dim, q8 ? 0u : uint32_t(probe.q4_0)}});
  const uint64_t blockCount = shape.values() / 32;
  const BlocksPush push{uint32_t(shape.tokens), uint32_t(shape.heads), uint32_t(blockCount), blocks ? 1u : 0u};
  CommandBatch::groupGrid(*m_context, (blockCount + 63) / 64, gx, gy);
  batch.dispatch(p, {&src, &dst, blocks ? blocks : m_placeholder.get()}, &push, gx, gy);
}

}  // namespace vq::gpu
