#include "gpu/vulkan/fault_injection.h"

#include <charconv>
#include <cstdlib>

#include "core/common/error.h"

namespace vq::gpu {

std::string FaultPlan::describe() const {
  switch (kind) {
    case Kind::None:
      return std::string(kFaultVariable) + " unset";
    case Kind::Startup:
      return std::string(kFaultVariable) + "=startup";
    case Kind::LostAfter:
      return std::string(kFaultVariable) + "=lost-after:" + std::to_string(submits);
  }
  return {};
}

FaultPlan parseFaultPlan(std::string_view text) {
  FaultPlan p;
  if (text.empty()) return p;
  if (text == "startup") {
    p.kind = FaultPlan::Kind::Startup;
    return p;
  }
  constexpr std::string_view kLost = "lost-after:";
  if (text.substr(0, kLost.size()) == kLost) {
    const std::string_view n = text.substr(kLost.size());
    int64_t v = -1;
    const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
    if (ec == std::errc() && end == n.data() + n.size() && !n.empty() && v >= 0) {
      p.kind = FaultPlan::Kind::LostAfter;
      p.submits = v;
      return p;
    }
  }
  throw Error(ErrorCode::InvalidArgument, std::string(kFaultVariable) + " must be 'startup' or 'lost-after:N' (N >= 0), got '" +
                                              std::string(text) + "'");
}

FaultPlan faultPlanFromEnvironment() {
  const char* env = std::getenv(kFaultVariable);
  return parseFaultPlan(env ? std::string_view(env) : std::string_view());
}

}  // namespace vq::gpu
