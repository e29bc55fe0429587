#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/io/layout_detection.h"

namespace vq::io {
namespace {

using T = LayoutTensor;

ErrorCode errorOf(const std::vector<T>& t, const LayoutEvidence& ev) {
  try {
    decideLayout(t, ev);
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::Internal;
}

TEST(LayoutDetection, DeclaredWins) {
  const std::vector<T> t{{"a", 0, Role::K, {4, 97, 16}}, {"b", 0, Role::V, {4, 97, 16}}};
  EXPECT_EQ(decideLayout(t, {Layout::THD, {}, {}, false}).rank3, Layout::THD);
  EXPECT_EQ(decideLayout(t, {Layout::BHTD, {}, {}, false}).rank3, Layout::HTD);
  EXPECT_EQ(decideLayout(t, {Layout::HTD, 97, {}, false}).source, "declared");
}

TEST(LayoutDetection, MetadataHeadCounts) {
  const std::vector<T> t{{"a", 0, Role::K, {4, 97, 16}}, {"b", 0, Role::V, {4, 97, 16}}};
  EXPECT_EQ(decideLayout(t, {{}, 4, {}, false}).rank3, Layout::HTD);
  EXPECT_EQ(decideLayout(t, {{}, 97, {}, false}).rank3, Layout::THD);
  EXPECT_EQ(errorOf(t, {{}, 5, {}, false}), ErrorCode::InconsistentDump);
}

TEST(LayoutDetection, GqaQueriesTellTheHeadAxis) {
  const std::vector<T> htd{{"q", 0, Role::Q, {8, 97, 16}}, {"k", 0, Role::K, {4, 97, 16}}, {"v", 0, Role::V, {4, 97, 16}}};
  EXPECT_EQ(decideLayout(htd, {}).rank3, Layout::HTD);
  const std::vector<T> thd{{"q", 0, Role::Q, {97, 8, 16}}, {"k", 0, Role::K, {97, 4, 16}}, {"v", 0, Role::V, {97, 4, 16}}};
  EXPECT_EQ(decideLayout(thd, {}).rank3, Layout::THD);
  EXPECT_EQ(decideLayout(thd, {}).source, "detected");
}

TEST(LayoutDetection, NoEvidence) {
  // Equal q and k heads (MHA), no metadata: ambiguous unless the names are ours.
  const std::vector<T> mha{{"q", 0, Role::Q, {4, 97, 16}}, {"k", 0, Role::K, {4, 97, 16}}, {"v", 0, Role::V, {4, 97, 16}}};
  EXPECT_EQ(errorOf(mha, {}), ErrorCode::AmbiguousLayout);
  EXPECT_EQ(decideLayout(mha, {{}, {}, {}, true}).source, "native naming");
  // Square [8, 8, d]: both layouts read the same shapes.
  const std::vector<T> sq{{"k", 0, Role::K, {8, 8, 16}}, {"v", 0, Role::V, {8, 8, 16}}};
  EXPECT_EQ(errorOf(sq, {{}, 8, {}, false}), ErrorCode::AmbiguousLayout);
}

TEST(LayoutDetection, RanksAndRank4) {
  EXPECT_EQ(errorOf({{"k", 0, Role::K, {4, 16}}}, {}), ErrorCode::BadShape);
  EXPECT_EQ(errorOf({{"k", 0, Role::K, {2, 4, 97, 16}}}, {}), ErrorCode::BadShape);
  EXPECT_EQ(decideLayout({{"k", 0, Role::K, {1, 4, 97, 16}}}, {}).source, "no rank-3 tensors");
  const HeadShape hs = headShape({1, 4, 97, 16}, Layout::BHTD);
  EXPECT_EQ(hs.heads, 4);
  EXPECT_EQ(hs.tokens, 97);
  EXPECT_EQ(headShape({97, 4, 16}, Layout::THD).heads, 4);
}

}  // namespace
}  // namespace vq::io
