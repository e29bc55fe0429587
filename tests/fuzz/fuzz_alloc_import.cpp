// libFuzzer target: importing VeloxQuant-MLX bit-width allocations (list form, dict form, and
// {"bit_width_inlier", "value_bits"} with list / dict / int values). The first input byte picks
// the dump's layer count (1..8) and the method; the rest is the text. An import that succeeds
// must give an allocation file that saves and loads again to the same JSON.
#include "fuzz_json_round_trip.h"
#include "fuzz_support.h"

#include "core/common/error.h"
#include "core/io/allocation_import.h"
#include "core/quant/registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto& methods = vq::quant::methodRegistry();
  const int layers = 1 + data[0] % 8;
  const std::string method = (data[0] >> 3) == 0 ? "turboquant_mse" : methods[(data[0] >> 3) % methods.size()].name;
  vq::calib::DumpIdentity dump;
  dump.path = "fuzz.npz";
  dump.model = "fuzz";
  dump.hash = "fnv1a64:0123456789abcdef";
  for (int l = 0; l < layers; ++l) dump.layers.push_back({4, 2, 16, 64});
  vq::io::AllocationFile f;
  try {
    f = vq::io::importVeloxQuantBits(vq::fuzz::asText(data + 1, size - 1), dump, method, "fuzz.json");
  } catch (const vq::Error&) {
    return 0;
  }
  const nlohmann::json saved = vq::io::toJson(f);
  const vq::io::AllocationFile again = vq::io::allocationFileFromJson(saved, "saved.vqalloc.json");
  vq::fuzz::requireSameJson(saved, vq::io::toJson(again), "imported allocation");
  return 0;
}
