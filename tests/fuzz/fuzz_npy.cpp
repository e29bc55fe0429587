// libFuzzer target: a .npy file (magic, version, header length, Python dict literal header,
// payload). The header parser runs on the bytes; then the file is layer_0.k of a folder dump
// beside a valid layer_0.v, opened with Dump::open and read in full.
#include "fuzz_dump_reading.h"
#include "fuzz_support.h"

#include <span>
#include <vector>

#include "core/io/npy_format.h"

namespace {

// A valid [2, 3, 4] f32 layer_0.v.npy, so that a fuzzed k can complete a layer.
std::string validV() {
  const std::vector<int64_t> shape{2, 3, 4};
  std::string npy = vq::io::buildNpyHeader(vq::DType::F32, shape);
  for (int i = 0; i < 24; ++i) {
    const float x = 0.25f * float(i - 12);
    npy.append(reinterpret_cast<const char*>(&x), sizeof x);
  }
  return npy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const vq::io::NpyHeader h = vq::io::parseNpyHeader(std::as_bytes(std::span(data, size)));
    (void)vq::io::npyDtype(h, true);
    (void)vq::io::npyDtype(h, false);
  } catch (const vq::Error&) {
  }
  static const std::filesystem::path folder = [] {
    std::filesystem::path d = vq::fuzz::scratchDir() / "npy-folder";
    std::filesystem::create_directories(d);
    vq::fuzz::writeFile(d / "layer_0.v.npy", validV());
    return d;
  }();
  vq::fuzz::writeFile(folder / "layer_0.k.npy", vq::fuzz::asText(data, size));
  vq::fuzz::openAndReadDump(folder);
  return 0;
}
