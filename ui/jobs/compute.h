// The compute backend background jobs run on. The Vulkan backend is not part of this build yet,
// so jobs use the multithreaded CPU backend; the status bar says so.
#pragma once

#include <QString>
#include <memory>

#include "core/compute/compute_backend.h"

namespace vq::ui {

// Call on the job's thread: it also lowers the priority of the job and compute threads.
std::unique_ptr<ComputeBackend> makeJobBackend();
QString jobBackendName();

}  // namespace vq::ui
