// Registry section of the rotation-based methods: TurboQuant (mse, prod, rvq), QJL, PolarQuant
// and the turbo2/3/4 block formats of llama.cpp forks. Each create() validates through the
// method's constructor (Error(InvalidArgument) naming the parameter and value).
#include <memory>
#include <string>

#include "core/quant/registry.h"
#include "core/quant/turbo_block.h"
#include "core/quant/polar_quant.h"
#include "core/quant/qjl.h"
#include "core/quant/turboquant_mse.h"
#include "core/quant/turboquant_prod.h"
#include "core/quant/turboquant_rvq.h"

namespace vq::quant {
namespace {

template <class M>
std::function<std::unique_ptr<Method>(const MethodConfig&, int)> factory() {
  return [](const MethodConfig& cfg, int n) -> std::unique_ptr<Method> { return std::make_unique<M>(cfg, n); };
}

std::vector<int> bitRange(int lo, int hi) {
  std::vector<int> v;
  for (int b = lo; b <= hi; ++b) v.push_back(b);
  return v;
}

}  // namespace

std::vector<MethodInfo> rotationMethods() {
  std::vector<MethodInfo> v;
  v.push_back({"turboquant_mse", "turboquant",
               "Random rotation, then a b-bit Lloyd-Max codebook per coordinate; fp16 norm (TurboQuant, MSE variant)",
               bitRange(1, 8), RowScope::Vector, "ceil(d*b/8) + 2 bytes per vector", factory<TurboQuantMse>()});
  v.push_back({"turboquant_prod", "turboquant",
               "turboquant_mse at b-1 bits plus a 1-bit QJL sketch of the residual: unbiased inner products "
               "(TurboQuant, inner-product variant)",
               bitRange(2, 8), RowScope::Vector,
               "ceil(d*(b-1)/8) + 2 + ceil(m/8) + 2 bytes per vector (m = sketch_dim, default d)",
               factory<TurboQuantProd>()});
  v.push_back({"turboquant_rvq", "turboquant",
               "Two-stage residual quantization after rotation: b-bit Gaussian codebook, then a b-bit Laplacian "
               "codebook scaled to the stage-1 residual std (2b bits per coordinate)",
               bitRange(1, 8), RowScope::Vector, "ceil(2*d*b/8) + 2 bytes per vector", factory<TurboQuantRvq>()});
  v.push_back({"qjl", "sketch",
               "Signs of a seeded Gaussian projection S*x plus fp16 norm: unbiased inner products (QJL)", {1},
               RowScope::Vector, "ceil(m/8) + 2 bytes per vector (m = sketch_dim, default d)", factory<Qjl>()});
  v.push_back({"polar", "polar",
               "Rotation then a 4-level polar transform: Lloyd-Max angle codebooks per level (b+2 bits at level 1, "
               "b bits above) and fp16 radii per 16 values (PolarQuant)",
               bitRange(1, 6), RowScope::Vector,
               "d/8 + d*(b+2)/16 + ceil(7*d*b/128) bytes per vector (d divisible by 16)", factory<PolarQuant>()});
  const char* turboFormula[] = {"", "", "34 bytes per 128-value block of a layer row (2.125 bpv)",
                                "50 bytes per 128-value block of a layer row (3.125 bpv)",
                                "68 bytes per 128-value block of a layer row (4.25 bpv)"};
  for (int bits = 2; bits <= 4; ++bits) {
    v.push_back({"turbo" + std::to_string(bits), "llama.cpp",
                 "TurboQuant cache type of llama.cpp forks: 128-value blocks of a layer row, WHT rotation, " +
                     std::to_string(bits) + "-bit Lloyd-Max indices, fp16 corrected norm" +
                     (bits == 4 ? "s (one per 64 rotated values)" : ""),
                 {}, RowScope::LayerRow, turboFormula[bits],
                 [bits](const MethodConfig& cfg, int n) -> std::unique_ptr<Method> {
                   return std::make_unique<TurboBlockQuant>(cfg, n, bits);
                 }});
  }
  return v;
}

}  // namespace vq::quant
