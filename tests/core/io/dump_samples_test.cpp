// The bundled real dumps (TinyStories-656K) load, and their .npz and .safetensors are identical.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "core/common/error.h"
#include "core/io/dump.h"

namespace vq {
namespace {

const std::filesystem::path kSamples = VQ_SAMPLES_DIR;
const std::filesystem::path kRealData = std::filesystem::path(VQ_TEST_DATA_DIR) / "real";

void expectTinyStories(const Dump& d, int64_t tokens) {
  const DumpInfo& i = d.info();
  EXPECT_EQ(i.numLayers, 2);
  EXPECT_EQ(i.qHeads, 8);
  EXPECT_EQ(i.kvHeads, 4);
  EXPECT_EQ(i.headDim, 16);
  EXPECT_EQ(i.maxTokens, tokens);
  EXPECT_TRUE(i.hasQueries);
  EXPECT_TRUE(i.uniformShapes);
  EXPECT_FALSE(i.synthetic);
  EXPECT_FALSE(i.mixedDtypes);
  EXPECT_EQ(i.dtype, DType::F32);
  EXPECT_EQ(i.modelName, "TinyStories-656K");
  EXPECT_EQ(i.layout, Layout::HTD);
  ASSERT_EQ(i.layers.size(), 2u);
  for (const LayerInfo& l : i.layers) {
    EXPECT_TRUE(l.hasQ && l.hasK && l.hasV && l.hasKPreRope);
    EXPECT_EQ(l.tokens, tokens);
    EXPECT_EQ(l.kvBytes, uint64_t(2 * 4 * tokens * 16 * 4));
  }
  EXPECT_EQ(i.kvBytes, uint64_t(2 * 2 * 4 * tokens * 16 * 4));
  EXPECT_EQ(i.tensorBytes, uint64_t(2 * (8 + 3 * 4) * tokens * 16 * 4));
  EXPECT_EQ(d.tensors().size(), 8u);
  EXPECT_TRUE(i.metadata.is_object());
  EXPECT_EQ(i.metadata.value("num_kv_heads", 0), 4);
}

// Every head of every role of `a` and `b` equal bit for bit.
void expectSameValues(const Dump& a, const Dump& b) {
  ASSERT_EQ(a.numLayers(), b.numLayers());
  for (int l = 0; l < a.numLayers(); ++l) {
    for (Role r : {Role::Q, Role::K, Role::V, Role::KPreRope}) {
      ASSERT_EQ(a.has(l, r), b.has(l, r));
      if (!a.has(l, r)) continue;
      ASSERT_EQ(a.heads(l, r), b.heads(l, r));
      for (int h = 0; h < a.heads(l, r); ++h) {
        const MatrixRM x = a.readHead(l, r, h), y = b.readHead(l, r, h);
        ASSERT_EQ(x.rows(), y.rows());
        ASSERT_EQ(x.cols(), y.cols());
        ASSERT_EQ(std::memcmp(x.data(), y.data(), size_t(x.size()) * 4), 0)
            << "layer " << l << " " << roleName(r) << " head " << h;
      }
    }
  }
}

TEST(DumpSamples, StoryKiteNpz) {
  const Dump d = Dump::open(kSamples / "s01_story_kite.npz");
  expectTinyStories(d, 97);
  EXPECT_EQ(d.info().container, "npz");
  EXPECT_EQ(d.tensors()[0].name, "layer_0.q");
}

TEST(DumpSamples, StoryKiteSafetensors) {
  const Dump d = Dump::open(kSamples / "s01_story_kite.safetensors");
  expectTinyStories(d, 97);
  EXPECT_EQ(d.info().container, "safetensors");
}

TEST(DumpSamples, StoryKiteNpzAndSafetensorsAreIdentical) {
  expectSameValues(Dump::open(kSamples / "s01_story_kite.npz"),
                   Dump::open(kSamples / "s01_story_kite.safetensors"));
}

TEST(DumpSamples, GenGreedyBothContainers) {
  const Dump a = Dump::open(kRealData / "s03_gen_greedy.npz");
  const Dump b = Dump::open(kRealData / "s03_gen_greedy.safetensors");
  expectTinyStories(a, 157);
  expectTinyStories(b, 157);
  expectSameValues(a, b);
}

TEST(DumpSamples, ReadAllHeadsMatchesReadHead) {
  const Dump d = Dump::open(kSamples / "s01_story_kite.npz");
  const LayerInfo& l = d.layer(1);
  std::vector<float> all(size_t(l.qHeads * l.tokens * l.headDim));
  d.readAllHeads(1, Role::Q, all);
  for (int h = 0; h < l.qHeads; ++h) {
    const MatrixRM m = d.readHead(1, Role::Q, h);
    EXPECT_EQ(std::memcmp(m.data(), all.data() + size_t(h * l.tokens * l.headDim), size_t(m.size()) * 4), 0);
  }
}

TEST(DumpSamples, KnownValueFromTheFile) {
  // The first float of layer_0.k in the .npz, read straight from the bytes, equals readHead's.
  const Dump d = Dump::open(kSamples / "s01_story_kite.npz");
  const int k = d.tensorIndex(0, Role::K);
  ASSERT_GE(k, 0);
  float raw[2];
  d.readTensorBytes(size_t(k), 16 * 4, std::as_writable_bytes(std::span(raw)));
  const MatrixRM h0 = d.readHead(0, Role::K, 0);
  EXPECT_EQ(h0(1, 0), raw[0]);
  EXPECT_EQ(h0(1, 1), raw[1]);
}

TEST(DumpSamples, ReadHeadChecksArguments) {
  const Dump d = Dump::open(kSamples / "s01_story_kite.npz");
  std::vector<float> small(3);
  EXPECT_THROW(d.readHead(0, Role::K, 0, small), Error);
  EXPECT_THROW(d.readHead(0, Role::K, 4), Error);
  EXPECT_THROW(d.readHead(2, Role::K, 0), Error);
  try {
    d.readHead(5, Role::V, 0);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
  }
}

}  // namespace
}  // namespace vq
