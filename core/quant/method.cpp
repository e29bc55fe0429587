#include "core/quant/method.h"

#include <vector>

namespace vq::quant {

void Method::roundTrip(std::span<const float> x, int64_t rows, std::span<float> out) const {
  std::vector<std::byte> packed(storageBytes(rows));
  encode(x, rows, packed);
  decode(packed, rows, out);
}

double Method::bitsPerValue(int64_t rows) const {
  if (rows <= 0 || m_n <= 0) return 0.0;
  return double(storageBytes(rows)) * 8.0 / (double(rows) * double(m_n));
}

}  // namespace vq::quant
