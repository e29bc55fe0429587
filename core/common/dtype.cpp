#include "core/common/dtype.h"

#include <cstring>

#if defined(__F16C__)
#include <immintrin.h>
#endif

#include "core/common/half.h"

namespace vq {

std::string_view dtypeName(DType t) {
  switch (t) {
    case DType::F32: return "f32";
    case DType::F16: return "f16";
    case DType::BF16: return "bf16";
  }
  return "?";
}

std::optional<DType> parseDtypeName(std::string_view s) {
  if (s == "f32" || s == "float32" || s == "F32") return DType::F32;
  if (s == "f16" || s == "float16" || s == "F16") return DType::F16;
  if (s == "bf16" || s == "bfloat16" || s == "BF16") return DType::BF16;
  return std::nullopt;
}

void convertToF32(const std::byte* src, DType t, size_t n, float* dst) {
  switch (t) {
    case DType::F32:
      std::memcpy(dst, src, n * 4);
      return;
    case DType::F16: {
      size_t i = 0;
#if defined(__F16C__)
      // Hardware half -> float conversion is exact, so this equals fp16ToFloat bit for bit.
      for (; i + 8 <= n; i += 8) {
        const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 2 * i));
        _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(h));
      }
#endif
      for (; i < n; ++i) {
        uint16_t h;
        std::memcpy(&h, src + 2 * i, 2);
        dst[i] = fp16ToFloat(h);
      }
      return;
    }
    case DType::BF16: {
      constexpr size_t kChunk = 256;
      uint16_t tmp[kChunk];
      for (size_t i = 0; i < n; i += kChunk) {
        const size_t m = n - i < kChunk ? n - i : kChunk;
        std::memcpy(tmp, src + 2 * i, 2 * m);
        for (size_t j = 0; j < m; ++j) dst[i + j] = bf16ToFloat(tmp[j]);  // a shift: vectorised
      }
      return;
    }
  }
}

void convertFromF32(const float* src, DType t, size_t n, std::byte* dst) {
  switch (t) {
    case DType::F32:
      std::memcpy(dst, src, n * 4);
      return;
    case DType::F16:
      for (size_t i = 0; i < n; ++i) {
        const uint16_t h = floatToFp16(src[i]);
        std::memcpy(dst + 2 * i, &h, 2);
      }
      return;
    case DType::BF16:
      for (size_t i = 0; i < n; ++i) {
        const uint16_t h = floatToBf16(src[i]);
        std::memcpy(dst + 2 * i, &h, 2);
      }
      return;
  }
}

}  // namespace vq
