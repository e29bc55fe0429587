// Every malformed dump of the corpus is refused with the right error code and a message that
// names the file; nothing crashes.
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/io/dump.h"
#include "malformed_corpus.h"
#include "test_files.h"

namespace vq {
namespace {

class MalformedDump : public ::testing::TestWithParam<test::MalformedCase> {};

TEST_P(MalformedDump, OpenThrowsTheExpectedError) {
  const test::MalformedCase& c = GetParam();
  test::TempDir dir("vq-malformed");
  const std::filesystem::path path = test::writeMalformedCase(c.name, dir.path());
  try {
    const Dump d = Dump::open(path);
    FAIL() << c.name << ": opened without error (" << d.numLayers() << " layers)";
  } catch (const Error& e) {
    EXPECT_EQ(errorCodeName(e.code()), errorCodeName(c.expected)) << c.name << ": " << e.what();
    EXPECT_NE(std::string(e.what()).find(path.filename().string()), std::string::npos)
        << c.name << ": the message does not name the file: " << e.what();
    EXPECT_FALSE(e.detail().empty()) << c.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, MalformedDump, ::testing::ValuesIn(test::malformedCases()),
                         [](const ::testing::TestParamInfo<test::MalformedCase>& info) { return info.param.name; });

TEST(MalformedCorpus, HasEnoughDistinctCases) {
  EXPECT_GE(test::malformedCases().size(), 25u);
  test::TempDir dir("vq-corpus");
  const auto all = test::writeMalformedCorpus(dir.path());
  EXPECT_EQ(all.size(), test::malformedCases().size());
}

}  // namespace
}  // namespace vq
