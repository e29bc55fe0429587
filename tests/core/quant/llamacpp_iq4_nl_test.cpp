// iq4_nl against ggml's quantize_row_iq4_nl_impl (no importance weights: w = x^2), on blocks
// whose bytes are derived by hand. Table K = {-127,-104,-83,-65,-49,-35,-22,-10,1,13,25,38,53,69,
// 89,113}; best_index(v): the entry whose lower midpoint v reaches (2v >= K[i-1] + K[i]), i.e. the
// nearer neighbour with ties to the upper one (0 below -127, 15 above 113). Per block, max = signed value of largest |x|:
//   ref (quantize_row_iq4_nl_ref, ntry = -1, what llama.cpp's cache writes):
//     d0 = max / -127; L[j] = best_index(x[j] / d0); d = sum(w K[L] x) / sum(w K[L]^2);
//     stored fp16(d), indices L.
//   search (quantize_iq4_nl, ntry = 7): d0 = -max / -127 and its fit as above give d and
//     best = d * sumqx; then for itry = -7..7 the indices of id = (itry - 127) / max are fitted,
//     and a fit replaces d when sumqx^2 > best * sumq2; finally L[j] = best_index(x[j] / d).
// Sums accumulate in fp32 in ggml's order ((w*q)*x, (w*q)*q); the rounded partial sums are listed
// where they matter. Packing: qs[j] = L[j] | L[j+16] << 4; layout d(2) qs(16).
#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "core/quant/llamacpp_iq4_nl.h"
#include "tests/core/quant/format_test_util.h"

namespace vq::quant {
namespace {

using testutil::block32;
using testutil::bytesOf;

std::vector<uint8_t> block(uint16_t d, std::vector<uint8_t> qs) {
  qs.resize(16, 0x88);  // unlisted: index 8 in both nibbles (value 1, the nearest to 0)
  std::vector<uint8_t> out{uint8_t(d & 0xFF), uint8_t(d >> 8)};
  for (uint8_t b : qs) out.push_back(b);
  return out;
}

std::vector<uint8_t> quantizeOne(const std::vector<float>& x, Iq4NlScaleSearch search) {
  return bytesOf(quantizeBlockIq4Nl(x.data(), search));
}

TEST(LlamaCppIq4Nl, NearestIndexTiesGoUp) {
  EXPECT_EQ(nearestIq4NlIndex(-200.0f), 0);
  EXPECT_EQ(nearestIq4NlIndex(-115.5f), 1);  // midway -127 / -104
  EXPECT_EQ(nearestIq4NlIndex(-115.6f), 0);
  EXPECT_EQ(nearestIq4NlIndex(-4.5f), 8);    // midway -10 / 1
  EXPECT_EQ(nearestIq4NlIndex(0.0f), 8);
  EXPECT_EQ(nearestIq4NlIndex(7.0f), 9);     // midway 1 / 13
  EXPECT_EQ(nearestIq4NlIndex(101.0f), 15);  // midway 89 / 113
  EXPECT_EQ(nearestIq4NlIndex(500.0f), 15);
  EXPECT_EQ(nearestIq4NlIndex(-0.0f), 8);
  // Just either side of the midpoint -4.5 of -10 and 1.
  EXPECT_EQ(nearestIq4NlIndex(-4.5000005f), 7);
  EXPECT_EQ(nearestIq4NlIndex(-4.4999995f), 8);
  EXPECT_EQ(nearestIq4NlIndex(std::numeric_limits<float>::quiet_NaN()), 0);
}

TEST(LlamaCppIq4Nl, TableValuesFitExactly) {
  // x[j] = K[j % 16]: max = -127 -> d0 = 1, indices j % 16; every term has q == x, so sumqx and
  // sumq2 are the same fp32 sums and d = 1 exactly (0x3C00). qs[j] = j | j << 4.
  std::vector<float> x;
  for (int j = 0; j < 32; ++j) x.push_back(float(kIq4NlValues[size_t(j % 16)]));
  std::vector<uint8_t> qs;
  for (int j = 0; j < 16; ++j) qs.push_back(uint8_t(j | (j << 4)));
  EXPECT_EQ(quantizeOne(x, Iq4NlScaleSearch::None), block(0x3C00, qs));
}

TEST(LlamaCppIq4Nl, RefLeastSquaresScale) {
  // x = {-127, 64, 0...}: d0 = 1; 64 -> index 13 (69; 64-53 = 11 > 69-64 = 5); zeros -> 8.
  // sumqx = fl(127^4) + 64^2*69*64 = 260144640 + 18087936 = 278232576 (exact in fp32)
  // sumq2 = 260144640 + 64^2*69^2 = 260144640 + 19501056 = 279645696
  // d = 0.99494678; fp16 mantissa (2d - 1) * 1024 = 1013.65 -> 1014: 0x3800 | 0x3F6 = 0x3BF6.
  const auto x = block32({-127.0f, 64.0f});
  EXPECT_EQ(quantizeOne(x, Iq4NlScaleSearch::None), block(0x3BF6, {0x80, 0x8D}));
  // The search finds the same fit here (itry = -7..5 give these indices, 6 and 7 pick 53 for 64
  // and fit worse; the initial flipped fit, -127 -> 113, is worse too).
  EXPECT_EQ(quantizeOne(x, Iq4NlScaleSearch::PlusMinus7), block(0x3BF6, {0x80, 0x8D}));
}

TEST(LlamaCppIq4Nl, IndexTiesAndFp32Accumulation) {
  // x = {-127, -115.5, -4.5, 7, 120, 0...}, d0 = 1: indices 0, 1 (tie -> -104), 8 (tie -> 1),
  // 9 (tie -> 13), 15 (>= 113). Partial sums, each rounded to fp32 (ulp 16/32/64 here):
  //  sumqx: 260144640 (127^4 rounded) + 160243088 (fl(13340.25*104*115.5)) = 420387728, a tie
  //         between multiples of 32 -> 420387712 (even); - 91.125 -> 420387616; + 4459 ->
  //         420392064; + 195264000 -> 615656064
  //  sumq2: 260144640 + 144288144 = 404432784 (tie -> 404432768); + 20.25 -> 404432800;
  //         + 8281 -> 404441088; + 183873600 -> 588314688
  // d = 615656064 / 588314688 = 1.0464741; fp16 mantissa 47.59 -> 48: 0x3C30.
  const auto x = block32({-127.0f, -115.5f, -4.5f, 7.0f, 120.0f});
  EXPECT_EQ(quantizeOne(x, Iq4NlScaleSearch::None), block(0x3C30, {0x80, 0x81, 0x88, 0x89, 0x8F}));
}

TEST(LlamaCppIq4Nl, SearchDiffersFromRef) {
  // x = {-127, -72, -96, 0...}.
  // ref: d0 = 1; -72 -> index 3 (-65: 11 vs 7), -96 -> index 1 (-104: 8 vs 13).
  //  sumqx = 260144640 + 24261120 + 92012544 = 376418304, sumq2 = 260144640 + 21902400 + 99680256
  //  = 381727296 (all partial sums exact in fp32); d = 0.98609221, fp16 mantissa 995.52 -> 996:
  //  0x3BE4.
  const auto x = block32({-127.0f, -72.0f, -96.0f});
  EXPECT_EQ(quantizeOne(x, Iq4NlScaleSearch::None), block(0x3BE4, {0x80, 0x83, 0x81}));
  // search: d0 = -1 -> -127 -> 15 (113), -72 -> 13 (69), -96 -> 14 (89):
  //  sumqx = -(231467279 + 25754112 + 78741504) -> -335962880 in fp32, sumq2 = 205951201 +
  //  24681024 + 72999936 -> 303632160; score sumqx^2/sumq2 = 3.71736e8. The 15 tries score at
  //  most 3.71183e8 (itry -3..3, the ref's indices), so the initial fit stays:
  //  d = -1.1064799, fp16 mantissa 109.03 -> 109: 0xBC6D. Final indices from id = 1/d =
  //  -0.90377: -127 -> 114.8 -> 15, -72 -> 65.07 -> 13, -96 -> 86.76 -> 14, 0 -> 8.
  EXPECT_EQ(quantizeOne(x, Iq4NlScaleSearch::PlusMinus7), block(0xBC6D, {0x8F, 0x8D, 0x8E}));
}

TEST(LlamaCppIq4Nl, AllEqualBlock) {
  // x = 2: ref d0 = 2 / -127, 2 / d0 = -127 -> index 0 everywhere;
  //  sumqx = 32 * (4 * -127 * 2) = -32512, sumq2 = 32 * 4 * 16129 = 2064512 (exact);
  //  d = -0.015748031; fp16: 2^-6 * 1.007874, mantissa 8.06 -> 8: 0x2408, negative 0xA408.
  const auto x = block32({}, 2.0f);
  EXPECT_EQ(quantizeOne(x, Iq4NlScaleSearch::None), block(0xA408, std::vector<uint8_t>(16, 0x00)));
  // search: d0 = 2/127 -> index 15 (113): sumqx = 28928, sumq2 = 1634432, d = 0.017699115,
  //  best = fl(d * 28928) = 512 exactly. Every try maps 2 to -127: sumqx = -32512, sumq2 =
  //  2064512, and sumqx^2 = 1057030144 = best * sumq2 exactly: not greater, the initial fit stays.
  //  d -> fp16: 2^-6 * 1.1327, mantissa 135.93 -> 136: 0x2488; id = 56.5, 2 * 56.5 = 113 -> 15.
  EXPECT_EQ(quantizeOne(x, Iq4NlScaleSearch::PlusMinus7), block(0x2488, std::vector<uint8_t>(16, 0xFF)));
}

TEST(LlamaCppIq4Nl, SubnormalScaleAndInputs) {
  // {-127, 64, 0...} * 2^-20 plus an fp32 subnormal 2^-140: d0 = 2^-20 exactly; powers of two
  // scale the sums exactly, so d = 0.99494678 * 2^-20; fp16 subnormal: d / 2^-24 = 15.92 -> 16:
  // 0x0010. 2^-140 maps to ~2^-120 -> index 8, and its weight (2^-280) underflows to 0.
  const auto x = block32({-127.0f * 0x1p-20f, 64.0f * 0x1p-20f, 0x1p-140f});
  EXPECT_EQ(quantizeOne(x, Iq4NlScaleSearch::None), block(0x0010, {0x80, 0x8D}));
}

TEST(LlamaCppIq4Nl, ZeroBlocks) {
  // amax < 1e-15: d = 0. The ref clears the block's indices (all 0: bytes 0x00); the search
  // computes them from id = 0, i.e. index 8 (0x88).
  const auto zeros = block32({});
  EXPECT_EQ(quantizeOne(zeros, Iq4NlScaleSearch::None), block(0x0000, std::vector<uint8_t>(16, 0x00)));
  EXPECT_EQ(quantizeOne(zeros, Iq4NlScaleSearch::PlusMinus7), block(0x0000, {}));
  const auto tiny = block32({1e-16f, -5e-16f});
  EXPECT_EQ(quantizeOne(tiny, Iq4NlScaleSearch::None), block(0x0000, std::vector<uint8_t>(16, 0x00)));
  // In a row, a zero block after a normal one is still all index 0 and decodes to zeros.
  MethodConfig cfg;
  cfg.method = "iq4_nl";
  const LlamaCppIq4Nl ref(cfg, 64);
  std::vector<float> row = block32({-127.0f, 64.0f});
  row.resize(64, 0.0f);
  std::vector<std::byte> out(ref.storageBytes(1));
  ref.encode(row, 1, out);
  auto expected = block(0x3BF6, {0x80, 0x8D});
  for (uint8_t b : block(0x0000, std::vector<uint8_t>(16, 0x00))) expected.push_back(b);
  std::vector<uint8_t> got(out.size());
  std::memcpy(got.data(), out.data(), out.size());
  EXPECT_EQ(got, expected);
  std::vector<float> y(64);
  ref.decode(out, 1, y);
  for (int j = 32; j < 64; ++j) EXPECT_EQ(y[size_t(j)], 0.0f);
}

TEST(LlamaCppIq4Nl, DecodeIsScaleTimesTableValue) {
  BlockIq4Nl b{};
  b.d = 0x3800;  // 0.5
  for (int j = 0; j < 16; ++j) b.qs[j] = uint8_t(j | ((15 - j) << 4));
  float y[32];
  dequantizeBlockIq4Nl(b, y);
  for (int j = 0; j < 16; ++j) {
    EXPECT_EQ(y[j], 0.5f * float(kIq4NlValues[size_t(j)]));
    EXPECT_EQ(y[j + 16], 0.5f * float(kIq4NlValues[size_t(15 - j)]));
  }
}

}  // namespace
}  // namespace vq::quant
