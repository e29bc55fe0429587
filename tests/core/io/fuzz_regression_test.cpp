// Regressions found by the fuzz targets of tests/fuzz (scripts/fuzz). Each test holds the input
// that failed, minimised, and checks the parser now refuses it with a named vq::Error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "core/common/error.h"
#include "core/io/allocation_import.h"
#include "core/io/dump_metadata.h"
#include "core/io/json_fields.h"

namespace vq::io {
namespace {

namespace fs = std::filesystem;

fs::path writeTemp(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / ("vq-fuzz-regression-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir / name;
}

calib::DumpIdentity fourLayers() {
  calib::DumpIdentity d;
  d.path = "x.npz";
  for (int l = 0; l < 4; ++l) d.layers.push_back({4, 2, 16, 64});
  return d;
}

// fuzz_alloc_import, crash-cb27b5cf…: nlohmann::json throws out_of_range (406, "number overflow"),
// not parse_error, for a number beyond double such as 1e400; it escaped the import as a non-vq
// exception and terminated the fuzzer (in the GUI/CLI: an unexplained failure).
TEST(FuzzRegression, ImportNumberOverflowIsBadJson) {
  for (const char* text : {"[391e3081111113]", "[1e400, 2, 2, 2]", "{\"bit_width_inlier\": -1e999}"}) {
    try {
      (void)importVeloxQuantBits(text, fourLayers(), "turboquant_mse", "bits.json");
      FAIL() << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::BadJson) << text;
      EXPECT_EQ(e.file(), "bits.json");
      EXPECT_NE(e.detail().find("number overflow"), std::string::npos) << e.detail();
    }
  }
}

// The same exception through readJsonFile (allocation files, calibration tables) and the sidecar.
TEST(FuzzRegression, JsonFileNumberOverflowIsBadJson) {
  const fs::path file = writeTemp("overflow.vqalloc.json", "{\"schema\": \"veloxquant.allocation\", \"version\": 1e400}");
  try {
    (void)readJsonFile(file);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadJson);
    EXPECT_EQ(e.file(), file.string());
  }
  const fs::path sidecar = writeTemp("dump.json", "{\"num_kv_heads\": 4e4000}");
  try {
    (void)readSidecar(sidecar, sidecar.parent_path() / "dump.npz");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadJson);
    EXPECT_NE(e.detail().find("dump.npz"), std::string::npos) << e.detail();
  }
  fs::remove_all(file.parent_path());
}

}  // namespace
}  // namespace vq::io
