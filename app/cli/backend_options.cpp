#include "app/cli/backend_options.h"

#include <cstdio>
#include <string>

#include "gpu/backend_factory.h"

namespace vq::cli {

void addBackendOptions(Args& a) {
  a.option("backend", "KIND",
           "compute backend: auto (a discrete or integrated GPU through Vulkan when one works, else the CPU), "
           "cpu, or vulkan",
           "auto")
      .option("device", "N",
              "Vulkan device index from `veloxquant devices` (any type, CPU-type included); default: VQ_DEVICE, "
              "else automatic",
              "-1");
}

std::unique_ptr<ComputeBackend> backendFrom(const Args& a, bool quiet, std::string* fallbackReason) {
  const auto kind = gpu::parseBackendKind(a.get("backend"));
  if (!kind) throw UsageError("--backend must be auto, cpu or vulkan, got '" + a.get("backend") + "'");
  gpu::BackendRequest request;
  request.kind = *kind;
  request.device = a.getInt("device");
  if (request.device < -1) throw UsageError("--device must be a device index (>= 0)");
  std::string reason;
  auto backend = gpu::makeBackend(request, &reason);
  if (!reason.empty() && !quiet)
    std::fprintf(stderr, "note: using the CPU backend: %s\n", reason.c_str());
  if (fallbackReason) *fallbackReason = reason;
  return backend;
}

}  // namespace vq::cli
