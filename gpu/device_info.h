// Vulkan device discovery, with no Vulkan types in the interface (ui/ and app/ include this).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vq::gpu {

enum class DeviceType : uint8_t { Discrete, Integrated, Virtual, Cpu, Other };
const char* deviceTypeName(DeviceType t);  // "discrete", "integrated", "virtual", "cpu", "other"

struct DeviceInfo {
  int index = 0;               // position in the loader's enumeration (what --device/VQ_DEVICE take)
  std::string name;
  DeviceType type = DeviceType::Other;
  uint32_t apiVersion = 0;     // VK_MAKE_API_VERSION-encoded
  std::string apiVersionText;  // "1.3.239"
  std::string driver;          // driver name/info when the device reports it
  uint64_t deviceLocalBytes = 0;
  uint32_t maxComputeWorkGroupInvocations = 0;
  uint32_t subgroupSize = 0;
};

struct DeviceList {
  std::vector<DeviceInfo> devices;
  std::string unavailableReason;  // non-empty when Vulkan cannot be used at all (no loader, no ICD, ...)
};

// Enumerates Vulkan physical devices. Never throws; problems go to unavailableReason.
DeviceList listDevices();

// The device to use automatically: first discrete, else first integrated; CPU-type devices
// (lavapipe) are never chosen automatically. Returns -1 if none qualifies.
int pickAutomatic(const DeviceList& list);

}  // namespace vq::gpu
