// A small, fast, portable random generator (xoshiro256**, seeded by splitmix64) with its own
// normal sampler, so results are identical on every compiler and standard library.
#pragma once

#include <cmath>
#include <cstdint>

namespace vq {

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& s : m_s) s = splitmix(seed);
  }
  // Independent stream for a (seed, a, b, c) tuple, e.g. (seed, layer, role, head).
  static Rng stream(uint64_t seed, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    uint64_t x = seed;
    x = splitmixValue(x ^ (a * 0x9E3779B97F4A7C15ull));
    x = splitmixValue(x ^ (b * 0xC2B2AE3D27D4EB4Full));
    x = splitmixValue(x ^ (c * 0x165667B19E3779F9ull));
    return Rng(x);
  }

  uint64_t next() {
    const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
  }
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }
  // Standard normal (Box–Muller; the second value is cached).
  double normal() {
    if (m_hasSpare) {
      m_hasSpare = false;
      return m_spare;
    }
    double u1 = uniform();
    while (u1 <= 0.0) u1 = uniform();
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double a = 6.283185307179586476925 * u2;
    m_spare = r * std::sin(a);
    m_hasSpare = true;
    return r * std::cos(a);
  }
  // +1 or -1 with equal probability.
  float sign() { return (next() >> 63) ? 1.0f : -1.0f; }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t splitmixValue(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
  }
  static uint64_t splitmix(uint64_t& state) {
    const uint64_t r = splitmixValue(state);
    state += 0x9E3779B97F4A7C15ull;
    return r;
  }
  uint64_t m_s[4];
  double m_spare = 0.0;
  bool m_hasSpare = false;
};

}  // namespace vq
