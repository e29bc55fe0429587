// kivi: grouping (keys per channel over token groups, values per token), residual window, exact
// storage and layout, constant groups, bit-width behaviour, parameter validation.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/common/error.h"
#include "core/common/half.h"
#include "core/quant/kivi.h"
#include "core/quant/registry.h"
#include "tests/core/quant/format_test_util.h"

namespace vq::quant {
namespace {

std::unique_ptr<Method> makeKivi(int headDim, int bits, bool isKey, int group = 0, int residual = 0) {
  MethodConfig cfg;
  cfg.method = "kivi";
  cfg.bits = bits;
  cfg.isKey = isKey;
  cfg.groupSize = group;
  cfg.residualWindow = residual;
  return createMethod(cfg, headDim);
}

std::vector<uint8_t> encodeBytes(const Method& m, const std::vector<float>& x, int64_t rows) {
  std::vector<std::byte> out(m.storageBytes(rows));
  m.encode(x, rows, out);
  std::vector<uint8_t> bytes(out.size());
  std::memcpy(bytes.data(), out.data(), out.size());
  return bytes;
}

TEST(Kivi, StorageFormulaIsExact) {
  // d = 16, b = 3, G = 32, T = 100, R = 10 -> T_q = 90: codes ceil(90*16*3/8) = 540 bytes,
  // residual 10*16*2 = 320 bytes.
  // keys: ceil(90/32) = 3 token groups x 16 channels = 48 pairs -> 192 bytes: 1052 in all.
  // values: G_v = min(32, 16) = 16 -> one pair per token: 90 pairs -> 360 bytes: 1220 in all.
  const auto keys = makeKivi(16, 3, true, 32, 10);
  const auto values = makeKivi(16, 3, false, 32, 10);
  EXPECT_EQ(keys->scope(), RowScope::HeadMatrix);
  EXPECT_EQ(keys->storageBytes(100), 1052u);
  EXPECT_EQ(values->storageBytes(100), 1220u);
  // Fewer tokens than the window: everything is fp16.
  EXPECT_EQ(keys->storageBytes(7), 7u * 16 * 2);
  EXPECT_EQ(keys->storageBytes(0), 0u);
  // d = 128, b = 4, G = 32, no window: values b + 32/32 = 5 bpv; keys at T = 64: 4 + 2*32/64... =
  // (64*128/2 + 2 groups*128 pairs*4) / (64*128) * 8 = 4 + 1 = 5 bpv.
  EXPECT_DOUBLE_EQ(makeKivi(128, 4, false)->bitsPerValue(64), 5.0);
  EXPECT_DOUBLE_EQ(makeKivi(128, 4, true)->bitsPerValue(64), 5.0);
}

TEST(Kivi, WritesExactlyStorageBytes) {
  for (bool isKey : {true, false})
    for (int bits : {1, 3, 8})
      for (int residual : {0, 5}) {
        const auto m = makeKivi(24, bits, isKey, isKey ? 7 : 8, residual);
        for (int64_t rows : {1, 13, 40})
          EXPECT_TRUE(testutil::writesExactlyStorageBytes(*m, testutil::gaussian(size_t(24 * rows), 4), rows))
              << "key " << isKey << " bits " << bits << " R " << residual << " rows " << rows;
      }
}

TEST(Kivi, ValueLayoutGolden) {
  // One token [0, 1, 2, 3.3], d = 4, G = 4, b = 2: min 0, max 3.3, scale = 1.1 -> fp16 0x3C66
  // (1.099609375), zero 0. Codes use the fp16 scale: 0, 1/1.0996 = 0.91 -> 1, 1.82 -> 2,
  // 3.0011 -> 3. Packed LSB first: 0 | 1<<2 | 2<<4 | 3<<6 = 0xE4. Then scale, zero.
  const auto m = makeKivi(4, 2, false, 4);
  const std::vector<float> x = {0.0f, 1.0f, 2.0f, 3.3f};
  EXPECT_EQ(encodeBytes(*m, x, 1), (std::vector<uint8_t>{0xE4, 0x66, 0x3C, 0x00, 0x00}));
  const auto y = testutil::roundTrip(*m, x, 1);
  EXPECT_EQ(y, (std::vector<float>{0.0f, 1.099609375f, 2.19921875f, 3.298828125f}));
}

TEST(Kivi, CodesAreChosenWithTheStoredFp16Scale) {
  // [0, 1.6496, 2, 3.3], b = 2: the raw scale 1.1 would give 1.6496 / 1.1 = 1.4996 -> code 1,
  // but the stored scale is fp16(1.1) = 1.099609375 and 1.6496 / 1.099609375 = 1.50017 -> 2:
  // the code is the nearest grid point of what decode will use. Codes 0, 2, 2, 3 -> 0xE8.
  const auto m = makeKivi(4, 2, false, 4);
  const std::vector<float> x = {0.0f, 1.6496f, 2.0f, 3.3f};
  EXPECT_EQ(encodeBytes(*m, x, 1), (std::vector<uint8_t>{0xE8, 0x66, 0x3C, 0x00, 0x00}));
}

TEST(Kivi, KeyLayoutGoldenWithPartialGroupAndResidual) {
  // d = 2, G = 2, b = 2, R = 1, tokens [0,10] [3,10] [1,10] [0.5,-2]: T_q = 3 -> token groups
  // {0,1} and the partial {2}.
  //  group 1, channel 0: min 0, max 3 -> scale 1 (0x3C00), zero 0, codes 0, 3
  //           channel 1: constant 10 -> scale 0, zero 10 (0x4900), codes 0, 0
  //  group 2, channel 0: constant 1 -> scale 0, zero 1 (0x3C00); channel 1: scale 0, zero 10
  // codes row-major (0,0),(3,0),(0,0), 2 bits LSB first: 0x30, 0x00.
  // residual token [0.5, -2] in fp16: 0x3800, 0xC000.
  const auto m = makeKivi(2, 2, true, 2, 1);
  const std::vector<float> x = {0.0f, 10.0f, 3.0f, 10.0f, 1.0f, 10.0f, 0.5f, -2.0f};
  const std::vector<uint8_t> expected = {0x30, 0x00,                                   // codes
                                         0x00, 0x3C, 0x00, 0x00, 0x00, 0x00, 0x00, 0x49,  // group 1
                                         0x00, 0x00, 0x00, 0x3C, 0x00, 0x00, 0x00, 0x49,  // group 2
                                         0x00, 0x38, 0x00, 0xC0};                       // residual
  EXPECT_EQ(encodeBytes(*m, x, 4), expected);
  EXPECT_EQ(m->storageBytes(4), expected.size());
  EXPECT_EQ(testutil::roundTrip(*m, x, 4), x);  // every value here is on its group's grid
}

// Keys of an LLM-like head: most channels N(0,1), channel 5 an outlier channel around 40.
std::vector<float> keysWithOutlierChannel(int tokens, int d) {
  auto x = testutil::gaussian(size_t(tokens) * size_t(d), 21);
  for (int t = 0; t < tokens; ++t) x[size_t(t * d + 5)] = 40.0f + x[size_t(t * d + 5)];
  return x;
}

TEST(Kivi, PerChannelKeysBeatPerTokenOnOutlierChannels) {
  const int tokens = 128, d = 64;
  const auto x = keysWithOutlierChannel(tokens, d);
  const auto perChannel = makeKivi(d, 2, true);   // keys: per channel
  const auto perToken = makeKivi(d, 2, false);    // same data quantized the value way
  // Error on the ordinary channels only (the outlier channel is easy for both in relative terms).
  auto normalChannelMse = [&](const Method& m) {
    const auto y = testutil::roundTrip(m, x, tokens);
    double err = 0;
    for (int t = 0; t < tokens; ++t)
      for (int c = 0; c < d; ++c)
        if (c != 5) err += std::pow(double(x[size_t(t * d + c)] - y[size_t(t * d + c)]), 2);
    return err / double(tokens * (d - 1));
  };
  const double channelErr = normalChannelMse(*perChannel);
  const double tokenErr = normalChannelMse(*perToken);
  EXPECT_LT(channelErr * 5, tokenErr) << "per-channel " << channelErr << " per-token " << tokenErr;
  // Same byte budget for both (T = 128 is a multiple of G = 32; d = 64 has two value groups).
  EXPECT_EQ(perChannel->storageBytes(tokens), perToken->storageBytes(tokens));
}

TEST(Kivi, ResidualWindowRowsAreExactFp16) {
  const int tokens = 40, d = 16, window = 8;
  auto x = testutil::gaussian(size_t(tokens * d), 5);
  for (auto& v : x) v = fp16ToFloat(floatToFp16(v));  // representable, so fp16 storage is exact
  for (bool isKey : {true, false}) {
    const auto m = makeKivi(d, 2, isKey, 32, window);
    const auto y = testutil::roundTrip(*m, x, tokens);
    for (size_t i = size_t((tokens - window) * d); i < x.size(); ++i) ASSERT_EQ(y[i], x[i]) << i;
    // ...and the quantized part is really quantized (2 bits: visible error).
    EXPECT_GT(testutil::relativeMse(std::vector<float>(x.begin(), x.begin() + (tokens - window) * d),
                                    std::vector<float>(y.begin(), y.begin() + (tokens - window) * d)),
              1e-3);
  }
  // A window larger than the sequence keeps everything in fp16.
  const auto all = makeKivi(d, 2, true, 32, 100);
  EXPECT_EQ(testutil::roundTrip(*all, x, tokens), x);
}

TEST(Kivi, ConstantGroupsDecodeExactly) {
  const int tokens = 64, d = 32;
  // Keys: each channel constant over time (per-channel groups are constant).
  std::vector<float> keys(size_t(tokens * d)), values(size_t(tokens * d));
  for (int t = 0; t < tokens; ++t)
    for (int c = 0; c < d; ++c) {
      keys[size_t(t * d + c)] = 0.25f * float(c) - 3.0f;
      values[size_t(t * d + c)] = -1.5f + 0.125f * float(t);  // each token constant across channels
    }
  for (int bits : {1, 4, 8}) {
    EXPECT_EQ(testutil::roundTrip(*makeKivi(d, bits, true), keys, tokens), keys) << bits;
    EXPECT_EQ(testutil::roundTrip(*makeKivi(d, bits, false), values, tokens), values) << bits;
  }
}

TEST(Kivi, ErrorShrinksWithBits) {
  const int tokens = 96, d = 64;
  const auto x = testutil::gaussian(size_t(tokens * d), 8);
  for (bool isKey : {true, false}) {
    double previous = 1e9;
    for (int bits = 1; bits <= 8; ++bits) {
      const double mse = testutil::relativeMse(x, testutil::roundTrip(*makeKivi(d, bits, isKey), x, tokens));
      EXPECT_LT(mse, previous * 0.4) << "bits " << bits << " key " << isKey;  // ~4x per bit
      previous = mse;
    }
    EXPECT_LT(previous, 5e-5);
  }
}

TEST(Kivi, ValueGroupsAreClampedToHeadDim) {
  // head_dim 16 with the default G = 32: one group per token vector.
  const auto m = makeKivi(16, 4, false);
  EXPECT_EQ(dynamic_cast<const Kivi&>(*m).groupSize(), 16);
  EXPECT_EQ(m->storageBytes(10), 10u * 16 / 2 + 10u * 4);
}

TEST(Kivi, BadParametersAreRejected) {
  auto expectInvalid = [](int d, int bits, bool isKey, int group, int residual, const char* word) {
    try {
      makeKivi(d, bits, isKey, group, residual);
      ADD_FAILURE() << "accepted " << word;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_NE(e.detail().find(word), std::string::npos) << e.detail();
    }
  };
  expectInvalid(64, 0, true, 0, 0, "bits");
  expectInvalid(64, 9, true, 0, 0, "bits");
  expectInvalid(64, 4, true, -1, 0, "groupSize");
  expectInvalid(64, 4, true, 0, -3, "residualWindow");
  expectInvalid(48, 4, false, 32, 0, "groupSize");  // values: 32 does not divide 48
  expectInvalid(0, 4, true, 0, 0, "head_dim");
  EXPECT_NO_THROW(makeKivi(48, 4, true, 32, 0));    // keys group tokens: any head_dim
}

}  // namespace
}  // namespace vq::quant
