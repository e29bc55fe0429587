// Randomly damaged dumps (flipped bytes, truncation, overwritten fields) either open and read, or
// throw vq::Error; nothing else escapes and nothing crashes (run it under the sanitizers).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <random>

#include "core/common/error.h"
#include "core/io/dump.h"
#include "test_files.h"

namespace vq {
namespace {

namespace fs = std::filesystem;

std::string mutate(std::string s, std::mt19937& rng) {
  if (s.empty()) return s;
  std::uniform_int_distribution<size_t> pos(0, s.size() - 1);
  switch (rng() % 4) {
    case 0:  // flip a few bytes
      for (int i = 0, n = 1 + int(rng() % 4); i < n; ++i) s[pos(rng)] = char(rng());
      break;
    case 1:  // truncate
      s.resize(pos(rng));
      break;
    case 2: {  // overwrite a 4-byte field with an extreme value
      const size_t p = pos(rng);
      const char* v = (rng() % 2) ? "\xff\xff\xff\xff" : "\x00\x00\x00\x80";
      for (size_t i = 0; i < 4 && p + i < s.size(); ++i) s[p + i] = v[i];
      break;
    }
    default: {  // change a digit (shapes, offsets, lengths in text headers)
      for (int tries = 0; tries < 64; ++tries) {
        const size_t p = pos(rng);
        if (s[p] >= '0' && s[p] <= '9') {
          s[p] = char('0' + rng() % 10);
          break;
        }
      }
    }
  }
  return s;
}

void openAndReadEverything(const fs::path& p) {
  try {
    const Dump d = Dump::open(p);
    for (int l = 0; l < d.numLayers(); ++l) {
      for (Role r : {Role::Q, Role::K, Role::V, Role::KPreRope}) {
        for (int h = 0; h < d.heads(l, r); ++h) (void)d.readHead(l, r, h);
      }
    }
  } catch (const Error&) {
  }
}

TEST(MutatedDumps, NeverCrash) {
  test::TempDir dir;
  const std::vector<float> k = test::testValues(24, 1), q = test::testValues(48, 2);
  const std::string kNpy = test::npyF32({2, 3, 4}, k), qNpy = test::npyF32({4, 3, 4}, q);
  const std::vector<std::pair<std::string, std::string>> bases = {
      {"stored.npz", test::zipBytes({{"layer_0.k.npy", kNpy, false, {}, {}, 0},
                                     {"layer_0.v.npy", kNpy, false, {}, {}, 0},
                                     {"layer_0.q.npy", qNpy, false, {}, {}, 0}})},
      {"deflated.npz", test::zipBytes({{"layer_0.k.npy", kNpy, true, {}, {}, 0},
                                       {"layer_0.v.npy", kNpy, true, {}, {}, 0},
                                       {"layer_0.q.npy", qNpy, true, {}, {}, 0}})},
      {"dump.safetensors",
       test::safetensorsBytes(R"({"layer_0.k":{"dtype":"F32","shape":[2,3,4],"data_offsets":[0,96]},)"
                              R"("layer_0.v":{"dtype":"F16","shape":[2,3,4],"data_offsets":[96,144]},)"
                              R"("__metadata__":{"num_kv_heads":"2"}})",
                              test::floatBytes(k) + std::string(48, '\x3c'))},
      {"folder/layer_0.k.npy", kNpy},
  };
  test::writeBytes(dir / "folder" / "layer_0.v.npy", kNpy);
  // VQ_MUTATIONS=<n> runs more mutations per base (default 200).
  const char* env = std::getenv("VQ_MUTATIONS");
  const int mutations = env ? std::max(1, std::atoi(env)) : 200;
  std::mt19937 rng(12345);
  for (const auto& [name, bytes] : bases) {
    for (int i = 0; i < mutations; ++i) {
      const fs::path p = dir / name;
      test::writeBytes(p, mutate(bytes, rng));
      ASSERT_NO_FATAL_FAILURE(openAndReadEverything(p)) << name << " mutation " << i;
    }
  }
}

}  // namespace
}  // namespace vq
