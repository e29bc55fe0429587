// Seeded random numbers whose values are fully specified: std::mt19937_64 (its output sequence is
// fixed by the C++ standard) plus our own uniform, sign and Box-Muller normal generation, so that
// rotations and sketches are identical across standard libraries and platforms (up to the
// last-bit accuracy of std::log / std::sqrt, which IEEE requires exact for sqrt).
#pragma once

#include <cstdint>
#include <random>

namespace vq::quant {

class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : m_engine(seed) {}

  // Uniform on (0, 1]: 53 random bits, never 0 (so log() is always finite).
  double uniformOpenClosed();
  // Uniform on [0, 1).
  double uniform();
  // +1 or -1 with probability 1/2 each (top bit of one engine draw).
  float sign();
  // Standard normal N(0, 1) by the polar (Marsaglia) form of Box-Muller; values come in pairs.
  double normal();

 private:
  std::mt19937_64 m_engine;
  double m_spareNormal = 0.0;
  bool m_hasSpare = false;
};

}  // namespace vq::quant
