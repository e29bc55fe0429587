#include "core/quant/seeded_random.h"

#include <cmath>

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
  // Marsaglia's polar form of Box-Muller: a uniform point of the unit disc (by rejection)
  // gives two independent normals with one log and one sqrt, no trigonometry.
  double u, v, s;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  m_spareNormal = v * factor;
  m_hasSpare = true;
  return u * factor;
}

}  // namespace vq::quant
