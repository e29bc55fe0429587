#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/exit_codes.h"
#include "gpu/device_info.h"

namespace vq::cli {

int runDevices(int argc, char** argv) {
  Args a("devices",
         "Lists the Vulkan devices the loader sees. The automatic choice is the first discrete GPU,\n"
         "else the first integrated one; CPU-type devices (lavapipe) are only used when forced with\n"
         "--device N or VQ_DEVICE=N.");
  a.flag("json", "machine-readable output");
  if (!a.parse(argc, argv)) return kOk;
  const gpu::DeviceList list = gpu::listDevices();
  const int pick = gpu::pickAutomatic(list);
  if (a.has("json")) {
    nlohmann::json j = {{"automatic", pick}, {"unavailable_reason", list.unavailableReason},
                        {"devices", nlohmann::json::array()}};
    for (const auto& d : list.devices)
      j["devices"].push_back({{"index", d.index}, {"name", d.name}, {"type", gpu::deviceTypeName(d.type)},
                              {"api_version", d.apiVersionText}, {"driver", d.driver},
                              {"device_local_bytes", d.deviceLocalBytes}, {"subgroup_size", d.subgroupSize}});
    std::puts(j.dump(2).c_str());
    return list.devices.empty() ? kUnsupported : kOk;
  }
  if (list.devices.empty()) {
    std::printf("no Vulkan device: %s\nthe CPU backend will be used.\n", list.unavailableReason.c_str());
    return kUnsupported;
  }
  for (const auto& d : list.devices)
    std::printf("%c %d  %-40s %-10s Vulkan %s  %s  %s\n", d.index == pick ? '*' : ' ', d.index, d.name.c_str(),
                gpu::deviceTypeName(d.type), d.apiVersionText.c_str(), humanBytes(d.deviceLocalBytes).c_str(),
                d.driver.c_str());
  if (pick < 0) std::printf("no GPU qualifies for automatic use (CPU-type devices need --device N)\n");
  return kOk;
}

}  // namespace vq::cli
