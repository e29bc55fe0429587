// Allocation work on the worker: solving an allocation request on a calibration table (fast, but
// exact solvers are exponential in the worst case) and verifying an allocation on the dump.
#pragma once

#include <QFuture>
#include <memory>

#include "core/alloc/allocator.h"
#include "core/alloc/verify.h"
#include "core/io/dump.h"

namespace vq::ui {

class JobRunner;

QFuture<alloc::Allocation> startAllocation(JobRunner& runner, std::shared_ptr<const calib::CalibrationTable> table,
                                           const alloc::AllocationRequest& request, alloc::AllocatorKind kind);

QFuture<alloc::VerifyResult> startVerify(JobRunner& runner, std::shared_ptr<const Dump> dump,
                                         std::shared_ptr<const calib::CalibrationTable> table,
                                         const alloc::Allocation& allocation);

}  // namespace vq::ui
