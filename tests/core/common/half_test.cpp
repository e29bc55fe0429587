#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/common/half.h"

namespace vq {
namespace {

TEST(Half, ExactValuesRoundTrip) {
  for (uint32_t h = 0; h < 0x10000; ++h) {
    const uint16_t bits = uint16_t(h);
    const float f = fp16ToFloat(bits);
    if (std::isnan(f)) continue;
    EXPECT_EQ(floatToFp16(f), bits) << "half bits " << h;
  }
}

TEST(Half, RoundsToNearestEven) {
  // 1 + 2^-11 lies exactly between 1 and 1 + 2^-10: ties go to the even mantissa (1.0).
  EXPECT_EQ(floatToFp16(1.0f + 0x1p-11f), 0x3C00);
  // 1 + 3*2^-11 is between 1+2^-10 (odd) and 1+2^-9 (even): goes up.
  EXPECT_EQ(floatToFp16(1.0f + 3 * 0x1p-11f), 0x3C02);
  EXPECT_EQ(floatToFp16(65504.0f), 0x7BFF);
  EXPECT_EQ(floatToFp16(65519.0f), 0x7BFF);
  EXPECT_EQ(floatToFp16(65520.0f), 0x7C00);  // overflow to +Inf
  EXPECT_EQ(floatToFp16(0x1p-25f), 0x0000);  // half of the smallest subnormal: tie to even (0)
  EXPECT_EQ(floatToFp16(0x1p-25f * 3), 0x0002);
  EXPECT_EQ(floatToFp16(-0.0f), 0x8000);
  EXPECT_EQ(floatToFp16(std::numeric_limits<float>::infinity()), 0x7C00);
  EXPECT_TRUE(std::isnan(fp16ToFloat(floatToFp16(std::nanf("")))));
}

TEST(Bf16, RoundsToNearestEven) {
  EXPECT_EQ(floatToBf16(1.0f), 0x3F80);
  EXPECT_EQ(floatToBf16(1.0f + 0x1p-8f), 0x3F80);      // tie -> even
  EXPECT_EQ(floatToBf16(1.0f + 3 * 0x1p-8f), 0x3F82);  // tie -> even (up)
  EXPECT_FLOAT_EQ(bf16ToFloat(0x4049), 3.140625f);
}

}  // namespace
}  // namespace vq

#include "core/common/dtype.h"

namespace vq {
namespace {

TEST(Dtype, BulkConversionEqualsScalarForEveryHalf) {
  std::vector<uint16_t> all(0x10000 + 5);
  for (size_t i = 0; i < all.size(); ++i) all[i] = uint16_t(i);
  std::vector<float> bulk(all.size());
  for (DType t : {DType::F16, DType::BF16}) {
    convertToF32(reinterpret_cast<const std::byte*>(all.data()), t, all.size(), bulk.data());
    for (size_t i = 0; i < all.size(); ++i) {
      const float want = t == DType::F16 ? fp16ToFloat(all[i]) : bf16ToFloat(all[i]);
      if (std::isnan(want)) {
        EXPECT_TRUE(std::isnan(bulk[i]));
      } else {
        ASSERT_EQ(bulk[i], want) << i;
      }
    }
  }
}

}  // namespace
}  // namespace vq
