// The reader's variants: deflated and mixed .npz, folders of .npy, the three layouts, the other
// naming conventions, bf16/f16 .npy, metadata handling, extra tensors, concurrency.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <thread>

#include "core/common/error.h"
#include "core/common/half.h"
#include "core/io/dump.h"
#include "core/io/dump_writer.h"
#include "test_files.h"

namespace vq {
namespace {

namespace fs = std::filesystem;
using Shape = std::vector<int64_t>;

const fs::path kSamples = VQ_SAMPLES_DIR;
const fs::path kKite = kSamples / "s01_story_kite.npz";

std::string rawBytes(const Dump& d, size_t t) {
  std::string s(d.tensors()[t].bytes, '\0');
  d.readTensorBytes(t, 0, std::as_writable_bytes(std::span(s)));
  return s;
}

void expectSameHeads(const Dump& a, const Dump& b, bool compareQ = true) {
  ASSERT_EQ(a.numLayers(), b.numLayers());
  for (int l = 0; l < a.numLayers(); ++l) {
    for (Role r : {Role::Q, Role::K, Role::V, Role::KPreRope}) {
      if (r == Role::Q && !compareQ) continue;
      ASSERT_EQ(a.has(l, r), b.has(l, r)) << roleName(r);
      if (!a.has(l, r)) continue;
      ASSERT_EQ(a.heads(l, r), b.heads(l, r));
      for (int h = 0; h < a.heads(l, r); ++h) {
        const MatrixRM x = a.readHead(l, r, h), y = b.readHead(l, r, h);
        ASSERT_EQ(x.rows(), y.rows());
        ASSERT_EQ(x.cols(), y.cols());
        ASSERT_EQ(std::memcmp(x.data(), y.data(), size_t(x.size()) * 4), 0) << l << roleName(r) << h;
      }
    }
  }
}

// The sample's tensors as .npy members (optionally deflated: all, or every other one).
std::vector<test::ZipMember> sampleMembers(const Dump& d, int deflateMode) {
  std::vector<test::ZipMember> m;
  for (size_t t = 0; t < d.tensors().size(); ++t) {
    const bool deflate = deflateMode == 1 || (deflateMode == 2 && t % 2 == 1);
    m.push_back({d.tensors()[t].name + ".npy", test::npyBytes("<f4", d.tensors()[t].shape, rawBytes(d, t)), deflate,
                 std::nullopt, std::nullopt, 0});
  }
  return m;
}

// [H,T,d] bytes of f32 -> [T,H,d].
std::string toTHD(const std::string& htd, const Shape& s) {
  const int64_t H = s[0], T = s[1], D = s[2];
  std::string out(htd.size(), '\0');
  for (int64_t h = 0; h < H; ++h)
    for (int64_t t = 0; t < T; ++t)
      std::memcpy(&out[size_t(((t * H + h) * D) * 4)], &htd[size_t(((h * T + t) * D) * 4)], size_t(D * 4));
  return out;
}

// Writes the sample through DumpWriter with renamed tensors and a changed layout.
void writeVariant(const fs::path& path, const Dump& src, const nlohmann::json& meta, bool thd, bool batch,
                  const std::function<std::string(int, Role)>& name, bool withQ = true) {
  std::vector<TensorSpec> specs;
  std::vector<std::string> payloads;
  for (size_t t = 0; t < src.tensors().size(); ++t) {
    const TensorInfo& ti = src.tensors()[t];
    if (ti.role == Role::Q && !withQ) continue;
    Shape s = ti.shape;
    std::string bytes = rawBytes(src, t);
    if (thd) {
      bytes = toTHD(bytes, s);
      s = {s[1], s[0], s[2]};
    }
    if (batch) s.insert(s.begin(), 1);
    specs.push_back({name(ti.layer, ti.role), DType::F32, s});
    payloads.push_back(std::move(bytes));
  }
  DumpWriter w(path, specs, meta);
  for (const std::string& p : payloads) w.appendRaw(std::as_bytes(std::span(p)));
  w.commit();
}

std::string ourName(int l, Role r) { return "layer_" + std::to_string(l) + "." + std::string(roleName(r)); }

TEST(DumpFormats, DeflatedNpzReadsLikeTheStoredSample) {
  test::TempDir dir;
  const Dump sample = Dump::open(kKite);
  for (int mode : {1, 2}) {
    const fs::path p = dir / ("deflated" + std::to_string(mode) + ".npz");
    test::writeBytes(p, test::zipBytes(sampleMembers(sample, mode)));
    const Dump d = Dump::open(p);
    expectSameHeads(sample, d);
    EXPECT_EQ(d.info().layout, Layout::HTD);
    EXPECT_EQ(d.info().layoutSource, "detected");  // no sidecar, but q has 8 heads and k 4
    // Concurrent readers of the same deflated tensors get the same values.
    std::vector<std::thread> threads;
    std::atomic<int> mismatches{0};
    for (int i = 0; i < 6; ++i) {
      threads.emplace_back([&, i] {
        for (int rep = 0; rep < 20; ++rep) {
          const int l = (i + rep) % 2;
          const Role r = std::array{Role::Q, Role::K, Role::V, Role::KPreRope}[size_t(rep % 4)];
          for (int h = 0; h < d.heads(l, r); ++h) {
            const MatrixRM x = d.readHead(l, r, h), y = sample.readHead(l, r, h);
            if (std::memcmp(x.data(), y.data(), size_t(x.size()) * 4) != 0) ++mismatches;
          }
        }
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(mismatches.load(), 0);
  }
}

TEST(DumpFormats, FolderOfNpyFiles) {
  test::TempDir dir;
  const Dump sample = Dump::open(kKite);
  for (size_t t = 0; t < sample.tensors().size(); ++t) {
    test::writeBytes(dir / "kite" / (sample.tensors()[t].name + ".npy"),
                     test::npyBytes("<f4", sample.tensors()[t].shape, rawBytes(sample, t)));
  }
  fs::copy_file(kSamples / "s01_story_kite.json", dir / "kite" / "metadata.json");
  test::writeBytes(dir / "kite" / "notes.txt", "ignored");
  const Dump folder = Dump::open(dir / "kite");
  expectSameHeads(sample, folder);
  EXPECT_EQ(folder.info().container, "npy-folder");
  EXPECT_EQ(folder.info().modelName, "TinyStories-656K");
  const Dump viaFile = Dump::open(dir / "kite" / "layer_1.v.npy");  // opens the whole folder
  EXPECT_EQ(viaFile.info().path, dir / "kite");
  expectSameHeads(sample, viaFile);
}

TEST(DumpFormats, ThdWithHeadCountsInTheMetadata) {
  test::TempDir dir;
  const Dump sample = Dump::open(kKite);
  writeVariant(dir / "thd.safetensors", sample, {{"num_kv_heads", 4}, {"num_heads", 8}}, true, false, ourName);
  const Dump d = Dump::open(dir / "thd.safetensors");
  EXPECT_EQ(d.info().layout, Layout::THD);
  EXPECT_EQ(d.info().layoutSource, "detected");
  EXPECT_EQ(d.tensors()[1].layout, Layout::THD);
  expectSameHeads(sample, d);
  std::vector<float> all(size_t(8 * 97 * 16));
  d.readAllHeads(0, Role::Q, all);
  const MatrixRM h5 = sample.readHead(0, Role::Q, 5);
  EXPECT_EQ(std::memcmp(all.data() + 5 * 97 * 16, h5.data(), size_t(h5.size()) * 4), 0);
}

TEST(DumpFormats, ThdDeclaredWithoutQueries) {
  test::TempDir dir;
  const Dump sample = Dump::open(kKite);
  writeVariant(dir / "thd.npz", sample, {{"layout", "THD"}}, true, false, ourName, false);
  const Dump d = Dump::open(dir / "thd.npz");
  EXPECT_EQ(d.info().layoutSource, "declared");
  EXPECT_FALSE(d.info().hasQueries);
  EXPECT_EQ(d.info().qHeads, 0);
  expectSameHeads(sample, d, false);
}

TEST(DumpFormats, ThdDetectedFromGqaWithHuggingFaceNames) {
  test::TempDir dir;
  const Dump sample = Dump::open(kKite);
  const auto hf = [](int l, Role r) {
    return "model.layers." + std::to_string(l) + ".self_attn." +
           (r == Role::KPreRope ? std::string("k_pre_rope") : std::string(roleName(r)) + "_proj");
  };
  writeVariant(dir / "hf.safetensors", sample, nlohmann::json::object(), true, false, hf);
  const Dump d = Dump::open(dir / "hf.safetensors");
  EXPECT_EQ(d.info().layout, Layout::THD);
  EXPECT_EQ(d.info().layoutSource, "detected");
  // k_pre_rope has no HF name: it is kept as an extra tensor, not a KV role.
  EXPECT_FALSE(d.has(0, Role::KPreRope));
  EXPECT_EQ(d.tensors().size(), 8u);
  for (int l = 0; l < 2; ++l)
    for (Role r : {Role::Q, Role::K, Role::V})
      for (int h = 0; h < d.heads(l, r); ++h) ASSERT_EQ(d.readHead(l, r, h), sample.readHead(l, r, h));
}

TEST(DumpFormats, BatchedHtdAndMlxNames) {
  test::TempDir dir;
  const Dump sample = Dump::open(kKite);
  const auto mlx = [](int l, Role r) {
    const char* n = r == Role::Q ? "queries" : r == Role::K ? "keys" : r == Role::V ? "values" : "keys_pre_rope";
    return "layers." + std::to_string(l) + "." + n;
  };
  writeVariant(dir / "b.npz", sample, nlohmann::json::object(), false, true, mlx);
  const Dump d = Dump::open(dir / "b.npz");
  EXPECT_EQ(d.tensors()[0].layout, Layout::BHTD);
  EXPECT_EQ(d.info().layoutSource, "no rank-3 tensors");
  for (int l = 0; l < 2; ++l)
    for (Role r : {Role::Q, Role::K, Role::V})
      for (int h = 0; h < d.heads(l, r); ++h) ASSERT_EQ(d.readHead(l, r, h), sample.readHead(l, r, h));
}

TEST(DumpFormats, Bf16AndF16Npy) {
  test::TempDir dir;
  const std::vector<float> vals = test::testValues(2 * 3 * 4, 5);
  std::string bf, hf;
  for (float x : vals) {
    const uint16_t b = floatToBf16(x), h = floatToFp16(x);
    bf.append(reinterpret_cast<const char*>(&b), 2);
    hf.append(reinterpret_cast<const char*>(&h), 2);
  }
  test::writeBytes(dir / "d" / "layer_0.k.npy", test::npyBytes("<V2", Shape{2, 3, 4}, bf));
  test::writeBytes(dir / "d" / "layer_0.v.npy", test::npyBytes("<f2", Shape{2, 3, 4}, hf));
  test::writeBytes(dir / "d" / "metadata.json", R"({"tensors": {"layer_0.k": {"dtype": "bfloat16"}}})");
  const Dump d = Dump::open(dir / "d");
  EXPECT_EQ(d.info().dtype, DType::BF16);
  EXPECT_TRUE(d.info().mixedDtypes);
  const MatrixRM k1 = d.readHead(0, Role::K, 1), v1 = d.readHead(0, Role::V, 1);
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(k1.data()[i], bf16ToFloat(floatToBf16(vals[size_t(12 + i)])));
    EXPECT_EQ(v1.data()[i], fp16ToFloat(floatToFp16(vals[size_t(12 + i)])));
  }
}

TEST(DumpFormats, ExtraTensorsAreKeptOrIgnored) {
  test::TempDir dir;
  const Dump sample = Dump::open(kKite);
  auto members = sampleMembers(sample, 0);
  members.push_back({"token_ids.npy", test::npyBytes("<i8", Shape{97}, std::string(97 * 8, '\0')), false, {}, {}, 0});
  members.push_back({"norms.npy", test::npyF32({4}, {1, 2, 3, 4}), false, {}, {}, 0});
  members.push_back({"README.txt", "not a tensor", false, {}, {}, 0});
  test::writeBytes(dir / "x.npz", test::zipBytes(members));
  const Dump d = Dump::open(dir / "x.npz");
  ASSERT_EQ(d.tensors().size(), 9u);
  EXPECT_EQ(d.tensors().back().name, "norms");
  EXPECT_EQ(d.tensors().back().layer, -1);
  ASSERT_EQ(d.info().ignoredTensors.size(), 1u);
  EXPECT_NE(d.info().ignoredTensors[0].find("token_ids"), std::string::npos);
  expectSameHeads(sample, d);
}

TEST(DumpFormats, SafetensorsMetadataIsDecodedAndTheSidecarWins) {
  test::TempDir dir;
  const Dump sample = Dump::open(kKite);
  writeVariant(dir / "m.safetensors", sample, {{"model", "from-header"}, {"synthetic", true}, {"num_kv_heads", 4}}, false,
               false, ourName);
  Dump d = Dump::open(dir / "m.safetensors");
  EXPECT_EQ(d.info().modelName, "from-header");
  EXPECT_TRUE(d.info().synthetic);
  EXPECT_EQ(d.info().metadata["num_kv_heads"], 4);
  test::writeBytes(dir / "m.json", R"({"model": "from-sidecar"})");
  d = Dump::open(dir / "m.safetensors");
  EXPECT_EQ(d.info().modelName, "from-sidecar");
  EXPECT_TRUE(d.info().synthetic);
}

TEST(DumpFormats, NanAndInfLoad) {
  test::TempDir dir;
  std::vector<float> v(2 * 3 * 4, 0.5f);
  v[0] = std::nanf("");
  v[5] = INFINITY;
  v[7] = -INFINITY;
  test::writeBytes(dir / "n.npz", test::zipBytes({{"layer_0.k.npy", test::npyF32({2, 3, 4}, v), false, {}, {}, 0},
                                                  {"layer_0.v.npy", test::npyF32({2, 3, 4}, v), true, {}, {}, 0}}));
  const Dump d = Dump::open(dir / "n.npz");
  const MatrixRM v0 = d.readHead(0, Role::V, 0);
  EXPECT_TRUE(std::isnan(v0(0, 0)));
  EXPECT_TRUE(std::isinf(v0(1, 1)));
}

TEST(DumpFormats, RecognisedByContentWhateverTheExtension) {
  test::TempDir dir;
  fs::copy_file(kKite, dir / "kite.bin");
  fs::copy_file(kSamples / "s01_story_kite.safetensors", dir / "kite.dat");
  EXPECT_EQ(Dump::open(dir / "kite.bin").info().container, "npz");
  EXPECT_EQ(Dump::open(dir / "kite.dat").info().container, "safetensors");
}

TEST(DumpFormats, NpyVersion2HeaderAndZipComment) {
  test::TempDir dir;
  const std::vector<float> v = test::testValues(24, 9);
  std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4), }";
  dict.append(64 - (12 + dict.size() + 1) % 64, ' ');
  dict += '\n';
  std::string npy2 = "\x93NUMPY";
  npy2 += '\x02';
  npy2 += '\x00';
  for (int i = 0; i < 4; ++i) npy2 += char((dict.size() >> (8 * i)) & 0xFF);
  npy2 += dict + test::floatBytes(v);
  std::string zip = test::zipBytes({{"layer_0.k.npy", npy2, false, {}, {}, 0},
                                    {"layer_0.v.npy", test::npyF32({2, 3, 4}, v), false, {}, {}, 0}});
  const std::string comment = "made by a test";
  test::patchLE16(zip, test::zipEocdOffset(zip) + 20, uint16_t(comment.size()));
  zip += comment;
  test::writeBytes(dir / "c.npz", zip);
  const Dump d = Dump::open(dir / "c.npz");
  EXPECT_EQ(d.readHead(0, Role::K, 1), d.readHead(0, Role::V, 1));
}

}  // namespace
}  // namespace vq
