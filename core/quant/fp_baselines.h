// The floating-point baselines: every value cast to fp16 (16 bpv), bf16 (16 bpv) or fp8 e4m3
// (8 bpv), no scales. RowScope::Vector: a row is one head vector, rows are independent.
// fp16 and bf16 round to nearest even (core/common/half.h); fp8 e4m3 rounds to nearest even and
// saturates to +-448 (fp8_e4m3.h says why). Multi-byte values are stored little-endian.
#pragma once

#include "core/quant/method.h"

namespace vq::quant {

enum class FloatFormat : uint8_t { Fp16, Bf16, Fp8E4M3 };

class FloatBaseline final : public Method {
 public:
  FloatBaseline(MethodConfig config, int n, FloatFormat format);

  FloatFormat format() const { return m_format; }
  int bytesPerValue() const { return m_format == FloatFormat::Fp8E4M3 ? 1 : 2; }

  RowScope scope() const override { return RowScope::Vector; }
  uint64_t storageBytes(int64_t rows) const override;
  void encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const override;
  void decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const override;

 private:
  FloatFormat m_format;
};

}  // namespace vq::quant
