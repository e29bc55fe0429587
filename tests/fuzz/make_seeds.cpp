// Writes the malformed-dump corpus of the loader tests (tests/core/io/malformed_corpus.cpp, each
// case a file or folder that Dump::open must refuse with a named error) as fuzz seeds, sorted by
// target: <out>/npz/, <out>/safetensors/, <out>/npy/ (every .npy of a case) and <out>/sidecar/
// (every JSON sidecar or metadata.json). scripts/fuzz runs it into the working corpus.
// Usage: vq_fuzz_seeds <output folder>
#include <cstdio>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "malformed_corpus.h"

namespace fs = std::filesystem;

namespace {

int g_written = 0;

void copySeed(const fs::path& from, const fs::path& outDir, const std::string& target, const std::string& name) {
  fs::create_directories(outDir / target);
  fs::copy_file(from, outDir / target / ("malformed_" + name), fs::copy_options::overwrite_existing);
  ++g_written;
}

void sortCase(const std::string& caseName, const fs::path& caseDir, const fs::path& out) {
  for (const auto& e : fs::recursive_directory_iterator(caseDir)) {
    if (!e.is_regular_file()) continue;
    const fs::path& p = e.path();
    const std::string ext = p.extension().string();
    const std::string name = caseName + "_" + p.filename().string();
    if (ext == ".npz") copySeed(p, out, "npz", name);
    else if (ext == ".safetensors") copySeed(p, out, "safetensors", name);
    else if (ext == ".npy") copySeed(p, out, "npy", name);
    else if (ext == ".json") copySeed(p, out, "sidecar", name);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: vq_fuzz_seeds <output folder>\n");
    return 2;
  }
  const fs::path out = argv[1];
  const fs::path work = fs::temp_directory_path() / ("vq-fuzz-seeds-" + std::to_string(::getpid()));
  fs::create_directories(work);
  for (const auto& c : vq::test::malformedCases()) {
    vq::test::writeMalformedCase(c.name, work);
    if (fs::exists(work / c.name)) sortCase(c.name, work / c.name, out);
  }
  fs::remove_all(work);
  std::printf("vq_fuzz_seeds: %d seed files from %zu malformed cases in %s\n", g_written,
              vq::test::malformedCases().size(), out.c_str());
  return 0;
}
