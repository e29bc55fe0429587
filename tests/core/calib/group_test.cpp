// Group ids round-trip, value counts follow tokens·head_dim·heads·(2 if joint), and menus are
// validated (layer-row formats cannot be chosen per head).
#include <gtest/gtest.h>

#include "core/calib/group.h"
#include "core/calib/menu.h"
#include "core/common/error.h"

namespace vq::calib {
namespace {

DumpInfo twoLayerInfo() {
  DumpInfo info;
  info.numLayers = 2;
  LayerInfo a;
  a.index = 0;
  a.kvHeads = 4;
  a.tokens = 97;
  a.headDim = 16;
  LayerInfo b = a;
  b.index = 1;
  b.tokens = 50;  // a sliding-window layer
  info.layers = {a, b};
  return info;
}

TEST(Groups, IdsRoundTrip) {
  for (const GroupKey k : {GroupKey{3, 2, GroupRole::K}, GroupKey{0, -1, GroupRole::KV}, GroupKey{12, 7, GroupRole::V},
                           GroupKey{1, -1, GroupRole::V}}) {
    const auto parsed = parseGroupId(k.id());
    ASSERT_TRUE(parsed) << k.id();
    EXPECT_EQ(*parsed, k);
  }
  EXPECT_EQ((GroupKey{3, 2, GroupRole::K}).id(), "L3.H2.K");
  EXPECT_EQ((GroupKey{3, -1, GroupRole::KV}).id(), "L3.KV");
  for (const char* bad : {"", "L", "3.K", "L3", "L3.H.K", "L3.H2", "L3.Q", "Lx.K", "L3.H2.K.V", "L-1.K"})
    EXPECT_FALSE(parseGroupId(bad)) << bad;
}

TEST(Groups, HeadGranularitySeparate) {
  const auto g = makeGroups(twoLayerInfo(), Granularity::Head, KvMode::Separate);
  ASSERT_EQ(g.size(), 16u);
  EXPECT_EQ(g[0].id, "L0.H0.K");
  EXPECT_EQ(g[1].id, "L0.H0.V");
  EXPECT_EQ(g[15].id, "L1.H3.V");
  EXPECT_EQ(g[0].values, 97 * 16);
  EXPECT_EQ(g[15].values, 50 * 16);
}

TEST(Groups, LayerGranularityJoint) {
  const auto g = makeGroups(twoLayerInfo(), Granularity::Layer, KvMode::Joint);
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].id, "L0.KV");
  EXPECT_EQ(g[0].values, 97 * 16 * 4 * 2);
  EXPECT_EQ(g[0].heads, 4);
  EXPECT_TRUE(g[0].key.coversHead(3));
  EXPECT_TRUE(g[0].key.coversRole(Role::V));
}

TEST(Groups, LayerSelection) {
  const std::vector<int> one = {1};
  EXPECT_EQ(makeGroups(twoLayerInfo(), Granularity::Layer, KvMode::Separate, one).size(), 2u);
  const std::vector<int> bad = {2};
  EXPECT_THROW(makeGroups(twoLayerInfo(), Granularity::Layer, KvMode::Separate, bad), Error);
}

TEST(Menu, BitWidthsAndFormats) {
  MenuSpec spec;
  spec.bits = {4, 1, 2};
  const auto m = buildMenu(spec);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].label, "turboquant_mse 1b");
  EXPECT_EQ(m[2].bits, 4);
  EXPECT_TRUE(menuHasBitWidths(m));
  spec.kind = MenuKind::Formats;
  spec.formats = {"q4_0", "q8_0", "fp16", "turboquant_mse:3"};
  const auto f = buildMenu(spec);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].bits, 0);
  EXPECT_EQ(f[3].label, "turboquant_mse 3b");
  EXPECT_FALSE(menuHasBitWidths(f));
  EXPECT_EQ(findMenuEntry(f, "q8_0", 0), std::optional<size_t>(1));
  EXPECT_EQ(findMenuEntry(f, "turboquant_mse", 3), std::optional<size_t>(3));
  EXPECT_FALSE(findMenuEntry(f, "turboquant_mse", 2));
}

TEST(Menu, RejectsBadEntries) {
  MenuSpec spec;
  spec.bits = {9};
  EXPECT_THROW(buildMenu(spec), Error);
  spec.bits = {2, 2};
  EXPECT_THROW(buildMenu(spec), Error);
  spec.method = "nope";
  spec.bits = {2};
  EXPECT_THROW(buildMenu(spec), Error);
  spec.kind = MenuKind::Formats;
  for (const char* bad : {"turboquant_mse", "q4_0:4", "frob", "turboquant_mse:x"}) {
    spec.formats = {bad};
    EXPECT_THROW(buildMenu(spec), Error) << bad;
  }
}

TEST(Menu, LayerRowFormatsOnlyPerLayer) {
  MenuSpec spec;
  spec.kind = MenuKind::Formats;
  spec.formats = {"q4_0", "q8_0", "fp16"};
  const auto m = buildMenu(spec);
  EXPECT_NO_THROW(checkMenuGranularity(m, Granularity::Layer));
  try {
    checkMenuGranularity(m, Granularity::Head);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    EXPECT_NE(e.detail().find("q4_0"), std::string::npos);
    EXPECT_NE(e.detail().find("per layer"), std::string::npos);
  }
}

}  // namespace
}  // namespace vq::calib
