#include "core/metrics/query_sampling.h"

#include <numeric>
#include <string>

#include "core/common/error.h"

namespace vq::metrics {

namespace {
uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
}  // namespace

std::vector<int64_t> sampleQueryPositions(int64_t T, int64_t n, uint64_t seed) {
  if (T <= 0) return {};
  if (T >= (int64_t(1) << 31)) {
    throw Error(ErrorCode::InvalidArgument,
                "query sampling: sequence length " + std::to_string(T) + " is too long");
  }
  std::vector<int64_t> out;
  if (n <= 0 || n >= T) {
    out.resize(size_t(T));
    std::iota(out.begin(), out.end(), int64_t(0));
    return out;
  }
  out.reserve(size_t(n));
  uint64_t state = seed;
  for (int64_t i = 0; i < n; ++i) {
    const int64_t lo = i * T / n;
    const int64_t hi = (i + 1) * T / n;  // exclusive, > lo because n < T
    const uint64_t r = splitmix64(state);
    out.push_back(i == n - 1 ? T - 1 : lo + int64_t(r % uint64_t(hi - lo)));
  }
  return out;
}

}  // namespace vq::metrics
