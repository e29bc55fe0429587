#include "core/quant/registry.h"

namespace vq::quant {
std::vector<MethodInfo> rotationMethods() { return {}; }
}  // namespace vq::quant
