// The quantize -> decode kernels of the Vulkan backend, one shader per method family:
//   turboquant.comp   turboquant_mse, turboquant_rvq and turboquant_prod's stage 1: randomized
//                     Hadamard rotation for power-of-two head_dim (bit-identical with the CPU),
//                     the CPU's dense orthogonal matrix otherwise (last-bit differences);
//   qjl.comp          qjl, and turboquant_prod's QJL sketch of the stage-1 residual (the
//                     CPU's Gaussian sketch matrix; last-bit differences in the projections);
//   kivi.comp         kivi keys (per channel) and values (per token), fp16 residual window;
//   mlx_affine.comp   mlx_affine;
//   ggml_blocks.comp  q8_0 and q4_0;
//   protect_rows.comp the fp16 rows of sink / z-score / window protection.
// kivi, mlx_affine, q8_0, q4_0 and the protected rows are bit-identical with the CPU. What a
// kernel does not cover (other methods, outlier channels, protection of kivi, sizes beyond the
// shared-memory layout) runs on the CPU: the session asks quantizeUnsupportedReason first.
// The random matrices and signs are the CPU's own (built by the core classes, uploaded once per
// (method, head_dim, bits, seed, sketch rows) and cached).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>

#include "core/quant/method.h"
#include "core/quant/protection.h"
#include "gpu/kernels/role_shape.h"

namespace vq::gpu {

class Buffer;
class CommandBatch;
class Context;

// nullopt when `cfg` under `protection` runs on the GPU for a role of this shape, else why not.
// Protection on the GPU: sink tokens, z-score tokens and the residual window of methods whose
// rows are independent (RowScope::Vector and LayerRow); the session computes which rows.
std::optional<std::string> quantizeUnsupportedReason(const quant::MethodConfig& cfg,
                                                     const quant::ProtectionConfig& protection,
                                                     const RoleShape& shape);

class QuantizeKernels {
 public:
  explicit QuantizeKernels(std::shared_ptr<Context> context);
  ~QuantizeKernels();

  // Records cfg's quantize -> decode of `src` into `dst` (shape.values() floats each); cfg.isKey
  // picks kivi's grouping. `blocks` (q8_0 / q4_0 only): the packed blocks, one slot of 9 (q8_0)
  // or 5 (q4_0) words per block of 32 values, bytes little-endian from the slot's start. Tables
  // (rotation, codebooks, sketch) are uploaded now and cached.
  void record(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape, const Buffer& src,
              const Buffer& dst, const Buffer* blocks = nullptr);

  // Records dst[v] = fp16(src[v]) for every vector v whose flag (one uint32 per vector) is set.
  void recordProtectedRows(CommandBatch& batch, const RoleShape& shape, const Buffer& src, const Buffer& dst,
                           const Buffer& flags);

 private:
  struct Tables;
  const Tables& tables(CommandBatch& batch, const quant::MethodConfig& cfg, int dim);
  void recordTurboquant(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape,
                        const Buffer& src, const Buffer& dst);
  void recordQjl(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape, const Buffer& src,
                 const Buffer& dst);
  void recordKivi(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape, const Buffer& src,
                  const Buffer& dst);
  void recordMlxAffine(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape,
                       const Buffer& src, const Buffer& dst);
  void recordGgmlBlocks(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape,
                        const Buffer& src, const Buffer& dst, const Buffer* blocks);

  std::shared_ptr<Context> m_context;
  std::mutex m_mutex;  // sessions share the kernels
  // (method, head_dim, bits, seed, sketch rows) -> tables
  std::map<std::tuple<std::string, int, int, uint64_t, int>, std::shared_ptr<const Tables>> m_tables;
  std::unique_ptr<Buffer> m_placeholder;  // bound where an output is not wanted
};

}  // namespace vq::gpu
