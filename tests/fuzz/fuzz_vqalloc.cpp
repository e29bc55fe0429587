// libFuzzer target: allocation files (*.vqalloc.json, schema "veloxquant.allocation"). Whatever
// allocationFileFromJson accepts must save and load again to the same JSON.
#include "fuzz_json_round_trip.h"
#include "fuzz_support.h"

#include "core/common/error.h"
#include "core/io/allocation_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::optional<nlohmann::json> j = vq::fuzz::parseJson(vq::fuzz::asText(data, size));
  if (!j) return 0;
  vq::io::AllocationFile f;
  try {
    f = vq::io::allocationFileFromJson(*j, "fuzz.vqalloc.json");
  } catch (const vq::Error&) {
    return 0;
  }
  const nlohmann::json saved = vq::io::toJson(f);
  const vq::io::AllocationFile again = vq::io::allocationFileFromJson(saved, "saved.vqalloc.json");
  vq::fuzz::requireSameJson(saved, vq::io::toJson(again), "allocation file");
  (void)vq::io::calibrationTableOf(f);
  return 0;
}
