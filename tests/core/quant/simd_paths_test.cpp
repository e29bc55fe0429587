// The vectorized paths (AVX2 where the build targets it, the portable loops elsewhere) against
// readable references, bit for bit: the Walsh-Hadamard transform against the plain stage-by-stage
// butterflies, the batch quantizer against quantizeOne on codebooks with awkward boundaries, and
// the batch dequantizer against the table lookup.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "core/quant/lloyd_max.h"
#include "core/quant/rotation.h"
#include "core/quant/scalar_quantizer.h"
#include "core/quant/seeded_random.h"

namespace vq::quant {
namespace {

// log2(n) radix-2 stages in increasing h: x[j], x[j+h] <- x[j] + x[j+h], x[j] - x[j+h].
void referenceWalshHadamard(float* x, int n) {
  for (int h = 1; h < n; h *= 2)
    for (int i = 0; i < n; i += 2 * h)
      for (int j = i; j < i + h; ++j) {
        const float a = x[j], b = x[j + h];
        x[j] = a + b;
        x[j + h] = a - b;
      }
}

std::vector<uint32_t> bitsOf(const std::vector<float>& v) {
  std::vector<uint32_t> out;
  for (float f : v) out.push_back(std::bit_cast<uint32_t>(f));
  return out;
}

TEST(SimdPaths, WalshHadamardIsBitIdenticalToTheStageByStageButterflies) {
  SeededRandom rng(77);
  for (int n = 1; n <= 4096; n *= 2) {
    SCOPED_TRACE(n);
    for (int trial = 0; trial < 4; ++trial) {
      std::vector<float> x(static_cast<size_t>(n));
      for (auto& v : x) v = float(rng.normal() * (trial == 3 ? 1e30 : 1.0));
      // Signed zeros, equal pairs (a - b = +0) and magnitudes that round.
      if (n >= 8 && trial == 1)
        for (int i = 0; i < n; i += 4) {
          x[size_t(i)] = -0.0f;
          x[size_t(i + 1)] = (i / 4) % 2 ? 0.0f : -0.0f;
          x[size_t(i + 2)] = 1e-38f;
          x[size_t(i + 3)] = 1e-38f;
        }
      std::vector<float> expected = x;
      referenceWalshHadamard(expected.data(), n);
      fastWalshHadamard(x.data(), n);
      ASSERT_EQ(bitsOf(x), bitsOf(expected)) << "trial " << trial;
    }
  }
}

// A codebook whose boundaries are not symmetric around 0 (so 0 and -0 fall strictly between
// two of them), optionally with two equal boundaries.
Codebook shiftedCodebook(int bits, double shift, bool tie) {
  Codebook c = *lloydMaxCodebook(Density::gaussian(), bits);
  for (auto& v : c.centroids) v += shift;
  for (auto& v : c.boundaries) v += shift;
  if (tie && c.boundaries.size() >= 3) c.boundaries[1] = c.boundaries[2];
  return c;
}

std::vector<float> awkwardValues(const ScalarQuantizer& q, SeededRandom& rng) {
  std::vector<float> x;
  for (float t : q.boundaries()) {
    x.push_back(t);
    x.push_back(std::nextafter(t, 1e9f));
    x.push_back(std::nextafter(t, -1e9f));
  }
  const float specials[] = {0.0f, -0.0f, 1e-30f, -1e-30f, std::numeric_limits<float>::infinity(),
                            -std::numeric_limits<float>::infinity(), std::numeric_limits<float>::quiet_NaN(),
                            1e30f, -1e30f};
  for (float s : specials) x.push_back(s);
  while (x.size() < 700) x.push_back(float(rng.normal() * 1.5));
  return x;
}

TEST(SimdPaths, BatchQuantizerEqualsQuantizeOneOnAsymmetricTiedAndDescendingBoundaries) {
  SeededRandom rng(9);
  for (int bits = 1; bits <= 8; ++bits)
    for (int variant = 0; variant < 4; ++variant) {
      // Descending boundaries only for <= 4 bits: above, quantize() is a binary search that
      // assumes ascending boundaries (every codebook we build has them).
      if (variant == 2 && bits > 4) continue;
      SCOPED_TRACE("bits " + std::to_string(bits) + " variant " + std::to_string(variant));
      // 0: shifted up, 1: shifted down with a tie, 2: a negative scale (descending boundaries:
      // the counting loops, not the search), 3: tiny scale.
      const Codebook c = shiftedCodebook(bits, variant == 1 ? -0.37 : 0.21, variant == 1);
      const double scale = variant == 2 ? -0.5 : variant == 3 ? 1e-20 : 1.0;
      const ScalarQuantizer q(c, scale);
      const std::vector<float> x = awkwardValues(q, rng);
      for (size_t count : {size_t(1), size_t(7), size_t(8), size_t(9), size_t(31), size_t(32), size_t(33),
                           size_t(63), size_t(64), size_t(65), x.size()})
        for (float inputScale : {1.0f, 0.75f, 0.0f}) {
          std::vector<uint8_t> idx(count, 0xEE);
          q.quantize(x.data(), inputScale, count, idx.data());
          for (size_t j = 0; j < count; ++j)
            ASSERT_EQ(idx[j], q.quantizeOne(x[j] * inputScale)) << "count " << count << " value " << x[j];
        }
    }
}

TEST(SimdPaths, BatchDequantizerIsTheTableLookupTimesTheScale) {
  SeededRandom rng(4);
  for (int bits = 1; bits <= 8; ++bits) {
    SCOPED_TRACE(bits);
    const ScalarQuantizer q(shiftedCodebook(bits, 0.1, false), 0.3);
    for (size_t count : {size_t(1), size_t(7), size_t(8), size_t(9), size_t(40), size_t(129)})
      for (float scale : {1.0f, -2.5f, 0.0f, 3e-39f}) {
        std::vector<uint8_t> idx(count);
        for (auto& v : idx) v = uint8_t(rng.uniform() * double(q.levels()));
        std::vector<float> out(count + 1, 7.0f), expected(count);
        q.dequantize(idx.data(), scale, count, out.data());
        for (size_t j = 0; j < count; ++j) expected[j] = q.centroids()[idx[j]] * scale;
        ASSERT_EQ(bitsOf(std::vector<float>(out.begin(), out.begin() + std::ptrdiff_t(count))), bitsOf(expected));
        EXPECT_EQ(out[count], 7.0f);  // nothing written past count
      }
  }
}

}  // namespace
}  // namespace vq::quant
