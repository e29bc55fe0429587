#include "gpu/kernels/quantize_kernels.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <vector>

#include "core/common/error.h"
#include "core/quant/gaussian_sketch.h"
#include "core/quant/kivi.h"
#include "core/quant/mlx_affine.h"
#include "core/quant/registry.h"
#include "core/quant/rotation.h"
#include "core/quant/turboquant_mse.h"
#include "core/quant/turboquant_rvq.h"
#include "gpu/kernels/cpu_float_probe.h"
#include "gpu/vulkan/vk_buffer.h"
#include "gpu/vulkan/vk_commands.h"
#include "gpu/vulkan/vk_context.h"
#include "gpu/vulkan/vk_pipeline.h"

namespace vq::gpu {

namespace {

// Shared memory per workgroup stays within Vulkan's guaranteed 16 KiB: turboquant.comp keeps
// 2 vectors of D floats (Hadamard), or 2 x 2 (dense: the product needs a second copy); qjl.comp
// 2 x 2 vectors and the sign bits.
constexpr int kMaxHadamardDim = 2048;
constexpr int kMaxDenseDim = 512;
constexpr int kMaxSketchDim = 512;
constexpr int kMaxSketchRows = 4096;

struct TurboquantPush {
  uint32_t vectors, levels, normCorrection;
};
struct QjlPush {
  uint32_t vectors;
  float estimatorScale;
};
struct KiviPush {
  uint32_t tokens, quantized, heads, levels, groupItems, items;
};
struct MlxPush {
  uint32_t groups;
  float bins;
};
struct BlocksPush {
  uint32_t tokens, heads, blockCount, writeBlocks;
};
struct ProtectPush {
  uint32_t values;
};

bool isTurboquant(const std::string& m) {
  return m == "turboquant_mse" || m == "turboquant_rvq" || m == "turboquant_prod";
}

int sketchRows(const quant::MethodConfig& cfg, int dim) { return cfg.sketchDim > 0 ? cfg.sketchDim : dim; }

quant::MethodConfig prodStage1(const quant::MethodConfig& cfg) {
  quant::MethodConfig c = cfg;
  c.method = "turboquant_mse";
  c.bits = cfg.bits - 1;
  c.normCorrection = false;
  return c;
}

quant::MethodConfig prodSketch(const quant::MethodConfig& cfg) {
  quant::MethodConfig c = cfg;
  c.method = "qjl";
  c.seed = cfg.seed + 1;  // as TurboQuantProd seeds its sketch
  return c;
}

std::optional<std::string> rotationUnsupported(const std::string& method, int dim) {
  if (dim < 2) return method + " needs head_dim >= 2";
  if (quant::isPowerOfTwo(dim) ? dim > kMaxHadamardDim : dim > kMaxDenseDim)
    return method + " on the GPU covers power-of-two head_dim up to " + std::to_string(kMaxHadamardDim) +
           " and other head_dim up to " + std::to_string(kMaxDenseDim) + " (got " + std::to_string(dim) + ")";
  return std::nullopt;
}

std::optional<std::string> sketchUnsupported(const quant::MethodConfig& cfg, int dim) {
  if (dim < 1 || dim > kMaxSketchDim)
    return cfg.method + " on the GPU covers head_dim 1.." + std::to_string(kMaxSketchDim);
  if (cfg.sketchDim < 0 || sketchRows(cfg, dim) > kMaxSketchRows)
    return cfg.method + " on the GPU covers sketch rows up to " + std::to_string(kMaxSketchRows);
  return std::nullopt;
}

std::optional<std::string> bitsOutside(const quant::MethodConfig& cfg, int lo, int hi) {
  if (cfg.bits >= lo && cfg.bits <= hi) return std::nullopt;
  return cfg.method + " bits must be " + std::to_string(lo) + ".." + std::to_string(hi);
}

}  // namespace

struct QuantizeKernels::Tables {
  std::unique_ptr<Buffer> rotation;  // Hadamard: D_ii / sqrt(d); dense: Π row-major
  std::unique_ptr<Buffer> codebook;  // per stage: [levels] boundaries + inf, [levels] centroids
  uint32_t levels = 0;
  uint32_t stages = 1;
  bool dense = false;
  std::unique_ptr<Buffer> sketch;  // qjl: S, m x d row-major
  uint32_t sketchRows = 0;
  float estimatorScale = 0;
  // The batch that records the upload; other batches use the tables once it has run.
  uint64_t uploader = 0;
  std::atomic<bool> uploaded{false};
};

std::optional<std::string> quantizeUnsupportedReason(const quant::MethodConfig& cfg,
                                                     const quant::ProtectionConfig& protection,
                                                     const RoleShape& shape) {
  const quant::MethodInfo* info = quant::findMethod(cfg.method);
  if (!info) return "unknown method " + cfg.method;
  if (protection.outlierChannels > 0) return "outlier-channel protection runs on the CPU";
  if (protection.any() && info->scope == quant::RowScope::HeadMatrix)
    return "protection of " + cfg.method + " (its groups span tokens) runs on the CPU";
  const int d = shape.dim;
  if (cfg.method == "turboquant_mse" || cfg.method == "turboquant_rvq") {
    if (auto r = bitsOutside(cfg, 1, 8)) return r;
    return rotationUnsupported(cfg.method, d);
  }
  if (cfg.method == "turboquant_prod") {
    if (auto r = bitsOutside(cfg, 2, 8)) return r;
    if (auto r = rotationUnsupported(cfg.method, d)) return r;
    return sketchUnsupported(cfg, d);
  }
  if (cfg.method == "qjl") return sketchUnsupported(cfg, d);
  if (cfg.method == "kivi") {
    if (auto r = bitsOutside(cfg, 1, 8)) return r;
    const int g = cfg.groupSize == 0 ? quant::kKiviDefaultGroupSize : cfg.groupSize;
    if (cfg.groupSize < 0 || cfg.residualWindow < 0 || d < 1 || (!cfg.isKey && d % std::min(g, d) != 0))
      return "kivi parameters invalid for head_dim " + std::to_string(d);  // the CPU names the problem
    return std::nullopt;
  }
  if (cfg.method == "mlx_affine") {
    if (!quant::isMlxAffineBits(cfg.bits)) return "mlx_affine bits must be 2, 3, 4, 6 or 8";
    const int g = cfg.groupSize == 0 ? quant::kMlxDefaultGroupSize : cfg.groupSize;
    if (cfg.groupSize < 0 || d < 1 || d % std::min(g, d) != 0)
      return "mlx_affine group size invalid for head_dim " + std::to_string(d);
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

// Tables of turboquant_mse / turboquant_rvq (rotation + codebooks) and of qjl (sketch), built by
// the core classes the CPU reference uses, so the GPU gets the identical signs and matrices. New
// tables are uploaded by `batch` (followed by a barrier), which keeps them alive until it ran.
const QuantizeKernels::Tables& QuantizeKernels::tables(CommandBatch& batch, const quant::MethodConfig& cfg, int dim) {
  const bool qjl = cfg.method == "qjl";
  const auto key = std::make_tuple(cfg.method, dim, qjl ? 0 : cfg.bits, cfg.seed, qjl ? sketchRows(cfg, dim) : 0);
  if (auto it = m_tables.find(key); it != m_tables.end()) {
    const Tables& found = *it->second;
    if (found.uploaded || found.uploader == batch.id()) {
      batch.keepAlive(it->second);
      return found;
    }
    m_tables.erase(it);  // another batch's upload that has not run (or failed): upload again here
  }
  auto t = std::make_shared<Tables>();
  t->uploader = batch.id();
  auto upload = [&](const std::vector<float>& v, const char* what) {
    auto b = std::make_unique<Buffer>(m_context, v.size() * 4, MemoryUse::Device, what);
    batch.upload(*b, std::as_bytes(std::span(v)));
    return b;
  };
  auto keep = [&]() -> const Tables& {
    batch.barrier();
    batch.keepAlive(t);
    batch.afterSubmit([t] { t->uploaded = true; });
    return *m_tables.emplace(key, std::move(t)).first->second;
  };
  if (qjl) {
    const quant::GaussianSketch sketch(sketchRows(cfg, dim), dim, cfg.seed);
    const auto& m = sketch.matrix();  // row-major
    t->sketch = upload(std::vector<float>(m.data(), m.data() + m.size()), "qjl sketch");
    t->sketchRows = uint32_t(sketch.rows());
    t->estimatorScale = sketch.estimatorScale();
    return keep();
  }
  std::vector<float> rot, book;
  auto setRotation = [&](const quant::Rotation& rotation) {
    t->dense = !rotation.isHadamard();
    if (t->dense) {
      const Eigen::MatrixXd m = rotation.matrix();  // the float matrix, exactly
      rot.resize(size_t(dim) * size_t(dim));
      for (int i = 0; i < dim; ++i)
        for (int j = 0; j < dim; ++j) rot[size_t(i) * size_t(dim) + size_t(j)] = float(m(i, j));
    } else {
      const float scale = float(1.0 / std::sqrt(double(dim)));  // as Rotation folds it into the signs
      for (float s : rotation.signs()) rot.push_back(s * scale);
    }
  };
  auto addStage = [&](const quant::ScalarQuantizer& q) {
    book.insert(book.end(), q.boundaries().begin(), q.boundaries().end());
    book.push_back(std::numeric_limits<float>::infinity());
    book.insert(book.end(), q.centroids().begin(), q.centroids().end());
    t->levels = uint32_t(q.levels());
  };
  if (cfg.method == "turboquant_rvq") {
    const quant::TurboQuantRvq method(cfg, dim);
    setRotation(quant::Rotation(dim, cfg.seed));  // the one TurboQuantRvq builds (same seed)
    addStage(method.stage1());
    addStage(method.stage2());
    t->stages = 2;
  } else {
    const quant::TurboQuantMse method(cfg, dim);
    setRotation(method.rotation());
    addStage(method.quantizer());
  }
  t->rotation = upload(rot, "rotation");
  t->codebook = upload(book, "codebook");
  return keep();
}

void QuantizeKernels::recordTurboquant(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape,
                                       const Buffer& src, const Buffer& dst) {
  const Tables& t = tables(batch, cfg, shape.dim);
  const auto& probe = cpuFloatContraction();
  const uint32_t tpv = invocationsPerVector(shape.dim);
  const Pipeline& p = m_context->pipelines().get(
      {m_context->hasFloat64() ? "turboquant_f64" : "turboquant", 4, sizeof(TurboquantPush),
       vectorLayoutConstants({uint32_t(shape.dim), tpv, probe.l2Norm, probe.squaredNorm, t.dense ? 1u : 0u, t.stages},
                             tpv)});
  const bool nc = cfg.method == "turboquant_mse" && cfg.normCorrection;
  const TurboquantPush push{uint32_t(shape.vectors()), t.levels, nc ? 1u : 0u};
  uint32_t gx = 1, gy = 1;
  CommandBatch::groupGrid(*m_context, vectorWorkgroups(shape.vectors(), tpv), gx, gy);
  batch.dispatch(p, {&src, &dst, t.rotation.get(), t.codebook.get()}, &push, gx, gy);
}

// qjl: dst = the sketch reconstruction of src. turboquant_prod: dst holds the stage-1
// reconstruction, and gets the sketch of the residual added.
void QuantizeKernels::recordQjl(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape,
                                const Buffer& src, const Buffer& dst) {
  const bool residual = cfg.method == "turboquant_prod";
  const Tables& t = tables(batch, residual ? prodSketch(cfg) : cfg, shape.dim);
  const uint32_t tpv = invocationsPerVector(shape.dim);
  const Pipeline& p = m_context->pipelines().get(
      {m_context->hasFloat64() ? "qjl_f64" : "qjl", 3, sizeof(QjlPush),
       vectorLayoutConstants({uint32_t(shape.dim), tpv, cpuFloatContraction().l2Norm, t.sketchRows, residual ? 1u : 0u},
                             tpv)});
  const QjlPush push{uint32_t(shape.vectors()), t.estimatorScale};
  uint32_t gx = 1, gy = 1;
  CommandBatch::groupGrid(*m_context, vectorWorkgroups(shape.vectors(), tpv), gx, gy);
  batch.dispatch(p, {&src, &dst, t.sketch.get()}, &push, gx, gy);
}

void QuantizeKernels::recordKivi(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape,
                                 const Buffer& src, const Buffer& dst) {
  const quant::Kivi kivi(cfg, shape.dim);  // validates; the group and window as the CPU uses them
  const uint32_t g = uint32_t(kivi.groupSize());
  const uint64_t windowValues = uint64_t(kivi.residualRows(shape.tokens)) * uint64_t(shape.dim);
  const uint64_t groupItems = uint64_t(shape.heads) * uint64_t(kivi.groupCount(shape.tokens));
  const uint64_t items = groupItems + uint64_t(shape.heads) * windowValues;
  const KiviPush push{uint32_t(shape.tokens), uint32_t(kivi.quantizedRows(shape.tokens)), uint32_t(shape.heads),
                      uint32_t((1 << kivi.bits()) - 1), uint32_t(groupItems), uint32_t(items)};
  const Pipeline& p =
      m_context->pipelines().get({"kivi", 2, sizeof(KiviPush), {uint32_t(shape.dim), g, cfg.isKey ? 1u : 0u}});
  uint32_t gx = 1, gy = 1;
  CommandBatch::groupGrid(*m_context, (items + 63) / 64, gx, gy);
  batch.dispatch(p, {&src, &dst}, &push, gx, gy);
}

void QuantizeKernels::recordMlxAffine(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape,
                                      const Buffer& src, const Buffer& dst) {
  const quant::MlxAffine mlx(cfg, shape.dim);
  const uint64_t groups = shape.values() / uint64_t(mlx.groupSize());
  const MlxPush push{uint32_t(groups), float((1 << mlx.bits()) - 1)};
  const Pipeline& p = m_context->pipelines().get({"mlx_affine", 2, sizeof(MlxPush), {uint32_t(mlx.groupSize())}});
  uint32_t gx = 1, gy = 1;
  CommandBatch::groupGrid(*m_context, (groups + 63) / 64, gx, gy);
  batch.dispatch(p, {&src, &dst}, &push, gx, gy);
}

void QuantizeKernels::recordGgmlBlocks(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape,
                                       const Buffer& src, const Buffer& dst, const Buffer* blocks) {
  const bool q8 = cfg.method == "q8_0";
  const char* shader = q8 ? "ggml_q8_0" : (m_context->hasFloat64() ? "ggml_q4_0_f64" : "ggml_q4_0");
  const Pipeline& p = m_context->pipelines().get(
      {shader, 3, sizeof(BlocksPush), {uint32_t(shape.dim), q8 ? 0u : uint32_t(cpuFloatContraction().q4_0)}});
  const uint64_t blockCount = shape.values() / 32;
  const BlocksPush push{uint32_t(shape.tokens), uint32_t(shape.heads), uint32_t(blockCount), blocks ? 1u : 0u};
  uint32_t gx = 1, gy = 1;
  CommandBatch::groupGrid(*m_context, (blockCount + 63) / 64, gx, gy);
  batch.dispatch(p, {&src, &dst, blocks ? blocks : m_placeholder.get()}, &push, gx, gy);
}

void QuantizeKernels::record(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape,
                             const Buffer& src, const Buffer& dst, const Buffer* blocks) {
  std::lock_guard lock(m_mutex);
  if (auto reason = quantizeUnsupportedReason(cfg, {}, shape))
    throw Error(ErrorCode::Internal, "QuantizeKernels::record: " + *reason);
  // A sweep moves on layer by layer (seed + layer): drop old tables, before recording, so that
  // the tables of this record (two for turboquant_prod) stay in the map; batches that recorded
  // dispatches reading dropped tables keep those alive (CommandBatch::keepAlive).
  if (m_tables.size() >= 64) m_tables.clear();
  if (cfg.method == "turboquant_prod") {
    recordTurboquant(batch, prodStage1(cfg), shape, src, dst);
    batch.barrier();
    recordQjl(batch, cfg, shape, src, dst);
  } else if (isTurboquant(cfg.method)) {
    recordTurboquant(batch, cfg, shape, src, dst);
  } else if (cfg.method == "qjl") {
    recordQjl(batch, cfg, shape, src, dst);
  } else if (cfg.method == "kivi") {
    recordKivi(batch, cfg, shape, src, dst);
  } else if (cfg.method == "mlx_affine") {
    recordMlxAffine(batch, cfg, shape, src, dst);
  } else {
    recordGgmlBlocks(batch, cfg, shape, src, dst, blocks);
  }
}

void QuantizeKernels::recordProtectedRows(CommandBatch& batch, const RoleShape& shape, const Buffer& src,
                                          const Buffer& dst, const Buffer& flags) {
  const Pipeline& p = m_context->pipelines().get({"protect_rows", 3, sizeof(ProtectPush), {uint32_t(shape.dim)}});
  const ProtectPush push{uint32_t(shape.values())};
  uint32_t gx = 1, gy = 1;
  CommandBatch::groupGrid(*m_context, (shape.values() + 63) / 64, gx, gy);
  batch.dispatch(p, {&src, &dst, &flags}, &push, gx, gy);
}

}  // namespace vq::gpu
