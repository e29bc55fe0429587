// The compute backend background jobs run on: the one the Preferences choose
// (settings::computeBackend() "auto" | "cpu" | "vulkan", settings::computeDevice()), made by
// gpu::makeBackend exactly as the CLI's --backend/--device make it. When a wanted GPU cannot be
// used (no driver, start-up failure, lost mid-run), the CPU does the work and the reason is kept
// for the status bar.
#pragma once

#include <QString>
#include <memory>

#include "core/compute/compute_backend.h"

namespace vq::ui {

// Call on the job's thread: it may open the GPU, and it lowers the priority of the job and
// compute threads. When the job releases the backend, its final state (e.g. "device lost:
// running on the CPU") becomes the status.
std::unique_ptr<ComputeBackend> makeJobBackend();

// Makes a backend now as a job would (opens the GPU: call off the GUI thread) and returns its
// status line.
QString probeJobBackend();

// The status line of the backend the last job (or probe) ran on: backend and device, and why
// the CPU runs when a GPU was wanted. Empty before the first job or probe. Thread-safe.
QString lastJobBackendStatus();

}  // namespace vq::ui
