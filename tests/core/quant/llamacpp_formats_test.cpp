// Properties shared by the llama.cpp block formats: exact storage, layout sizes, row-length
// validation, round-trip error on random data and exactness on representable values.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/common/error.h"
#include "core/quant/ggml_blocks.h"
#include "core/quant/llamacpp_iq4_nl.h"
#include "core/quant/registry.h"
#include "tests/core/quant/format_test_util.h"

namespace vq::quant {
namespace {

static_assert(sizeof(BlockQ8_0) == 34 && sizeof(BlockQ5_1) == 24 && sizeof(BlockQ5_0) == 22 &&
              sizeof(BlockQ4_1) == 20 && sizeof(BlockQ4_0) == 18 && sizeof(BlockIq4Nl) == 18);

struct FormatCase {
  const char* name;
  double bitsPerValue;
  // Relative MSE on N(0,1) data (256-value rows, 64 rows, seed 11) must stay below this. Measured:
  // q8_0 2.8e-5, q5_1 1.4e-3, q5_0 1.8e-3, q4_1 6.0e-3, q4_0 7.2e-3, iq4_nl 6.1e-3; the limits
  // leave ~40% headroom. (Uniform-step theory, step^2/12 with amax ~ 2.1 sigma, agrees.)
  double maxRelativeMse;
};

const FormatCase kFormats[] = {{"q8_0", 8.5, 4e-5},  {"q5_1", 6.0, 2e-3}, {"q5_0", 5.5, 2.5e-3},
                               {"q4_1", 5.0, 8.5e-3}, {"q4_0", 4.5, 1e-2}, {"iq4_nl", 4.5, 8.5e-3}};

std::unique_ptr<Method> make(const char* name, int n) {
  MethodConfig cfg;
  cfg.method = name;
  return createMethod(cfg, n);
}

class LlamaCppFormats : public ::testing::TestWithParam<FormatCase> {};

TEST_P(LlamaCppFormats, StorageIsExactlyTheBlockBits) {
  const auto& c = GetParam();
  for (int n : {32, 64, 96, 128, 1024}) {
    const auto m = make(c.name, n);
    EXPECT_EQ(m->scope(), RowScope::LayerRow);
    EXPECT_EQ(m->storageBytes(0), 0u);
    for (int64_t rows : {1, 3, 17}) {
      EXPECT_EQ(m->storageBytes(rows), uint64_t(rows) * uint64_t(n) / 32 * uint64_t(c.bitsPerValue * 4))
          << c.name << " n=" << n;
      EXPECT_DOUBLE_EQ(m->bitsPerValue(rows), c.bitsPerValue) << c.name;
    }
  }
}

TEST_P(LlamaCppFormats, WritesExactlyStorageBytes) {
  const auto& c = GetParam();
  const auto m = make(c.name, 96);
  EXPECT_TRUE(testutil::writesExactlyStorageBytes(*m, testutil::gaussian(96 * 5, 7), 5));
  EXPECT_TRUE(testutil::writesExactlyStorageBytes(*m, std::vector<float>(96 * 2, 0.0f), 2));
}

TEST_P(LlamaCppFormats, RowLengthMustBeWholeBlocks) {
  const auto& c = GetParam();
  for (int n : {0, -32, 16, 48, 100}) {
    try {
      make(c.name, n);
      ADD_FAILURE() << c.name << " accepted n = " << n;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_NE(e.detail().find("multiple of 32"), std::string::npos) << e.detail();
      EXPECT_NE(e.detail().find(c.name), std::string::npos) << e.detail();
    }
  }
}

TEST_P(LlamaCppFormats, RandomRoundTripErrorIsBounded) {
  const auto& c = GetParam();
  const int n = 256;
  const int64_t rows = 64;
  const auto m = make(c.name, n);
  const auto x = testutil::gaussian(size_t(n) * rows, 11);
  const double mse = testutil::relativeMse(x, testutil::roundTrip(*m, x, rows));
  EXPECT_LT(mse, c.maxRelativeMse) << c.name;
  EXPECT_GT(mse, 0.0) << c.name;
}

TEST_P(LlamaCppFormats, RowsAreIndependentAndBlocksSpanHeads) {
  // Rows of 4 heads of head_dim 8 (n = 32): one block spans all four heads; encoding two rows at
  // once equals encoding each alone.
  const auto& c = GetParam();
  const auto m = make(c.name, 32);
  const auto x = testutil::gaussian(64, 3);
  std::vector<std::byte> both(m->storageBytes(2)), first(m->storageBytes(1)), second(m->storageBytes(1));
  m->encode(x, 2, both);
  m->encode(std::span<const float>(x.data(), 32), 1, first);
  m->encode(std::span<const float>(x.data() + 32, 32), 1, second);
  EXPECT_TRUE(std::equal(first.begin(), first.end(), both.begin()));
  EXPECT_TRUE(std::equal(second.begin(), second.end(), both.begin() + long(first.size())));
}

TEST_P(LlamaCppFormats, TooSmallBuffersAreRejected) {
  const auto& c = GetParam();
  const auto m = make(c.name, 32);
  std::vector<float> x(64);
  std::vector<std::byte> out(m->storageBytes(2) - 1);
  EXPECT_THROW(m->encode(x, 2, out), Error);
  std::vector<std::byte> in(m->storageBytes(2));
  std::vector<float> y(63);
  EXPECT_THROW(m->decode(in, 2, y), Error);
}

INSTANTIATE_TEST_SUITE_P(All, LlamaCppFormats, ::testing::ValuesIn(kFormats),
                         [](const auto& info) { return std::string(info.param.name); });

// Values already on a block's grid come back exactly.
void expectExact(const char* name, const std::vector<float>& x) {
  const auto m = make(name, int(x.size()));
  const auto y = testutil::roundTrip(*m, x, 1);
  for (size_t i = 0; i < x.size(); ++i) EXPECT_EQ(y[i], x[i]) << name << " value " << i;
}

TEST(LlamaCppFormatsExact, RepresentableValuesRoundTripExactly) {
  std::vector<float> q8, q4s, q4a, q5s, q5a, iq4;
  for (int j = 0; j < 32; ++j) {
    q8.push_back(0.25f * float(j == 0 ? 127 : j == 1 ? -127 : (j * 37) % 255 - 127));  // d = 0.25
    q4s.push_back(0.5f * float(j == 0 ? -8 : j % 16 - 8));                          // max -4, d = 0.5
    q4a.push_back(-1.0f + 0.25f * float(j == 0 ? 0 : j == 1 ? 15 : (j * 7) % 16));   // m = -1, d = .25
    q5s.push_back(0.125f * float(j == 0 ? -16 : j % 32 - 16));                      // d = 0.125
    q5a.push_back(2.0f + 0.5f * float(j == 0 ? 0 : j == 1 ? 31 : (j * 11) % 32));    // m = 2, d = .5
    iq4.push_back(0.5f * float(kIq4NlValues[size_t(j % 16)]));                      // d = 0.5
  }
  expectExact("q8_0", q8);
  expectExact("q4_0", q4s);
  expectExact("q4_1", q4a);
  expectExact("q5_0", q5s);
  expectExact("q5_1", q5a);
  expectExact("iq4_nl", iq4);
}

}  // namespace
}  // namespace vq::quant
