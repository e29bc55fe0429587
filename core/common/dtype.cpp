#include "core/common/dtype.h"

#include <cstring>

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
    case DType::F16:
      for (size_t i = 0; i < n; ++i) {
        uint16_t h;
        std::memcpy(&h, src + 2 * i, 2);
        dst[i] = fp16ToFloat(h);
      }
      return;
    case DType::BF16:
      for (size_t i = 0; i < n; ++i) {
        uint16_t h;
        std::memcpy(&h, src + 2 * i, 2);
        dst[i] = bf16ToFloat(h);
      }
      return;
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
