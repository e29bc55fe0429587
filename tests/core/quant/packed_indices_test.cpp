#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/quant/bitpack.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/packed_indices.h"
#include "core/quant/scalar_quantizer.h"
#include "core/quant/seeded_random.h"

namespace vq::quant {
namespace {

const std::vector<size_t> kAwkwardLengths = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 65, 127, 129, 250};

TEST(BitPacking, RoundTripsAndMatchesTheReferenceLayout) {
  SeededRandom rng(11);
  for (int bits = 1; bits <= 8; ++bits) {
    for (size_t count : kAwkwardLengths) {
      SCOPED_TRACE("bits " + std::to_string(bits) + " count " + std::to_string(count));
      std::vector<uint8_t> idx(count);
      for (auto& v : idx) v = uint8_t(rng.uniform() * double(1 << bits));
      const size_t bytes = packedBytes(count, bits);
      EXPECT_EQ(bytes, (count * size_t(bits) + 7) / 8);
      // Sentinel after the packed bytes: neither packer may write past ceil(count*b/8).
      std::vector<std::byte> reference(bytes + 4, std::byte{0xA5}), fast(bytes + 4, std::byte{0xA5});
      packBits(idx, bits, reference.data());
      packIndices(idx.data(), count, bits, fast.data());
      EXPECT_EQ(reference, fast);
      for (size_t i = bytes; i < bytes + 4; ++i) EXPECT_EQ(fast[i], std::byte{0xA5});
      std::vector<uint8_t> back(count, 0xFF), backFast(count, 0xFF);
      unpackBits(reference.data(), bits, back);
      unpackIndices(fast.data(), count, bits, backFast.data());
      EXPECT_EQ(back, idx);
      EXPECT_EQ(backFast, idx);
    }
  }
}

TEST(ScalarQuantizer, BatchPathEqualsReferenceIncludingTiesAndNonFinite) {
  SeededRandom rng(5);
  for (int bits = 1; bits <= 8; ++bits) {
    SCOPED_TRACE(bits);
    const ScalarQuantizer q(*lloydMaxCodebook(Density::gaussian(), bits), 0.25);
    std::vector<float> x;
    for (float t : q.boundaries()) {  // exact ties and their neighbours
      x.push_back(t);
      x.push_back(std::nextafter(t, 10.0f));
      x.push_back(std::nextafter(t, -10.0f));
    }
    for (float c : q.centroids()) x.push_back(c);
    x.push_back(0.0f);
    x.push_back(-0.0f);
    x.push_back(std::numeric_limits<float>::infinity());
    x.push_back(-std::numeric_limits<float>::infinity());
    x.push_back(std::numeric_limits<float>::quiet_NaN());
    x.push_back(1e30f);
    x.push_back(-1e30f);
    while (x.size() < 1000) x.push_back(float(rng.normal()));
    for (size_t count : {size_t(1), size_t(5), size_t(15), size_t(16), size_t(17), size_t(33), x.size()}) {
      std::vector<uint8_t> idx(count);
      q.quantize(x.data(), 1.0f, count, idx.data());
      for (size_t j = 0; j < count; ++j) ASSERT_EQ(idx[j], q.quantizeOne(x[j])) << "value " << x[j];
      // With an input scale: compares x*s, like the reference on the scaled value.
      q.quantize(x.data(), 0.5f, count, idx.data());
      for (size_t j = 0; j < count; ++j) ASSERT_EQ(idx[j], q.quantizeOne(x[j] * 0.5f)) << "value " << x[j];
    }
  }
}

TEST(ScalarQuantizer, IndexIsTheNearestCentroid) {
  const ScalarQuantizer q(*lloydMaxCodebook(Density::gaussian(), 3));
  SeededRandom rng(8);
  for (int i = 0; i < 2000; ++i) {
    const float v = float(rng.normal() * 1.5);
    const int idx = q.quantizeOne(v);
    for (int k = 0; k < q.levels(); ++k)
      EXPECT_LE(std::abs(v - q.centroids()[size_t(idx)]), std::abs(v - q.centroids()[size_t(k)]) + 1e-6f);
  }
}

}  // namespace
}  // namespace vq::quant
