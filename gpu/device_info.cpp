#include "gpu/device_info.h"

namespace vq::gpu {

const char* deviceTypeName(DeviceType t) {
  switch (t) {
    case DeviceType::Discrete: return "discrete";
    case DeviceType::Integrated: return "integrated";
    case DeviceType::Virtual: return "virtual";
    case DeviceType::Cpu: return "cpu";
    case DeviceType::Other: return "other";
  }
  return "other";
}

int pickAutomatic(const DeviceList& list) {
  for (const auto& d : list.devices)
    if (d.type == DeviceType::Discrete) return d.index;
  for (const auto& d : list.devices)
    if (d.type == DeviceType::Integrated) return d.index;
  return -1;
}

}  // namespace vq::gpu
