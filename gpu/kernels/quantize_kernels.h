// The quantize -> decode kernels of the Vulkan backend: turboquant_mse (power-of-two head_dim),
// q8_0 and q4_0, all bit-identical with the CPU reference (see the shaders). Other methods and
// protection options run on the CPU (the session asks unsupportedReason first).
#pragma once

#include <map>
#include <memory>
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

// nullopt when `cfg` runs on the GPU for a role of this shape, else why it does not.
std::optional<std::string> quantizeUnsupportedReason(const quant::MethodConfig& cfg,
                                                     const quant::ProtectionConfig& protection,
                                                     const RoleShape& shape);

class QuantizeKernels {
 public:
  explicit QuantizeKernels(std::shared_ptr<Context> context);
  ~QuantizeKernels();

  // Records cfg's quantize -> decode of `src` into `dst` (shape.values() floats each). `blocks`
  // (q8_0 / q4_0 only): the packed blocks, one slot of 9 (q8_0) or 5 (q4_0) words per block of
  // 32 values, bytes little-endian from the slot's start. Small tables (rotation signs,
  // codebook) are uploaded now and cached per (dim, bits, seed).
  void record(CommandBatch& batch, const quant::MethodConfig& cfg, const RoleShape& shape, const Buffer& src,
              const Buffer& dst, const Buffer* blocks = nullptr);

 private:
  struct Tables;
  const Tables& turboquantTables(const quant::MethodConfig& cfg, int dim);

  std::shared_ptr<Context> m_context;
  std::map<std::tuple<int, int, uint64_t>, std::unique_ptr<Tables>> m_tables;
  std::unique_ptr<Buffer> m_placeholder;  // bound where an output is not wanted
};

}  // namespace vq::gpu
