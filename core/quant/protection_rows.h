// Which rows the row options of protection.h (sink tokens, z-score tokens, residual window) keep
// in fp16: roundTripProtected's own choice, shared with the Vulkan backend, which quantizes the
// other rows on the device and must count and keep exactly the same rows.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/quant/protection.h"

namespace vq::quant {

// x: rows*n floats, read only for the z-score. explicitRows: how many of the kept rows are
// z-score rows, whose positions are stored (4 bytes each).
std::vector<char> protectedRowMask(const ProtectionConfig& p, std::span<const float> x, int64_t rows, int n,
                                   int64_t& explicitRows);

}  // namespace vq::quant
