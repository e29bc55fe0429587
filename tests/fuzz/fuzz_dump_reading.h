// Opens a dump the way the CLI and GUI do and then reads everything a user of it would: every
// K/V/Q head as f32, every tensor's raw bytes, and the dump identity (hash). Only vq::Error may
// escape Dump::open; once a dump opened, reading it must not fail at all.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <vector>

#include "core/calib/dump_identity.h"
#include "core/common/error.h"
#include "core/io/dump.h"

namespace vq::fuzz {

inline void openAndReadDump(const std::filesystem::path& path) {
  std::optional<Dump> dump;
  try {
    dump.emplace(Dump::open(path));
  } catch (const Error&) {
    return;  // refused with a clear error: fine
  }
  // Bounded by the file: the readers checked every size against it before we get here.
  (void)calib::identifyDump(*dump);
  std::vector<float> heads;
  for (int l = 0; l < dump->numLayers(); ++l) {
    for (Role r : {Role::Q, Role::K, Role::V, Role::KPreRope}) {
      const int index = dump->tensorIndex(l, r);
      if (index < 0) continue;
      const TensorInfo& t = dump->tensors()[size_t(index)];
      heads.resize(size_t(t.heads) * size_t(t.tokens) * size_t(t.headDim));
      dump->readAllHeads(l, r, heads);
    }
  }
  std::vector<std::byte> raw;
  for (size_t t = 0; t < dump->tensors().size(); ++t) {
    raw.resize(size_t(dump->tensors()[t].bytes));
    dump->readTensorBytes(t, 0, raw);
  }
}

}  // namespace vq::fuzz
