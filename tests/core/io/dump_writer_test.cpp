// DumpWriter and writeDump: round trips through .npz and .safetensors in every dtype, conversion
// between containers, ZIP64, and failures that must leave the disk as it was.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstring>
#include <stop_token>

#include "core/common/error.h"
#include "core/common/half.h"
#include "core/io/dump.h"
#include "core/io/dump_writer.h"
#include "test_files.h"

namespace vq {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = VQ_SAMPLES_DIR;

// A small dump with GQA, k_pre_rope, and a second (sliding-window) layer with fewer tokens.
struct SmallDump {
  std::vector<TensorSpec> specs;
  std::vector<std::vector<float>> values;  // per spec

  explicit SmallDump(DType dtype) {
    const int64_t hq = 4, hkv = 2, d = 8;
    const int64_t tokens[2] = {5, 3};
    uint32_t seed = 1;
    for (int l = 0; l < 2; ++l) {
      const std::string p = "layer_" + std::to_string(l) + ".";
      for (const auto& [role, heads] : {std::pair{"q", hq}, {"k", hkv}, {"v", hkv}, {"k_pre_rope", hkv}}) {
        specs.push_back({p + role, dtype, {heads, tokens[l], d}});
        values.push_back(test::testValues(size_t(heads * tokens[l] * d), seed++));
      }
    }
  }

  // What reading back gives: the values rounded to the dtype.
  static float rounded(float x, DType t) {
    if (t == DType::F16) return fp16ToFloat(floatToFp16(x));
    if (t == DType::BF16) return bf16ToFloat(floatToBf16(x));
    return x;
  }

  void write(const fs::path& path, const nlohmann::json& meta, DumpWriterOptions options = {}) const {
    DumpWriter w(path, specs, meta, options);
    // Append in odd chunks that straddle tensor boundaries of equal dtype.
    std::vector<float> all;
    for (const auto& v : values) all.insert(all.end(), v.begin(), v.end());
    for (size_t i = 0; i < all.size(); i += 7) w.appendF32(std::span(all).subspan(i, std::min<size_t>(7, all.size() - i)));
    w.commit();
  }

  void expectReadBack(const Dump& dump) const {
    ASSERT_EQ(dump.numLayers(), 2);
    for (size_t s = 0; s < specs.size(); ++s) {
      const int layer = int(s / 4);
      const Role role = std::array{Role::Q, Role::K, Role::V, Role::KPreRope}[s % 4];
      const auto& shape = specs[s].shape;
      ASSERT_EQ(dump.heads(layer, role), shape[0]);
      for (int h = 0; h < shape[0]; ++h) {
        const MatrixRM m = dump.readHead(layer, role, h);
        ASSERT_EQ(m.rows(), shape[1]);
        ASSERT_EQ(m.cols(), shape[2]);
        for (int64_t i = 0; i < m.size(); ++i) {
          const float want = rounded(values[s][size_t(h * m.size() + i)], specs[s].dtype);
          ASSERT_EQ(m.data()[i], want) << specs[s].name << " head " << h << " element " << i;
        }
      }
    }
  }
};

std::vector<std::string> tempFilesIn(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().find(".tmp-") != std::string::npos) found.push_back(e.path().string());
  }
  return found;
}

class WriterRoundTrip : public ::testing::TestWithParam<std::tuple<std::string, DType>> {};

TEST_P(WriterRoundTrip, ReadsBackWhatWasWritten) {
  const auto& [ext, dtype] = GetParam();
  test::TempDir dir;
  const fs::path path = dir / ("small" + ext);
  const SmallDump src(dtype);
  const nlohmann::json meta = {{"model", "unit-test-model"}, {"synthetic", true}, {"num_kv_heads", 2}};
  src.write(path, meta);
  EXPECT_TRUE(tempFilesIn(dir.path()).empty());

  const Dump d = Dump::open(path);
  src.expectReadBack(d);
  const DumpInfo& i = d.info();
  EXPECT_EQ(i.modelName, "unit-test-model");
  EXPECT_TRUE(i.synthetic);
  EXPECT_EQ(i.dtype, dtype);
  EXPECT_FALSE(i.mixedDtypes);
  EXPECT_FALSE(i.uniformShapes);  // layer 1 has 3 tokens, layer 0 has 5
  EXPECT_EQ(i.maxTokens, 5);
  EXPECT_EQ(i.layers[1].tokens, 3);
  EXPECT_EQ(i.qHeads, 4);
  EXPECT_EQ(i.kvHeads, 2);
  EXPECT_EQ(i.headDim, 8);
  EXPECT_TRUE(i.hasQueries);
  EXPECT_EQ(i.fileBytes, fs::file_size(path));
}

INSTANTIATE_TEST_SUITE_P(AllFormats, WriterRoundTrip,
                         ::testing::Combine(::testing::Values(std::string(".npz"), std::string(".safetensors")),
                                            ::testing::Values(DType::F32, DType::F16, DType::BF16)),
                         [](const auto& info) {
                           return std::get<0>(info.param).substr(1) + "_" +
                                  std::string(dtypeName(std::get<1>(info.param)));
                         });

TEST(DumpWriter, ForcedZip64NpzReadsBack) {
  test::TempDir dir;
  const SmallDump src(DType::F32);
  DumpWriterOptions o;
  o.forceZip64 = true;
  src.write(dir / "z64.npz", nlohmann::json::object(), o);
  src.expectReadBack(Dump::open(dir / "z64.npz"));
}

TEST(DumpWriter, NpzMatchesTheSampleByteLayout) {
  // A stored .npz written by us has each member as a numpy v1 .npy with a 64-byte aligned header.
  test::TempDir dir;
  DumpWriter w(dir / "one.npz", {{"layer_0.k", DType::F32, {1, 2, 3}}});
  w.appendF32(std::vector<float>{1, 2, 3, 4, 5, 6});
  w.commit();
  const std::string zip = test::readBytes(dir / "one.npz");
  const size_t npy = zip.find("\x93NUMPY");
  ASSERT_NE(npy, std::string::npos);
  EXPECT_NE(zip.find("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 3), }"), std::string::npos);
  EXPECT_EQ(uint8_t(zip[npy + 6]), 1);
  const size_t headerLen = uint8_t(zip[npy + 8]) | uint8_t(zip[npy + 9]) << 8;
  EXPECT_EQ((10 + headerLen) % 64, 0u);
  EXPECT_FALSE(fs::exists(dir / "one.json"));  // no metadata, no sidecar
}

TEST(DumpWriter, ConvertsNpzToSafetensorsAndBack) {
  test::TempDir dir;
  const Dump sample = Dump::open(kSamples / "s01_story_kite.npz");
  writeDump(dir / "kite.safetensors", sample);
  const Dump st = Dump::open(dir / "kite.safetensors");
  writeDump(dir / "kite.npz", st);
  const Dump back = Dump::open(dir / "kite.npz");
  EXPECT_EQ(back.info().modelName, "TinyStories-656K");
  EXPECT_EQ(st.info().modelName, "TinyStories-656K");
  EXPECT_EQ(back.info().metadata.value("num_tokens", 0), 97);
  ASSERT_EQ(back.tensors().size(), sample.tensors().size());
  for (size_t t = 0; t < sample.tensors().size(); ++t) {
    EXPECT_EQ(back.tensors()[t].name, sample.tensors()[t].name);
    EXPECT_EQ(back.tensors()[t].shape, sample.tensors()[t].shape);
    std::string a(sample.tensors()[t].bytes, '\0'), b(back.tensors()[t].bytes, '\0');
    sample.readTensorBytes(t, 0, std::as_writable_bytes(std::span(a)));
    back.readTensorBytes(t, 0, std::as_writable_bytes(std::span(b)));
    EXPECT_EQ(a, b) << sample.tensors()[t].name;
  }
}

TEST(DumpWriter, Bf16NpzDeclaresItsDtypeInTheSidecar) {
  test::TempDir dir;
  const SmallDump src(DType::BF16);
  src.write(dir / "b.npz", nlohmann::json::object());
  const nlohmann::json side = nlohmann::json::parse(test::readBytes(dir / "b.json"));
  EXPECT_EQ(side["tensors"]["layer_0.k"]["dtype"], "bfloat16");
  const Dump d = Dump::open(dir / "b.npz");
  EXPECT_EQ(d.tensors()[0].dtype, DType::BF16);
}

TEST(DumpWriter, MissingFolderIsAnIoErrorAndCreatesNothing) {
  test::TempDir dir;
  try {
    DumpWriter w(dir / "no" / "such" / "folder" / "x.npz", {{"layer_0.k", DType::F32, {1, 1, 1}}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Io);
    EXPECT_NE(std::string(e.what()).find("x.npz"), std::string::npos);
  }
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(DumpWriter, ReadOnlyFolderIsAnIoErrorAndLeavesNoTemporaries) {
  test::TempDir dir;
  fs::create_directories(dir / "ro");
  fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  if (::access((dir / "ro").c_str(), W_OK) == 0) GTEST_SKIP() << "running as root: permissions are not enforced";
  for (const char* name : {"x.npz", "x.safetensors"}) {
    try {
      DumpWriter w(dir / "ro" / name, {{"layer_0.k", DType::F32, {1, 1, 1}}}, {{"model", "m"}});
      FAIL() << name;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::Io) << e.what();
    }
  }
  EXPECT_TRUE(fs::is_empty(dir / "ro"));
}

TEST(DumpWriter, TargetBelowARegularFileIsAnIoError) {
  test::TempDir dir;
  test::writeBytes(dir / "file", "x");
  try {
    DumpWriter w(dir / "file" / "x.npz", {{"layer_0.k", DType::F32, {1, 1, 1}}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Io) << e.what();
  }
  EXPECT_TRUE(tempFilesIn(dir.path()).empty());
}

TEST(DumpWriter, NotEnoughDiskSpaceIsReportedBeforeWriting) {
  test::TempDir dir;
  try {
    DumpWriter w(dir / "huge.safetensors", {{"layer_0.k", DType::F32, {1 << 20, 1 << 20, 1 << 12}}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Io);
    EXPECT_NE(e.detail().find("not enough free disk space: need "), std::string::npos) << e.what();
    EXPECT_NE(e.detail().find(" available"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(DumpWriter, AbandonedWriteLeavesTheOldFileIntact) {
  test::TempDir dir;
  for (const char* name : {"keep.npz", "keep.safetensors"}) {
    const fs::path path = dir / name;
    test::writeBytes(path, "old contents");
    {
      DumpWriter w(path, {{"layer_0.k", DType::F32, {1, 2, 2}}, {"layer_0.v", DType::F32, {1, 2, 2}}});
      w.appendF32(std::vector<float>{1, 2, 3, 4, 5});  // midway through, then destroyed
    }
    EXPECT_EQ(test::readBytes(path), "old contents");
    {
      DumpWriter w(path, {{"layer_0.k", DType::F32, {1, 2, 2}}});
      w.appendF32(std::vector<float>{1, 2, 3});
      EXPECT_THROW(w.commit(), Error);  // incomplete tensor
    }
    EXPECT_EQ(test::readBytes(path), "old contents");
  }
  EXPECT_EQ(tempFilesIn(dir.path()).size(), 0u);
}

TEST(DumpWriter, RefusesBadRequests) {
  test::TempDir dir;
  const auto code = [](auto&& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::Internal;
  };
  EXPECT_EQ(code([&] { DumpWriter(dir / "x.txt", {}); }), ErrorCode::UnknownFormat);
  EXPECT_EQ(code([&] { DumpWriter(dir / "x.npz", {{"a", DType::F32, {1}}, {"a", DType::F32, {1}}}); }),
            ErrorCode::DuplicateTensor);
  EXPECT_EQ(code([&] { DumpWriter(dir / "x.npz", {{"a", DType::F32, {-1}}}); }), ErrorCode::BadShape);
  EXPECT_EQ(code([&] { DumpWriter(dir / "x.safetensors", {{"__metadata__", DType::F32, {1}}}); }),
            ErrorCode::InvalidArgument);
  EXPECT_EQ(code([&] {
              DumpWriter w(dir / "x.npz", {{"a", DType::F32, {2}}});
              w.appendF32(std::vector<float>{1, 2, 3});
            }),
            ErrorCode::InvalidArgument);
  EXPECT_EQ(code([&] {
              DumpWriter w(dir / "x.npz", {{"a", DType::F16, {2}}});
              w.appendRaw(std::vector<std::byte>(3));
            }),
            ErrorCode::InvalidArgument);
  EXPECT_TRUE(tempFilesIn(dir.path()).empty());
  EXPECT_FALSE(fs::exists(dir / "x.npz"));
}

TEST(DumpWriter, CancelledConversionLeavesTheTargetAlone) {
  test::TempDir dir;
  const Dump sample = Dump::open(kSamples / "s01_story_kite.npz");
  test::writeBytes(dir / "t.safetensors", "old");
  std::stop_source stop;
  stop.request_stop();
  try {
    writeDump(dir / "t.safetensors", sample, Progress(stop.get_token()));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Cancelled);
  }
  EXPECT_EQ(test::readBytes(dir / "t.safetensors"), "old");
  EXPECT_TRUE(tempFilesIn(dir.path()).empty());
}

TEST(DumpWriter, EmptyTensorsAndRawAppends) {
  test::TempDir dir;
  DumpWriter w(dir / "e.safetensors",
               {{"empty", DType::F32, {0}}, {"layer_0.k", DType::F16, {1, 1, 2}}, {"layer_0.v", DType::F16, {1, 1, 2}}});
  const uint16_t halves[4] = {0x3C00, 0x4000, 0xC000, 0x7C00};  // 1, 2, -2, +inf
  w.appendRaw(std::as_bytes(std::span(halves)));
  EXPECT_EQ(w.payloadBytesWritten(), 8u);
  w.commit();
  const Dump d = Dump::open(dir / "e.safetensors");
  EXPECT_EQ(d.tensors().size(), 3u);
  const MatrixRM v = d.readHead(0, Role::V, 0);
  EXPECT_EQ(v(0, 0), -2.0f);
  EXPECT_TRUE(std::isinf(v(0, 1)));
}

}  // namespace
}  // namespace vq
