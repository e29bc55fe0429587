// Simulated Vulkan faults, for testing the CPU fallback on machines whose GPU works (issue #8).
// Set with the environment variable VQ_VULKAN_FAULT (read by makeBackend) or ContextOptions:
//   startup        opening the device fails, as when the driver cannot start
//   lost-after:N   the first N submits run, every later one fails with VK_ERROR_DEVICE_LOST and
//                  the context is marked lost, as when the GPU hangs or resets mid-run
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vq::gpu {

struct FaultPlan {
  enum class Kind { None, Startup, LostAfter };
  Kind kind = Kind::None;
  int64_t submits = 0;  // LostAfter: submits that still succeed
  std::string describe() const;  // "VQ_VULKAN_FAULT=lost-after:3"
};

inline constexpr const char* kFaultVariable = "VQ_VULKAN_FAULT";

// "startup", "lost-after:N" (N >= 0), or empty (no fault). Throws Error(InvalidArgument) naming
// the variable for anything else.
FaultPlan parseFaultPlan(std::string_view text);
// The plan of VQ_VULKAN_FAULT (none when unset or empty).
FaultPlan faultPlanFromEnvironment();

}  // namespace vq::gpu
