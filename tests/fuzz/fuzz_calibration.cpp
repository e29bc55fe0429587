// libFuzzer target: calibration tables (schema "veloxquant.calibration"), which `veloxquant
// allocate` imports. Whatever calibrationTableFromJson accepts must save and load again to the
// same JSON.
#include "fuzz_json_round_trip.h"
#include "fuzz_support.h"

#include "core/calib/calibration_json.h"
#include "core/common/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::optional<nlohmann::json> j = vq::fuzz::parseJson(vq::fuzz::asText(data, size));
  if (!j) return 0;
  std::optional<vq::calib::CalibrationTable> t;
  try {
    t = vq::calib::calibrationTableFromJson(*j, "fuzz.calib.json");
  } catch (const vq::Error&) {
    return 0;
  }
  const nlohmann::json saved = vq::calib::toJson(*t);
  const vq::calib::CalibrationTable again = vq::calib::calibrationTableFromJson(saved, "saved.calib.json");
  vq::fuzz::requireSameJson(saved, vq::calib::toJson(again), "calibration table");
  return 0;
}
