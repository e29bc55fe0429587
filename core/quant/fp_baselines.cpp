#include "core/quant/fp_baselines.h"

#include <string>

#include "core/common/error.h"
#include "core/common/half.h"
#include "core/quant/format_io.h"
#include "core/quant/fp8_e4m3.h"

namespace vq::quant {

FloatBaseline::FloatBaseline(MethodConfig config, int n, FloatFormat format)
    : Method(std::move(config), n), m_format(format) {
  if (n <= 0)
    throw Error(ErrorCode::InvalidArgument,
                m_config.method + " needs a positive head_dim, got " + std::to_string(n));
}

uint64_t FloatBaseline::storageBytes(int64_t rows) const {
  return rows <= 0 ? 0 : uint64_t(rows) * uint64_t(m_n) * uint64_t(bytesPerValue());
}

void FloatBaseline::encode(std::span<const float> x, int64_t rows, std::span<std::byte> out) const {
  const uint64_t count = uint64_t(rows) * uint64_t(m_n);
  requireBuffers(m_config.method, rows, x.size(), count, out.size(), storageBytes(rows));
  if (rows <= 0) return;
  switch (m_format) {
    case FloatFormat::Fp16:
      for (uint64_t i = 0; i < count; ++i) storeLittleEndian16(floatToFp16(x[i]), &out[2 * i]);
      break;
    case FloatFormat::Bf16:
      for (uint64_t i = 0; i < count; ++i) storeLittleEndian16(floatToBf16(x[i]), &out[2 * i]);
      break;
    case FloatFormat::Fp8E4M3:
      for (uint64_t i = 0; i < count; ++i) out[i] = std::byte(floatToFp8E4M3(x[i]));
      break;
  }
}

void FloatBaseline::decode(std::span<const std::byte> in, int64_t rows, std::span<float> out) const {
  const uint64_t count = uint64_t(rows) * uint64_t(m_n);
  requireBuffers(m_config.method, rows, out.size(), count, in.size(), storageBytes(rows));
  if (rows <= 0) return;
  switch (m_format) {
    case FloatFormat::Fp16:
      for (uint64_t i = 0; i < count; ++i) out[i] = fp16ToFloat(loadLittleEndian16(&in[2 * i]));
      break;
    case FloatFormat::Bf16:
      for (uint64_t i = 0; i < count; ++i) out[i] = bf16ToFloat(loadLittleEndian16(&in[2 * i]));
      break;
    case FloatFormat::Fp8E4M3:
      for (uint64_t i = 0; i < count; ++i) out[i] = fp8E4M3ToFloat(std::to_integer<uint8_t>(in[i]));
      break;
  }
}

}  // namespace vq::quant
