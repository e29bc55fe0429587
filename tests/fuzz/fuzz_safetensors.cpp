// libFuzzer target: a .safetensors dump (8-byte header length, header JSON with dtypes, shapes,
// data offsets and "__metadata__", then the data) opened with Dump::open and read in full.
#include "fuzz_dump_reading.h"
#include "fuzz_support.h"

#include <span>

#include "core/io/safetensors_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The header parser on the bytes themselves (no file, no mapping) ...
  try {
    (void)vq::io::parseSafetensorsHeader(std::as_bytes(std::span(data, size)));
  } catch (const vq::Error&) {
  }
  // ... and the whole loader on a file.
  const std::filesystem::path path = vq::fuzz::scratchDir() / "dump.safetensors";
  vq::fuzz::writeFile(path, vq::fuzz::asText(data, size));
  vq::fuzz::openAndReadDump(path);
  return 0;
}
