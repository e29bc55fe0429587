// Imports of allocations written elsewhere (DESIGN.md §7): VeloxQuant-MLX's bit-width forms.
// *.vqalloc.json files are read by loadAllocationFile (allocation_file.h).
//
// Accepted texts (JSON; Python list/dict literals of integers are the same text):
// - list form:   [3, 2, 2, ...]                       one bit-width per layer, keys and values
// - dict form:   {"layer_0": 3, "layer_1": 2, ...}     the same, keyed by layer
// - with values: {"bit_width_inlier": <list | dict | int>, "value_bits": <list | dict | int>}
// Every layer of the dump must be given exactly once; every bit-width must be one the method
// supports. The result is an allocation file with per-layer groups (K/V joint, or separate when
// value bits are given), allocator "imported", budget = the average it implies, and no storage
// measured (bpv 0) until it is verified on a dump.
#pragma once

#include <string>
#include <string_view>

#include "core/calib/dump_identity.h"
#include "core/io/allocation_file.h"

namespace vq::io {

// Throws Error(BadJson) for text that is not JSON, Error(InvalidArgument) naming the field for
// a wrong layer count, a missing/unknown layer key, a bit-width the method lacks or an unknown
// method. `source` names the text in errors (a file name).
AllocationFile importVeloxQuantBits(std::string_view text, const calib::DumpIdentity& dump,
                                    const std::string& method = "turboquant_mse", const std::string& source = {});

}  // namespace vq::io
