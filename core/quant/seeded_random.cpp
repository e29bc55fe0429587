#include "core/quant/seeded_random.h"

#include <cmath>
#include <numbers>

namespace vq::quant {

double SeededRandom::uniformOpenClosed() {
  const uint64_t bits = m_engine() >> 11;  // 53 bits
  return (double(bits) + 1.0) * 0x1p-53;
}

double SeededRandom::uniform() { return double(m_engine() >> 11) * 0x1p-53; }

float SeededRandom::sign() { return (m_engine() >> 63) ? -1.0f : 1.0f; }

double SeededRandom::normal() {
  if (m_hasSpare) {
    m_hasSpare = false;
    return m_spareNormal;
  }
  const double u1 = uniformOpenClosed();
  const double u2 = uniform();
  const double radius = std::sqrt(-2.0 * std::log(u1));
  const double angle = 2.0 * std::numbers::pi * u2;
  m_spareNormal = radius * std::sin(angle);
  m_hasSpare = true;
  return radius * std::cos(angle);
}

}  // namespace vq::quant
