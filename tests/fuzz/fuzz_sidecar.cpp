// libFuzzer target: the JSON metadata sidecar "<stem>.json" of a dump (model name, layout, head
// counts, bf16 declarations, synthetic flag). The input is the sidecar of a small valid .npz
// (with a bf16 tensor that only the sidecar declares) and of a small valid .safetensors (where it
// is merged over "__metadata__"); both dumps are opened and read. The metadata functions also run
// on the parsed input directly.
#include "fuzz_dump_reading.h"
#include "fuzz_support.h"

#include <vector>

#include <nlohmann/json.hpp>

#include "core/io/dump_metadata.h"
#include "core/io/dump_writer.h"

namespace {

namespace fs = std::filesystem;

void writeSmallDump(const fs::path& path) {
  const std::vector<vq::TensorSpec> specs{{"layer_0.q", vq::DType::F32, {4, 3, 4}},
                                          {"layer_0.k", vq::DType::BF16, {2, 3, 4}},
                                          {"layer_0.v", vq::DType::F16, {2, 3, 4}},
                                          {"layer_1.k", vq::DType::F32, {3, 2, 4}},
                                          {"layer_1.v", vq::DType::F32, {3, 2, 4}}};
  vq::DumpWriter w(path, specs, nlohmann::json{{"model", "fuzz"}, {"num_kv_heads", 2}});
  std::vector<float> values(48 + 24 + 24 + 24 + 24);
  for (size_t i = 0; i < values.size(); ++i) values[i] = 0.125f * float(int(i % 17) - 8);
  w.appendF32(values);
  w.commit();
}

const fs::path& dumpFolder() {
  static const fs::path dir = [] {
    fs::path d = vq::fuzz::scratchDir() / "sidecar";
    fs::create_directories(d);
    writeSmallDump(d / "a.npz");
    writeSmallDump(d / "b.safetensors");
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = vq::fuzz::asText(data, size);
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_discarded()) {
    try {
      const nlohmann::json meta = vq::io::mergeMetadata(vq::io::decodeSafetensorsMetadata(j), j);
      (void)vq::io::metadataFacts(meta);
      (void)vq::io::declaresBf16(meta, "layer_0.k");
      (void)vq::io::metadataModelName(meta);
      (void)vq::io::metadataSynthetic(meta);
    } catch (const vq::Error&) {
    }
  }
  const fs::path& dir = dumpFolder();
  vq::fuzz::writeFile(dir / "a.json", text);
  vq::fuzz::openAndReadDump(dir / "a.npz");
  vq::fuzz::writeFile(dir / "b.json", text);
  vq::fuzz::openAndReadDump(dir / "b.safetensors");
  return 0;
}
