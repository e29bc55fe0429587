// libFuzzer target: a .npz dump (ZIP directory, ZIP64 records, stored and deflated members, the
// .npy header of each member) opened with Dump::open and read in full.
#include "fuzz_dump_reading.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::filesystem::path path = vq::fuzz::scratchDir() / "dump.npz";
  vq::fuzz::writeFile(path, vq::fuzz::asText(data, size));
  vq::fuzz::openAndReadDump(path);
  return 0;
}
