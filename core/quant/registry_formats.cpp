#include "core/quant/registry.h"

namespace vq::quant {
std::vector<MethodInfo> formatMethods() { return {}; }
}  // namespace vq::quant
