#include "malformed_corpus.h"

#include <functional>
#include <stdexcept>

#include "test_files.h"

namespace vq::test {

namespace {

namespace fs = std::filesystem;
using Shape = std::vector<int64_t>;
using Writer = std::function<fs::path(const fs::path& caseDir)>;

const Shape kKv{2, 3, 4};  // heads, tokens, head_dim of a small valid KV tensor
const Shape kQ{4, 3, 4};

int64_t count(const Shape& s) {
  int64_t n = 1;
  for (int64_t d : s) n *= d;
  return n;
}

std::string f32Npy(const Shape& s, uint32_t seed = 1) { return npyF32(s, testValues(size_t(count(s)), seed)); }

ZipMember member(const std::string& tensor, std::string npy, bool deflate = false) {
  return ZipMember{tensor + ".npy", std::move(npy), deflate, std::nullopt, std::nullopt, 0};
}

// A valid layer: k and v of shape kKv (and q when asked).
std::vector<ZipMember> layerMembers(int layer, bool q = false, bool deflate = false) {
  const std::string p = "layer_" + std::to_string(layer) + ".";
  std::vector<ZipMember> m{member(p + "k", f32Npy(kKv, 10 + uint32_t(layer)), deflate),
                           member(p + "v", f32Npy(kKv, 20 + uint32_t(layer)), deflate)};
  if (q) m.push_back(member(p + "q", f32Npy(kQ, 30 + uint32_t(layer)), deflate));
  return m;
}

fs::path writeNpz(const fs::path& dir, const std::vector<ZipMember>& members, const std::string& file = "dump.npz") {
  writeBytes(dir / file, zipBytes(members));
  return dir / file;
}

fs::path writeNpz(const fs::path& dir, const std::string& zip) {
  writeBytes(dir / "dump.npz", zip);
  return dir / "dump.npz";
}

// A folder "dump" of .npy files; returns the path of the first file (opening it opens the folder).
fs::path writeNpyFolder(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& files) {
  for (const auto& [name, bytes] : files) writeBytes(dir / "dump" / (name + ".npy"), bytes);
  return dir / "dump" / (files.front().first + ".npy");
}

struct StTensor {
  std::string name, dtype;
  Shape shape;
  size_t itemSize = 4;
};

// A consistent safetensors file of zero-filled tensors.
fs::path writeSafetensors(const fs::path& dir, const std::vector<StTensor>& tensors) {
  std::string header = "{", payload;
  for (const StTensor& t : tensors) {
    const size_t bytes = size_t(count(t.shape)) * t.itemSize;
    if (header.size() > 1) header += ",";
    std::string shape;
    for (int64_t d : t.shape) shape += (shape.empty() ? "" : ",") + std::to_string(d);
    header += "\"" + t.name + "\":{\"dtype\":\"" + t.dtype + "\",\"shape\":[" + shape +
              "],\"data_offsets\":[" + std::to_string(payload.size()) + "," +
              std::to_string(payload.size() + bytes) + "]}";
    payload.append(bytes, '\x01');
  }
  header += "}";
  writeBytes(dir / "dump.safetensors", safetensorsBytes(header, payload));
  return dir / "dump.safetensors";
}

fs::path writeSafetensorsRaw(const fs::path& dir, const std::string& header, size_t payloadBytes) {
  writeBytes(dir / "dump.safetensors", safetensorsBytes(header, std::string(payloadBytes, '\0')));
  return dir / "dump.safetensors";
}

// A valid .npz (one layer) with the sidecar text `json`.
fs::path npzWithSidecar(const fs::path& dir, const std::string& json) {
  writeBytes(dir / "dump.json", json);
  return writeNpz(dir, layerMembers(0));
}

struct Case {
  MalformedCase info;
  Writer write;
};

const std::vector<Case>& cases() {
  using E = ErrorCode;
  static const std::vector<Case> all = {
      // Empty, missing and unrecognised inputs.
      {{"empty_npz", E::Truncated}, [](const fs::path& d) { writeBytes(d / "empty.npz", ""); return d / "empty.npz"; }},
      {{"empty_safetensors", E::Truncated},
       [](const fs::path& d) { writeBytes(d / "empty.safetensors", ""); return d / "empty.safetensors"; }},
      {{"empty_npy", E::Truncated}, [](const fs::path& d) { return writeNpyFolder(d, {{"layer_0.k", ""}}); }},
      {{"empty_archive", E::EmptyDump}, [](const fs::path& d) { return writeNpz(d, std::vector<ZipMember>{}); }},
      {{"empty_folder", E::EmptyDump}, [](const fs::path& d) { fs::create_directories(d / "dump"); return d / "dump"; }},
      {{"folder_without_dump", E::EmptyDump},
       [](const fs::path& d) { writeBytes(d / "dump" / "README.txt", "no tensors here\n"); return d / "dump"; }},
      {{"npz_without_kv_tensors", E::EmptyDump},
       [](const fs::path& d) { return writeNpz(d, {member("tokens", f32Npy({16}))}); }},
      {{"does_not_exist", E::NotFound}, [](const fs::path& d) { return d / "no_such_dump"; }},
      {{"unknown_format", E::UnknownFormat},
       [](const fs::path& d) { writeBytes(d / "notes.txt", "just some text\n"); return d / "notes.txt"; }},
      // Magic and truncation.
      {{"npz_bad_magic", E::BadMagic},
       [](const fs::path& d) { return writeNpz(d, std::string("this is not a zip archive, only text\n")); }},
      {{"npy_bad_magic", E::BadMagic},
       [](const fs::path& d) {
         return writeNpyFolder(d, {{"layer_0.k", "NOTNUMPY" + std::string(120, ' ')}, {"layer_0.v", f32Npy(kKv)}});
       }},
      {{"npz_truncated", E::Truncated},
       [](const fs::path& d) {
         const std::string zip = zipBytes(layerMembers(0));
         return writeNpz(d, zip.substr(0, zip.size() / 2));
       }},
      {{"npy_truncated_data", E::Truncated},
       [](const fs::path& d) {
         const std::string npy = f32Npy(kKv);
         return writeNpyFolder(d, {{"layer_0.k", npy.substr(0, npy.size() - 40)}, {"layer_0.v", f32Npy(kKv)}});
       }},
      {{"npy_header_length_beyond_file", E::BadHeader},
       [](const fs::path& d) {
         std::string npy = f32Npy(kKv);
         patchLE16(npy, 8, 0xFFF0);
         return writeNpyFolder(d, {{"layer_0.k", npy}, {"layer_0.v", f32Npy(kKv)}});
       }},
      {{"npz_shape_larger_than_data", E::Truncated},
       [](const fs::path& d) {
         return writeNpz(d, {member("layer_0.k", npyBytes("<f4", Shape{2, 3000, 4}, floatBytes(testValues(24, 1)))),
                             member("layer_0.v", f32Npy(kKv))});
       }},
      // Shapes.
      {{"npy_negative_dim", E::BadShape},
       [](const fs::path& d) {
         return writeNpyFolder(d, {{"layer_0.k", npyBytes("<f4", "(2, -3, 4)", std::string(96, '\0'))}});
       }},
      {{"npy_overflowing_dims", E::BadShape},
       [](const fs::path& d) {
         return writeNpyFolder(
             d, {{"layer_0.k", npyBytes("<f4", "(4611686018427387904, 4611686018427387904, 16)", std::string(96, '\0'))}});
       }},
      {{"npy_dim_beyond_int64", E::BadShape},
       [](const fs::path& d) {
         return writeNpyFolder(d, {{"layer_0.k", npyBytes("<f4", "(99999999999999999999999, 3, 4)", "")}});
       }},
      {{"safetensors_overflowing_dims", E::BadShape},
       [](const fs::path& d) {
         return writeSafetensorsRaw(
             d, R"({"layer_0.k":{"dtype":"F32","shape":[4611686018427387904,4611686018427387904,16],"data_offsets":[0,0]}})", 0);
       }},
      {{"safetensors_negative_dim", E::BadShape},
       [](const fs::path& d) {
         return writeSafetensorsRaw(d, R"({"layer_0.k":{"dtype":"F32","shape":[2,-3,4],"data_offsets":[0,0]}})", 0);
       }},
      {{"safetensors_zero_tokens", E::BadShape},
       [](const fs::path& d) {
         return writeSafetensors(d, {{"layer_0.k", "F32", {2, 0, 4}}, {"layer_0.v", "F32", {2, 0, 4}}});
       }},
      {{"kv_rank_2", E::BadShape},
       [](const fs::path& d) { return writeNpz(d, {member("layer_0.k", f32Npy({6, 4})), member("layer_0.v", f32Npy({6, 4}))}); }},
      {{"kv_rank_4_leading_not_1", E::BadShape},
       [](const fs::path& d) {
         return writeNpz(d, {member("layer_0.k", f32Npy({2, 2, 3, 4})), member("layer_0.v", f32Npy({2, 2, 3, 4}))});
       }},
      // Dtypes and order.
      {{"npy_dtype_f8", E::UnsupportedDtype},
       [](const fs::path& d) {
         return writeNpyFolder(d, {{"layer_0.k", npyBytes("<f8", kKv, std::string(192, '\0'))}, {"layer_0.v", f32Npy(kKv)}});
       }},
      {{"npz_dtype_i4", E::UnsupportedDtype},
       [](const fs::path& d) {
         return writeNpz(d, {member("layer_0.k", npyBytes("<i4", kKv, std::string(96, '\0'))), member("layer_0.v", f32Npy(kKv))});
       }},
      {{"npy_big_endian", E::UnsupportedDtype},
       [](const fs::path& d) {
         return writeNpyFolder(d, {{"layer_0.k", npyBytes(">f4", kKv, std::string(96, '\0'))}, {"layer_0.v", f32Npy(kKv)}});
       }},
      {{"npy_raw_v2_without_bf16_declaration", E::UnsupportedDtype},
       [](const fs::path& d) {
         return writeNpyFolder(d, {{"layer_0.k", npyBytes("<V2", kKv, std::string(48, '\0'))}, {"layer_0.v", f32Npy(kKv)}});
       }},
      {{"safetensors_dtype_I8", E::UnsupportedDtype},
       [](const fs::path& d) { return writeSafetensors(d, {{"layer_0.k", "I8", kKv, 1}, {"layer_0.v", "F32", kKv}}); }},
      {{"safetensors_unknown_dtype", E::UnsupportedDtype},
       [](const fs::path& d) { return writeSafetensors(d, {{"layer_0.k", "F7", kKv, 1}, {"layer_0.v", "F32", kKv}}); }},
      {{"npy_fortran_order", E::FortranOrder},
       [](const fs::path& d) {
         return writeNpyFolder(d, {{"layer_0.k", npyBytes("<f4", kKv, std::string(96, '\0'), true)}, {"layer_0.v", f32Npy(kKv)}});
       }},
      // Headers.
      {{"npy_header_not_a_dict", E::BadHeader},
       [](const fs::path& d) { return writeNpyFolder(d, {{"layer_0.k", npyWithHeaderText("[1, 2, 3]", "")}}); }},
      {{"npy_header_without_shape", E::BadHeader},
       [](const fs::path& d) {
         return writeNpyFolder(d, {{"layer_0.k", npyWithHeaderText("{'descr': '<f4', 'fortran_order': False, }", "")}});
       }},
      {{"npy_unknown_version", E::BadHeader},
       [](const fs::path& d) {
         std::string npy = f32Npy(kKv);
         npy[6] = 9;
         return writeNpyFolder(d, {{"layer_0.k", npy}});
       }},
      {{"safetensors_invalid_json", E::BadJson},
       [](const fs::path& d) { return writeSafetensorsRaw(d, R"({"layer_0.k": {"dtype": "F32", )", 0); }},
      {{"safetensors_header_length_beyond_file", E::BadHeader},
       [](const fs::path& d) {
         std::string st = safetensorsBytes(R"({"layer_0.k":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", "abcd");
         patchLE64(st, 0, 1000000);
         writeBytes(d / "dump.safetensors", st);
         return d / "dump.safetensors";
       }},
      {{"safetensors_header_not_object", E::BadHeader},
       [](const fs::path& d) { return writeSafetensorsRaw(d, "[1, 2, 3]", 0); }},
      // Offsets.
      {{"safetensors_offsets_out_of_range", E::OffsetOutOfRange},
       [](const fs::path& d) {
         return writeSafetensorsRaw(
             d, R"({"layer_0.k":{"dtype":"F32","shape":[2,3,4],"data_offsets":[96,192]},"layer_0.v":{"dtype":"F32","shape":[2,3,4],"data_offsets":[0,96]}})",
             150);
       }},
      {{"safetensors_offsets_overlap", E::OffsetOutOfRange},
       [](const fs::path& d) {
         return writeSafetensorsRaw(
             d, R"({"layer_0.k":{"dtype":"F32","shape":[2,3,4],"data_offsets":[0,96]},"layer_0.v":{"dtype":"F32","shape":[2,3,4],"data_offsets":[48,144]}})",
             144);
       }},
      {{"safetensors_offsets_reversed", E::OffsetOutOfRange},
       [](const fs::path& d) {
         return writeSafetensorsRaw(d, R"({"layer_0.k":{"dtype":"F32","shape":[2,3,4],"data_offsets":[96,0]}})", 96);
       }},
      {{"safetensors_offsets_size_mismatch", E::BadHeader},
       [](const fs::path& d) {
         return writeSafetensorsRaw(d, R"({"layer_0.k":{"dtype":"F32","shape":[2,3,4],"data_offsets":[0,90]}})", 96);
       }},
      // ZIP structure.
      {{"npz_bad_crc", E::Corrupt},
       [](const fs::path& d) {
         auto m = layerMembers(0, false, true);
         m[0].crc = 0x12345678;
         return writeNpz(d, m);
       }},
      {{"npz_corrupt_deflate_stream", E::Corrupt},
       [](const fs::path& d) {
         ZipMember bad{"layer_0.k.npy", std::string(200, '\xff'), false, uint16_t(8), std::nullopt, 0};
         return writeNpz(d, {bad, member("layer_0.v", f32Npy(kKv))});
       }},
      {{"npz_unsupported_method", E::UnsupportedCompression},
       [](const fs::path& d) {
         auto m = layerMembers(0);
         m[0].method = 12;  // bzip2
         return writeNpz(d, m);
       }},
      {{"npz_encrypted_member", E::UnsupportedCompression},
       [](const fs::path& d) {
         auto m = layerMembers(0);
         m[1].flags = 1;
         return writeNpz(d, m);
       }},
      {{"npz_central_directory_outside_file", E::Corrupt},
       [](const fs::path& d) {
         std::string zip = zipBytes(layerMembers(0));
         patchLE32(zip, zipEocdOffset(zip) + 16, 0x7FFFFFF0);
         return writeNpz(d, zip);
       }},
      {{"npz_local_header_outside_file", E::OffsetOutOfRange},
       [](const fs::path& d) {
         std::string zip = zipBytes(layerMembers(0));
         patchLE32(zip, zipCentralOffset(zip) + 42, 0x7FFFFFF0);
         return writeNpz(d, zip);
       }},
      {{"npz_zip64_locator_outside_file", E::Corrupt},
       [](const fs::path& d) {
         std::string zip = zipBytes(layerMembers(0));
         std::string locator;
         locator.resize(20);
         patchLE32(locator, 0, 0x07064b50);
         patchLE64(locator, 8, 0xFFFFFFFFFFull);
         zip.insert(zipEocdOffset(zip), locator);
         return writeNpz(d, zip);
       }},
      {{"npz_inflated_size_implausible", E::Corrupt},
       [](const fs::path& d) {
         std::string zip = zipBytes(layerMembers(0, false, true));
         patchLE32(zip, zipCentralOffset(zip) + 24, 0xFFFFFFF0);
         return writeNpz(d, zip);
       }},
      {{"npz_duplicate_member", E::DuplicateTensor},
       [](const fs::path& d) {
         auto m = layerMembers(0);
         m.push_back(member("layer_0.k", f32Npy(kKv, 99)));
         return writeNpz(d, m);
       }},
      // Names and the KV model.
      {{"safetensors_duplicate_name", E::DuplicateTensor},
       [](const fs::path& d) {
         return writeSafetensorsRaw(
             d, R"({"layer_0.k":{"dtype":"F32","shape":[2,3,4],"data_offsets":[0,96]},"layer_0.k":{"dtype":"F32","shape":[2,3,4],"data_offsets":[96,192]}})",
             192);
       }},
      {{"safetensors_duplicate_role", E::DuplicateTensor},
       [](const fs::path& d) {
         return writeSafetensors(d, {{"layer_0.k", "F32", kKv}, {"model.layers.0.self_attn.k_proj", "F32", kKv},
                                     {"layer_0.v", "F32", kKv}});
       }},
      {{"npz_missing_v", E::MissingTensor},
       [](const fs::path& d) { return writeNpz(d, {member("layer_0.k", f32Npy(kKv))}); }},
      {{"safetensors_missing_k", E::MissingTensor},
       [](const fs::path& d) { return writeSafetensors(d, {{"layer_0.v", "F32", kKv}, {"layer_0.q", "F32", kQ}}); }},
      {{"npz_layer_gap", E::MissingTensor},
       [](const fs::path& d) {
         auto m = layerMembers(0);
         for (auto& x : layerMembers(2)) m.push_back(x);
         return writeNpz(d, m);
       }},
      {{"safetensors_inconsistent_heads", E::InconsistentDump},
       [](const fs::path& d) { return writeSafetensors(d, {{"layer_0.k", "F32", {2, 3, 4}}, {"layer_0.v", "F32", {3, 3, 4}}}); }},
      {{"npz_q_heads_not_multiple", E::InconsistentDump},
       [](const fs::path& d) {
         auto m = layerMembers(0);
         m.push_back(member("layer_0.q", f32Npy({3, 3, 4})));
         return writeNpz(d, m);
       }},
      {{"npz_inconsistent_head_dim", E::InconsistentDump},
       [](const fs::path& d) {
         return writeNpz(d, {member("layer_0.k", f32Npy({2, 3, 4})), member("layer_0.v", f32Npy({2, 3, 8}))});
       }},
      {{"npz_inconsistent_tokens", E::InconsistentDump},
       [](const fs::path& d) {
         return writeNpz(d, {member("layer_0.k", f32Npy({2, 3, 4})), member("layer_0.v", f32Npy({2, 5, 4}))});
       }},
      {{"ambiguous_layout", E::AmbiguousLayout},
       [](const fs::path& d) { return writeSafetensors(d, {{"layers.0.keys", "F32", kKv}, {"layers.0.values", "F32", kKv}}); }},
      {{"metadata_heads_contradict_shapes", E::InconsistentDump},
       [](const fs::path& d) { return npzWithSidecar(d, R"({"num_kv_heads": 5})"); }},
      // Sidecar.
      {{"sidecar_invalid_json", E::BadJson}, [](const fs::path& d) { return npzWithSidecar(d, R"({"model": )"); }},
      {{"sidecar_not_an_object", E::BadJson}, [](const fs::path& d) { return npzWithSidecar(d, "[1, 2]"); }},
      {{"sidecar_bad_layout", E::BadJson}, [](const fs::path& d) { return npzWithSidecar(d, R"({"layout": "TDH"})"); }},
  };
  return all;
}

}  // namespace

const std::vector<MalformedCase>& malformedCases() {
  static const std::vector<MalformedCase> infos = [] {
    std::vector<MalformedCase> v;
    for (const Case& c : cases()) v.push_back(c.info);
    return v;
  }();
  return infos;
}

std::filesystem::path writeMalformedCase(const std::string& name, const std::filesystem::path& dir) {
  for (const Case& c : cases()) {
    if (c.info.name != name) continue;
    const fs::path caseDir = dir / name;
    fs::create_directories(caseDir);
    return c.write(caseDir);
  }
  throw std::out_of_range("no malformed case named " + name);
}

std::vector<std::pair<std::filesystem::path, ErrorCode>> writeMalformedCorpus(const std::filesystem::path& dir) {
  std::vector<std::pair<fs::path, ErrorCode>> out;
  for (const Case& c : cases()) out.emplace_back(writeMalformedCase(c.info.name, dir), c.info.expected);
  return out;
}

}  // namespace vq::test
