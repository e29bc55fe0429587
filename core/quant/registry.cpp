#include "core/quant/registry.h"

#include "core/common/error.h"

namespace vq::quant {

const std::vector<MethodInfo>& methodRegistry() {
  static const std::vector<MethodInfo> all = [] {
    std::vector<MethodInfo> v = formatMethods();
    for (auto& m : rotationMethods()) v.push_back(std::move(m));
    return v;
  }();
  return all;
}

const MethodInfo* findMethod(std::string_view name) {
  for (const auto& m : methodRegistry())
    if (m.name == name) return &m;
  return nullptr;
}

std::unique_ptr<Method> createMethod(const MethodConfig& cfg, int n) {
  const MethodInfo* info = findMethod(cfg.method);
  if (!info) {
    std::string names;
    for (const auto& m : methodRegistry()) names += (names.empty() ? "" : ", ") + m.name;
    throw Error(ErrorCode::InvalidArgument,
                "unknown method '" + cfg.method + "' (known: " + names + ")");
  }
  return info->create(cfg, n);
}

}  // namespace vq::quant
