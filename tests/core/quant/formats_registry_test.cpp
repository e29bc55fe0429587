// The registry entries of the fixed-format and integer methods: names, families, bit-widths,
// scopes, and that create() validates its parameters.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "core/common/error.h"
#include "core/quant/registry.h"
#include "tests/core/quant/format_test_util.h"

namespace vq::quant {
namespace {

struct Expected {
  const char* name;
  const char* family;
  std::vector<int> bits;
  RowScope scope;
};

const std::vector<Expected>& expectedFormats() {
  static const std::vector<Expected> all = {
      {"fp16", "baseline", {}, RowScope::Vector},
      {"bf16", "baseline", {}, RowScope::Vector},
      {"fp8_e4m3", "baseline", {}, RowScope::Vector},
      {"kivi", "integer", {1, 2, 3, 4, 5, 6, 7, 8}, RowScope::HeadMatrix},
      {"mlx_affine", "mlx", {2, 3, 4, 6, 8}, RowScope::Vector},
      {"q8_0", "llama.cpp", {}, RowScope::LayerRow},
      {"q5_1", "llama.cpp", {}, RowScope::LayerRow},
      {"q5_0", "llama.cpp", {}, RowScope::LayerRow},
      {"q4_1", "llama.cpp", {}, RowScope::LayerRow},
      {"q4_0", "llama.cpp", {}, RowScope::LayerRow},
      {"iq4_nl", "llama.cpp", {}, RowScope::LayerRow},
  };
  return all;
}

TEST(FormatsRegistry, EntriesDescribeTheMethods) {
  const auto formats = formatMethods();
  ASSERT_EQ(formats.size(), expectedFormats().size());
  std::set<std::string> names;
  for (size_t i = 0; i < formats.size(); ++i) {
    const auto& info = formats[i];
    const auto& want = expectedFormats()[i];
    EXPECT_EQ(info.name, want.name);
    EXPECT_EQ(info.family, want.family) << info.name;
    EXPECT_EQ(info.bits, want.bits) << info.name;
    EXPECT_EQ(info.scope, want.scope) << info.name;
    EXPECT_FALSE(info.summary.empty()) << info.name;
    EXPECT_FALSE(info.storageFormula.empty()) << info.name;
    EXPECT_TRUE(bool(info.create)) << info.name;
    names.insert(info.name);
    EXPECT_NE(findMethod(info.name), nullptr) << info.name;
  }
  EXPECT_EQ(names.size(), formats.size());
}

TEST(FormatsRegistry, EveryMethodBuildsAndStoresExactly) {
  for (const auto& want : expectedFormats()) {
    MethodConfig cfg;
    cfg.method = want.name;
    cfg.bits = want.bits.empty() ? 4 : want.bits.back();
    const auto m = createMethod(cfg, 64);
    EXPECT_EQ(m->config().method, want.name);
    EXPECT_EQ(m->rowLength(), 64);
    EXPECT_EQ(m->scope(), want.scope);
    EXPECT_TRUE(testutil::writesExactlyStorageBytes(*m, testutil::gaussian(64 * 9, 3), 9)) << want.name;
    const auto x = testutil::gaussian(64 * 9, 4);
    EXPECT_LT(testutil::relativeMse(x, testutil::roundTrip(*m, x, 9)), 0.05) << want.name;
  }
}

TEST(FormatsRegistry, EveryValidBitWidthBuilds) {
  for (const auto& want : expectedFormats())
    for (int bits : want.bits) {
      MethodConfig cfg;
      cfg.method = want.name;
      cfg.bits = bits;
      EXPECT_NO_THROW(createMethod(cfg, 128)) << want.name << " bits " << bits;
    }
}

TEST(FormatsRegistry, BadParametersThrowInvalidArgument) {
  struct Bad {
    const char* method;
    int bits;
    int n;
    const char* mentions;
  };
  const Bad cases[] = {{"kivi", 9, 64, "bits"},      {"kivi", 0, 64, "bits"},
                       {"mlx_affine", 5, 64, "bits"}, {"mlx_affine", 7, 64, "bits"},
                       {"q4_0", 4, 48, "32"},         {"iq4_nl", 4, 16, "32"},
                       {"fp16", 4, 0, "head_dim"}};
  for (const auto& c : cases) {
    MethodConfig cfg;
    cfg.method = c.method;
    cfg.bits = c.bits;
    try {
      createMethod(cfg, c.n);
      ADD_FAILURE() << c.method << " accepted bits " << c.bits << " n " << c.n;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_NE(e.detail().find(c.mentions), std::string::npos) << e.detail();
    }
  }
}

}  // namespace
}  // namespace vq::quant
