// Backend selection for the applications: CPU, Vulkan, or automatic (Vulkan on a discrete or
// integrated GPU when one works, else the CPU). Never throws for a missing or broken GPU: the CPU
// backend is returned with the reason. No Vulkan types here (app/ and ui/ include it).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/compute/compute_backend.h"

namespace vq {
class ThreadPool;
}

namespace vq::gpu {

enum class BackendKind { Auto, Cpu, Vulkan };

struct BackendRequest {
  BackendKind kind = BackendKind::Auto;
  // Vulkan device index (`veloxquant devices`); any type, CPU-type included, may be forced.
  // -1: the VQ_DEVICE environment variable when set, else automatic (discrete > integrated).
  int device = -1;
  std::string pipelineCacheDir;  // empty: the default cache folder; "none": no disk cache
  ThreadPool* pool = nullptr;    // threads of the CPU backend and fallbacks; null: defaultThreadPool()
};

// "auto", "cpu", "vulkan" (case-sensitive); nullopt otherwise.
std::optional<BackendKind> parseBackendKind(std::string_view text);

// The backend to use. When a Vulkan backend was wanted (auto or vulkan) but cannot be used, the
// CPU backend comes back and *reasonIfCpu says why (no loader, no device, only CPU-type devices
// in automatic mode, initialization failure, a build without Vulkan); it is left empty when the
// CPU was asked for. VQ_VULKAN_FAULT=startup|lost-after:N simulates a failing GPU (see
// gpu/vulkan/fault_injection.h). Throws Error(InvalidArgument) only for a malformed VQ_DEVICE or
// VQ_VULKAN_FAULT.
std::unique_ptr<ComputeBackend> makeBackend(const BackendRequest& request, std::string* reasonIfCpu = nullptr);

}  // namespace vq::gpu
