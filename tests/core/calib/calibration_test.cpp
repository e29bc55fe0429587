// Calibration on the bundled real sample (TinyStories-656K, 2 layers x 4 KV heads, head_dim 16):
// empirical tables, probes, streaming, cancellation, and the JSON file round trip.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stop_token>

#include "core/calib/calibration_json.h"
#include "core/calib/calibrator.h"
#include "core/common/error.h"
#include "core/common/thread_pool.h"

namespace vq::calib {
namespace {

const std::filesystem::path kSample = std::filesystem::path(VQ_SAMPLES_DIR) / "s01_story_kite.npz";

CalibrationTable run(const CalibrationOptions& o, const Progress& p = {}, const GroupCallback& cb = {}) {
  const Dump dump = Dump::open(kSample);
  auto backend = makeCpuBackend(defaultThreadPool());
  return calibrate(dump, o, *backend, p, cb);
}

TEST(Calibration, EmpiricalPerHeadSeparate) {
  CalibrationOptions o;
  size_t streamed = 0;
  const CalibrationTable t = run(o, {}, [&](const GroupResult& r) {
    EXPECT_EQ(r.index, streamed);
    EXPECT_EQ(r.distortion.size(), 4u);
    ++streamed;
  });
  EXPECT_EQ(streamed, 16u);
  ASSERT_EQ(t.groupCount(), 16u);
  ASSERT_EQ(t.entryCount(), 4u);
  EXPECT_EQ(t.settings.metric, Metric::Attention);
  EXPECT_TRUE(t.settings.queries);
  EXPECT_EQ(t.dump.model, "TinyStories-656K");
  EXPECT_EQ(t.dump.hash.rfind("fnv1a64:", 0), 0u);
  double wK = 0, wV = 0;
  for (size_t g = 0; g < 16; ++g) {
    for (size_t c = 0; c < 4; ++c) EXPECT_DOUBLE_EQ(t.bpv[g][c], double(c + 1) + 1.0);  // + fp16 norm / 16
    EXPECT_GT(t.distortion[g][0], t.distortion[g][3]) << t.groups[g].id;
    EXPECT_GT(t.distortion[g][3], 0.0);
    EXPECT_TRUE(t.fit[g].valid);
    EXPECT_GT(t.fit[g].beta, 1.5) << t.groups[g].id;
    (t.groups[g].key.role == GroupRole::K ? wK : wV) += t.weight[g];
  }
  EXPECT_NEAR(wK, 1.0, 1e-12);
  EXPECT_NEAR(wV, 1.0, 1e-12);
  for (size_t c = 0; c < 4; ++c) EXPECT_DOUBLE_EQ(t.menu[c].bpv, double(c + 2));
}

TEST(Calibration, LayerJointEqualsMergedHeads) {
  CalibrationOptions o;
  o.granularity = Granularity::Layer;
  o.kv = KvMode::Joint;
  const CalibrationTable t = run(o);
  ASSERT_EQ(t.groupCount(), 2u);
  EXPECT_EQ(t.groups[0].id, "L0.KV");
  EXPECT_NEAR(t.weight[0] + t.weight[1], 1.0, 1e-12);
  for (size_t g = 0; g < 2; ++g) EXPECT_GT(t.distortion[g][0], t.distortion[g][3]);
}

TEST(Calibration, LayerRowFormatsPerLayer) {
  CalibrationOptions o;
  o.menu.kind = MenuKind::Formats;
  o.menu.formats = {"q4_0", "q8_0", "fp16"};
  EXPECT_THROW(run(o), Error);  // head granularity
  o.granularity = Granularity::Layer;
  const CalibrationTable t = run(o);
  ASSERT_EQ(t.groupCount(), 4u);
  EXPECT_DOUBLE_EQ(t.menu[0].bpv, 4.5);
  EXPECT_DOUBLE_EQ(t.menu[1].bpv, 8.5);
  EXPECT_DOUBLE_EQ(t.menu[2].bpv, 16.0);
  for (size_t g = 0; g < 4; ++g) {
    EXPECT_GT(t.distortion[g][0], t.distortion[g][1]);
    EXPECT_GE(t.distortion[g][1], t.distortion[g][2]);
  }
}

TEST(Calibration, MseWithoutQueriesSaysSo) {
  CalibrationOptions o;
  o.useQueries = false;
  const CalibrationTable t = run(o);
  EXPECT_EQ(t.settings.metric, Metric::Mse);
  EXPECT_FALSE(t.settings.queries);
  ASSERT_FALSE(t.settings.notes.empty());
  EXPECT_NE(t.settings.notes[0].find("relative MSE"), std::string::npos);
  // turboquant_mse on rotated unit vectors: relative MSE near the Lloyd-Max table (d = 16, so loose).
  EXPECT_NEAR(t.distortion[0][0], 0.36, 0.08);
  o.metric = Metric::Attention;
  EXPECT_THROW(run(o), Error);
  o.probe = Probe::Perturb;
  o.metric.reset();
  EXPECT_THROW(run(o), Error);
}

TEST(Calibration, KeyNormAndPerturbProbes) {
  CalibrationOptions o;
  o.probe = Probe::KeyNorm;
  const CalibrationTable k = run(o);
  for (size_t g = 0; g < k.groupCount(); ++g) {
    EXPECT_GT(k.weight[g], 0.0);
    EXPECT_NEAR(k.distortion[g][1], std::pow(3.5, -2.0), 1e-15);
    EXPECT_NEAR(k.fit[g].beta, 3.5, 1e-9);  // D is the model curve in nominal bits = bpv - 1
    EXPECT_DOUBLE_EQ(k.bpv[g][0], 2.0);
  }
  o.probe = Probe::Perturb;
  const CalibrationTable p = run(o);
  double sum = 0;
  for (size_t g = 0; g < p.groupCount(); ++g) {
    EXPECT_GT(p.weight[g], 0.0) << p.groups[g].id;
    sum += p.weight[g];
  }
  EXPECT_GT(sum, 0.0);
}

TEST(Calibration, CancelsAfterTheFirstLayer) {
  std::stop_source stop;
  Progress progress(stop.get_token(), [&](double fraction, std::string_view) {
    if (fraction >= 0.5) stop.request_stop();
  });
  size_t streamed = 0;
  const auto out = std::filesystem::temp_directory_path() / "vq-calib-cancel.json";
  std::filesystem::remove(out);
  try {
    const CalibrationTable t = run(CalibrationOptions{}, progress, [&](const GroupResult&) { ++streamed; });
    saveCalibrationTable(t, out);
    FAIL() << "not cancelled";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Cancelled);
  }
  EXPECT_EQ(streamed, 8u);  // layer 0 only
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(CalibrationJson, RoundTripIsLossless) {
  CalibrationOptions o;
  o.attention.sampleQueries = 40;
  const CalibrationTable t = run(o);
  const auto dir = std::filesystem::temp_directory_path() / "vq-calib-json";
  std::filesystem::create_directories(dir);
  saveCalibrationTable(t, dir / "a.json");
  const CalibrationTable u = loadCalibrationTable(dir / "a.json");
  saveCalibrationTable(u, dir / "b.json");
  auto read = [](const std::filesystem::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(read(dir / "a.json"), read(dir / "b.json"));
  EXPECT_EQ(u.distortion, t.distortion);
  EXPECT_EQ(u.bpv, t.bpv);
  EXPECT_EQ(u.weight, t.weight);
  EXPECT_EQ(u.settings, t.settings);
  EXPECT_EQ(u.dump, t.dump);
  EXPECT_TRUE(isCalibrationTableFile(dir / "a.json"));
  EXPECT_FALSE(isCalibrationTableFile(kSample));
  std::filesystem::remove_all(dir);
}

TEST(CalibrationJson, LoadErrorsNameTheField) {
  CalibrationOptions o;
  o.probe = Probe::KeyNorm;
  const nlohmann::json good = toJson(run(o));
  auto expectError = [&](const std::function<void(nlohmann::json&)>& mutate, const std::string& field) {
    nlohmann::json j = good;
    mutate(j);
    try {
      calibrationTableFromJson(j, "t.json");
      FAIL() << "accepted a table with a bad " << field;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(field), std::string::npos) << e.what();
      EXPECT_EQ(e.file(), "t.json");
    }
  };
  expectError([](auto& j) { j["groups"][2].erase("bpv"); }, "groups[2].bpv");
  expectError([](auto& j) { j["groups"][1]["distortion"][0] = -1.0; }, "distortion[0]");
  expectError([](auto& j) { j["groups"][0]["distortion"].push_back(0.1); }, "groups[0].distortion");
  expectError([](auto& j) { j["menu"][0]["config"]["method"] = "frob"; }, "menu[0].config.method");
  expectError([](auto& j) { j["menu"][1]["bits"] = 9; }, "menu[1].bits");
  expectError([](auto& j) { j["settings"]["probe"] = "guess"; }, "settings.probe");
  expectError([](auto& j) { j["version"] = 99; }, "version");
  expectError([](auto& j) { j["schema"] = "something.else"; }, "schema");
  expectError([](auto& j) { j["groups"][3]["layer"] = 7; }, "groups[3]");
}

}  // namespace
}  // namespace vq::calib
