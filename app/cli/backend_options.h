// --backend auto|cpu|vulkan and --device N for the commands that run the compute backend.
#pragma once

#include <memory>
#include <string>

#include "app/cli/args.h"
#include "core/compute/compute_backend.h"

namespace vq::cli {

void addBackendOptions(Args& a);

// The backend the options ask for. When the CPU is used instead of a wanted GPU, the reason goes
// to stderr (one line) unless `quiet`, and to *fallbackReason when given (else it is cleared).
std::unique_ptr<ComputeBackend> backendFrom(const Args& a, bool quiet, std::string* fallbackReason = nullptr);

}  // namespace vq::cli
