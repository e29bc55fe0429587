// *.vqalloc.json: lossless round trip, a golden file of the schema, validation errors that name
// the field, checks against a dump, and the VeloxQuant-MLX list/dict imports.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/calib/calibrator.h"
#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "core/io/allocation_export.h"
#include "core/io/allocation_file.h"
#include "core/io/allocation_import.h"
#include "tests/core/io/allocation_fixture.h"

namespace vq::io {
namespace {

const std::filesystem::path kGolden = std::filesystem::path(VQ_TEST_DATA_DIR) / "golden" / "alloc_export";
const std::filesystem::path kSample = std::filesystem::path(VQ_SAMPLES_DIR) / "s01_story_kite.npz";

std::string readText(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string normalised(nlohmann::json j) {
  j["created_by"] = "veloxquant <version>";
  return j.dump(2) + "\n";
}

TEST(AllocationFile, RoundTripIsByteIdentical) {
  for (const AllocationFile& f : {test::bitsAllocation(), test::formatsAllocation()}) {
    const std::string a = toJson(f).dump(2);
    const AllocationFile g = allocationFileFromJson(nlohmann::json::parse(a));
    EXPECT_EQ(toJson(g).dump(2), a);
    EXPECT_EQ(g.allocation.choice, f.allocation.choice);
    EXPECT_EQ(g.allocation.pinned, f.allocation.pinned);
    EXPECT_EQ(g.allocation.request, f.allocation.request);
  }
  // Through the file system, with a measured section.
  AllocationFile f = test::bitsAllocation();
  alloc::VerifyResult r;
  r.groupDistortion.assign(f.groups.size(), 0.01);
  r.outputError = 0.2;
  r.outputErrorK = 0.15;
  r.bpv = 2.6;
  r.queries = 512;
  setMeasured(f, r);
  const auto dir = std::filesystem::temp_directory_path() / "vq-alloc-file";
  std::filesystem::create_directories(dir);
  saveAllocationFile(f, dir / "a.vqalloc.json");
  saveAllocationFile(loadAllocationFile(dir / "a.vqalloc.json"), dir / "b.vqalloc.json");
  EXPECT_EQ(readText(dir / "a.vqalloc.json"), readText(dir / "b.vqalloc.json"));
  EXPECT_FALSE(loadAllocationFile(dir / "b.vqalloc.json").measured->outputErrorV);
  std::filesystem::remove_all(dir);
}

TEST(AllocationFile, MatchesTheGoldenSchema) {
  const std::string text = normalised(toJson(test::bitsAllocation()));
  const auto path = kGolden / "bits.vqalloc.json";
  if (std::getenv("VQ_UPDATE_GOLDEN")) {
    std::filesystem::create_directories(kGolden);
    std::ofstream(path, std::ios::binary) << text;
  }
  EXPECT_EQ(text, readText(path)) << "regenerate with VQ_UPDATE_GOLDEN=1 after an intended schema change";
  EXPECT_NO_THROW(allocationFileFromJson(nlohmann::json::parse(readText(path))));
}

TEST(AllocationFile, LoadErrorsNameTheField) {
  const nlohmann::json good = toJson(test::bitsAllocation());
  auto expectError = [&](const std::function<void(nlohmann::json&)>& mutate, const std::string& field) {
    nlohmann::json j = good;
    mutate(j);
    try {
      allocationFileFromJson(j, "x.vqalloc.json");
      FAIL() << "accepted a bad " << field;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(field), std::string::npos) << e.what() << "\n  wanted: " << field;
      EXPECT_EQ(e.file(), "x.vqalloc.json");
    }
  };
  expectError([](auto& j) { j["groups"][5]["bits"] = 5; }, "groups[5].bits: turboquant_mse 5b is not in the menu (1, 2, 3, 4)");
  expectError([](auto& j) { j["groups"][2]["method"] = "frobnicate"; }, "groups[2].method: unknown method");
  expectError([](auto& j) { j["groups"][2]["method"] = "q4_0"; }, "groups[2].method: 'q4_0' is not in the menu");
  expectError([](auto& j) { j["menu"][0]["config"]["method"] = "nope"; }, "menu[0].config.method");
  expectError(
      [](auto& j) {
        j["groups"][1]["layer"] = 9;
        j["groups"][1]["id"] = "L9.H0.V";
      },
      "groups[1].layer: layer 9 does not exist");
  expectError(
      [](auto& j) {
        j["groups"][1]["head"] = 5;
        j["groups"][1]["id"] = "L0.H5.V";
      },
      "groups[1].head: KV head 5 does not exist");
  expectError([](auto& j) { j["groups"][1]["id"] = "L0.H0.K"; }, "groups[1].id");
  expectError([](auto& j) { j["budget"]["unit"] = "bytes"; }, "budget.unit");
  expectError([](auto& j) { j["budget"]["rules"][0] = "Q9=1"; }, "budget.rules[0]");
  expectError([](auto& j) { j["budget"].erase("target_k"); }, "budget.target_k: missing");
  expectError([](auto& j) { j["groups"][0]["table"]["bpv"].erase(0); }, "groups[0].table");
  expectError([](auto& j) { j["version"] = 2; }, "version");
  // A hand edit of a group's bits to another menu entry is understood.
  nlohmann::json j = good;
  j["groups"][5]["bits"] = 4;
  EXPECT_EQ(allocationFileFromJson(j).groups[5].entry, 3);
}

TEST(AllocationFile, CheckAgainstTheDump) {
  const Dump dump = Dump::open(kSample);
  auto backend = makeCpuBackend(defaultThreadPool());
  calib::CalibrationOptions o;
  o.probe = calib::Probe::KeyNorm;
  const auto t = calib::calibrate(dump, o, *backend);
  alloc::AllocationRequest req;
  req.target = 2.0;
  const AllocationFile f = makeAllocationFile(t, alloc::allocate(t, req, alloc::AllocatorKind::Optimal));
  EXPECT_TRUE(checkAgainstDump(f, dump).empty());
  const auto plan = verifyPlanFor(f, dump);
  EXPECT_EQ(plan.choice, f.allocation.choice);
  try {
    checkAgainstDump(test::bitsAllocation(), dump);  // 4 layers vs 2
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("dump.layers: the allocation is for 4 layers, this dump has 2"),
              std::string::npos)
        << e.what();
  }
  ASSERT_TRUE(calibrationTableOf(f));
  EXPECT_EQ(calibrationTableOf(f)->distortion, t.distortion);
}

TEST(AllocationImport, ListAndDictForms) {
  const calib::DumpIdentity id = test::bitsAllocation().dump;  // 4 layers x 2 heads
  const AllocationFile list = importVeloxQuantBits("[3, 2, 2, 4]", id);
  EXPECT_EQ(list.calibration.kv, calib::KvMode::Joint);
  ASSERT_EQ(list.groups.size(), 4u);
  EXPECT_EQ(list.menu.size(), 3u);  // 2, 3, 4
  EXPECT_DOUBLE_EQ(list.allocation.achieved, 2.75);
  EXPECT_EQ(exportAllocation(list, ExportFormat::VeloxQuantList).text, "[3, 2, 2, 4]\n");

  const AllocationFile dict = importVeloxQuantBits(
      R"({"layer_0": 4, "layer_1": 2, "layer_3": 2, "layer_2": 3, "value_bits": {"layer_0": 2, "layer_1": 2, "layer_2": 2, "layer_3": 1}})",
      id);
  EXPECT_EQ(dict.calibration.kv, calib::KvMode::Separate);
  ASSERT_EQ(dict.groups.size(), 8u);
  const auto back = exportAllocation(dict, ExportFormat::VeloxQuantDict).text;
  const AllocationFile again = importVeloxQuantBits(back, id);
  EXPECT_EQ(again.allocation.choice.size(), dict.allocation.choice.size());
  for (size_t g = 0; g < dict.groups.size(); ++g)
    EXPECT_EQ(again.menu[size_t(again.groups[g].entry)].bits, dict.menu[size_t(dict.groups[g].entry)].bits);

  // Round trip through our own file format.
  const AllocationFile reread = allocationFileFromJson(toJson(dict));
  EXPECT_EQ(toJson(reread).dump(), toJson(dict).dump());
}

TEST(AllocationImport, ValidationNamesTheProblem) {
  const calib::DumpIdentity id = test::bitsAllocation().dump;
  auto expectError = [&](const std::string& text, const std::string& what) {
    try {
      importVeloxQuantBits(text, id, "turboquant_mse", "bits.json");
      FAIL() << "accepted " << text;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
      EXPECT_EQ(e.file(), "bits.json");
    }
  };
  expectError("[3, 2, 2]", "the list has 3 entries, the dump has 4 layers");
  expectError("[3, 2, 9, 2]", "[2]: turboquant_mse has no 9-bit setting");
  expectError("[3, 2, 2.5, 2]", "[2]: expected an integer");
  expectError(R"({"layer_0": 3, "layer_1": 2, "layer_2": 2})", "layer_3 is missing");
  expectError(R"({"layer_0": 3, "layer_1": 2, "layer_2": 2, "layer_3": 2, "layer_7": 1})", "layer_7: layer 7 does not exist");
  expectError(R"({"layer_0": 3, "layers_1": 2})", "layers_1: not a layer key");
  expectError(R"({"bit_width_inlier": [1, 2, 3, 4], "value_bits": [1, 2]})", "value_bits: the list has 2 entries");
  expectError("[3, 2", "not a JSON list");
  EXPECT_THROW(importVeloxQuantBits("[1,2,3,4]", id, "q4_0"), Error);
  EXPECT_THROW(importVeloxQuantBits("[1,2,3,4]", id, "nope"), Error);
}

}  // namespace
}  // namespace vq::io
