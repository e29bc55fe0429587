// Registry section of the rotation-based methods: TurboQuant (mse, prod, rvq), QJL, PolarQuant
// and the turbo2/3/4 block formats of llama.cpp forks. Each create() validates through the
// method's constructor (Error(InvalidArgument) naming the parameter and value).
#include <memory>

#include "core/quant/registry.h"
#include "core/quant/qjl.h"
#include "core/quant/turboquant_mse.h"
#include "core/quant/turboquant_prod.h"

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
  v.push_back({"qjl", "sketch",
               "Signs of a seeded Gaussian projection S*x plus fp16 norm: unbiased inner products (QJL)", {1},
               RowScope::Vector, "ceil(m/8) + 2 bytes per vector (m = sketch_dim, default d)", factory<Qjl>()});
  return v;
}

}  // namespace vq::quant
