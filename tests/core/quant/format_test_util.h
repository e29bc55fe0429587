// Helpers shared by the tests of the fixed-format and integer methods (fp*, kivi, mlx_affine,
// llama.cpp blocks).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/quant/method.h"

namespace vq::quant::testutil {

// The bytes of a block struct, in memory order.
template <class Block>
std::vector<uint8_t> bytesOf(const Block& block) {
  std::vector<uint8_t> out(sizeof(Block));
  std::memcpy(out.data(), &block, sizeof(Block));
  return out;
}

// A 32-value block: the listed leading values, then `fill` up to 32.
inline std::vector<float> block32(std::initializer_list<float> lead, float fill = 0.0f) {
  std::vector<float> x(lead);
  x.resize(32, fill);
  return x;
}

inline std::vector<float> gaussian(size_t count, uint64_t seed, float sigma = 1.0f) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> dist(0.0f, sigma);
  std::vector<float> x(count);
  for (auto& v : x) v = dist(rng);
  return x;
}

// storageBytes(rows) is exactly the number of bytes encode() writes: encodes into a buffer 64
// bytes longer than that, once pre-filled with 0x00 and once with 0xFF. Every byte below
// storageBytes must come out the same both times (so it was written), every byte past it must keep
// its sentinel (so nothing was written there).
inline ::testing::AssertionResult writesExactlyStorageBytes(const Method& m,
                                                            const std::vector<float>& x,
                                                            int64_t rows) {
  const size_t bytes = size_t(m.storageBytes(rows));
  std::vector<std::byte> a(bytes + 64, std::byte{0x00}), b(bytes + 64, std::byte{0xFF});
  m.encode(x, rows, a);
  m.encode(x, rows, b);
  for (size_t i = 0; i < bytes; ++i)
    if (a[i] != b[i])
      return ::testing::AssertionFailure() << "byte " << i << " of " << bytes << " not written";
  for (size_t i = bytes; i < a.size(); ++i)
    if (a[i] != std::byte{0x00} || b[i] != std::byte{0xFF})
      return ::testing::AssertionFailure() << "byte " << i << " written past storageBytes " << bytes;
  return ::testing::AssertionSuccess();
}

inline double relativeMse(const std::vector<float>& x, const std::vector<float>& y) {
  double num = 0, den = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    num += double(x[i] - y[i]) * double(x[i] - y[i]);
    den += double(x[i]) * double(x[i]);
  }
  return den > 0 ? num / den : num;
}

inline std::vector<float> roundTrip(const Method& m, const std::vector<float>& x, int64_t rows) {
  std::vector<float> y(x.size());
  m.roundTrip(x, rows, y);
  return y;
}

}  // namespace vq::quant::testutil
