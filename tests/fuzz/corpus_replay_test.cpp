// Replays the fuzz corpora through the libFuzzer targets' own entry points, without libFuzzer:
// part of the sanitized subset that `scripts/test` runs on every call (vq_sanitize_tests, built
// only with -DVQ_SANITIZE=ON, so with gcc's ASan + UBSan + LeakSanitizer). Each fuzz_<target>.cpp
// is compiled into this executable with its LLVMFuzzerTestOneInput renamed to vqFuzz_<target>
// (see tests/CMakeLists.txt). Inputs: the committed seeds of tests/fuzz/corpus/<target>/ and every
// file of the malformed-dump corpus of the loader tests, sorted by target as vq_fuzz_seeds sorts
// them. A target aborts on a finding (an exception other than vq::Error, a broken save/load round
// trip); the sanitizers abort on memory errors, undefined behaviour and leaks.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

#include "../core/io/malformed_corpus.h"
#include "../core/io/test_files.h"
#include "fuzz_support.h"

extern "C" {
int vqFuzz_npy(const uint8_t* data, size_t size);
int vqFuzz_npz(const uint8_t* data, size_t size);
int vqFuzz_safetensors(const uint8_t* data, size_t size);
int vqFuzz_sidecar(const uint8_t* data, size_t size);
int vqFuzz_vqalloc(const uint8_t* data, size_t size);
int vqFuzz_calibration(const uint8_t* data, size_t size);
int vqFuzz_alloc_import(const uint8_t* data, size_t size);
}

namespace vq {
namespace {

namespace fs = std::filesystem;
using Entry = int (*)(const uint8_t*, size_t);

struct Target {
  std::string name;
  Entry entry;
};
// Named by the target in test listings (not as a 40-byte object).
void PrintTo(const Target& t, std::ostream* os) { *os << t.name; }

const std::vector<Target>& targets() {
  static const std::vector<Target> all{{"npy", vqFuzz_npy},
                                       {"npz", vqFuzz_npz},
                                       {"safetensors", vqFuzz_safetensors},
                                       {"sidecar", vqFuzz_sidecar},
                                       {"vqalloc", vqFuzz_vqalloc},
                                       {"calibration", vqFuzz_calibration},
                                       {"alloc_import", vqFuzz_alloc_import}};
  return all;
}

void replay(const Target& t, const fs::path& file) {
  SCOPED_TRACE(t.name + " <- " + file.string());
  const std::string bytes = test::readBytes(file);
  // A target returns 0 or aborts the process (with the file named on stderr by the sanitizer's
  // or the target's own report; the trace above is printed for failures that gtest sees).
  std::fprintf(stderr, "replay %s %s (%zu bytes)\n", t.name.c_str(), file.filename().c_str(), bytes.size());
  EXPECT_EQ(t.entry(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0);
}

// The target's scratch folder (/dev/shm/vq-fuzz-<pid>) is the process's own: removed at exit.
class ScratchCleanup : public ::testing::Environment {
 public:
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(fuzz::scratchDir(), ec);
  }
};
const auto* const g_cleanup = ::testing::AddGlobalTestEnvironment(new ScratchCleanup);

class SeedCorpus : public ::testing::TestWithParam<Target> {};

TEST_P(SeedCorpus, EverySeedPassesTheTarget) {
  const Target& t = GetParam();
  const fs::path dir = fs::path(VQ_FUZZ_CORPUS_DIR) / t.name;
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  int replayed = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    replay(t, e.path());
    ++replayed;
  }
  EXPECT_GT(replayed, 0) << "no seed in " << dir;
}

INSTANTIATE_TEST_SUITE_P(Fuzz, SeedCorpus, ::testing::ValuesIn(targets()),
                         [](const ::testing::TestParamInfo<Target>& info) { return info.param.name; });

// The malformed dumps of the loader tests: each of their files through the target of its kind
// (.npz, .safetensors, .npy, JSON sidecar / metadata.json), as vq_fuzz_seeds sorts them.
TEST(MalformedCorpusReplay, EveryFileOfEveryCasePassesItsTarget) {
  std::map<std::string, Entry> byExtension{
      {".npz", vqFuzz_npz}, {".safetensors", vqFuzz_safetensors}, {".npy", vqFuzz_npy}, {".json", vqFuzz_sidecar}};
  test::TempDir dir("vq-malformed-replay");
  std::map<std::string, int> replayed;
  for (const auto& c : test::malformedCases()) {
    test::writeMalformedCase(c.name, dir.path());
    if (!fs::exists(dir / c.name)) continue;
    for (const auto& e : fs::recursive_directory_iterator(dir / c.name)) {
      if (!e.is_regular_file()) continue;
      const std::string ext = e.path().extension().string();
      const auto it = byExtension.find(ext);
      if (it == byExtension.end()) continue;
      replay({ext, it->second}, e.path());
      ++replayed[ext];
    }
  }
  // Every kind of file occurs in the corpus (63 cases, 70 files when this was written).
  for (const auto& [ext, entry] : byExtension) EXPECT_GT(replayed[ext], 0) << ext;
}

}  // namespace
}  // namespace vq
