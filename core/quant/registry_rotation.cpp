// Registry section of the rotation-based methods: TurboQuant (mse, prod, rvq), QJL, PolarQuant
// and the turbo2/3/4 block formats of llama.cpp forks. Each create() validates through the
// method's constructor (Error(InvalidArgument) naming the parameter and value).
#include <memory>

#include "core/quant/registry.h"
#include "core/quant/turboquant_mse.h"

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
  return v;
}

}  // namespace vq::quant
