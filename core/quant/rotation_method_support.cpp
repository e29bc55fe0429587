#include "core/quant/rotation_method_support.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/common/error.h"
#include "core/quant/method.h"

namespace vq::quant {

void requireBits(std::string_view method, int bits, int lo, int hi) {
  if (bits < lo || bits > hi)
    throw Error(ErrorCode::InvalidArgument, std::string(method) + ": bits must be in " + std::to_string(lo) +
                                                ".." + std::to_string(hi) + ", got " + std::to_string(bits));
}

void requireRowLength(std::string_view method, int n, int minLength) {
  if (n < minLength)
    throw Error(ErrorCode::InvalidArgument, std::string(method) + ": head_dim must be >= " +
                                                std::to_string(minLength) + ", got " + std::to_string(n));
}

void requireSketchDim(std::string_view method, int sketchDim) {
  if (sketchDim < 0 || sketchDim > kMaxSketchDim)
    throw Error(ErrorCode::InvalidArgument, std::string(method) + ": sketch_dim must be in 0.." +
                                                std::to_string(kMaxSketchDim) + " (0: head_dim), got " +
                                                std::to_string(sketchDim));
}

void requireEncodeBuffers(const Method& m, std::span<const float> x, int64_t rows, std::span<std::byte> out) {
  if (rows < 0) throw Error(ErrorCode::InvalidArgument, m.config().method + ": negative row count");
  if (x.size() < uint64_t(rows) * uint64_t(m.rowLength()))
    throw Error(ErrorCode::InvalidArgument, m.config().method + ": input holds " + std::to_string(x.size()) +
                                                " floats, " + std::to_string(rows) + " rows need " +
                                                std::to_string(uint64_t(rows) * uint64_t(m.rowLength())));
  if (out.size() < m.storageBytes(rows))
    throw Error(ErrorCode::InvalidArgument, m.config().method + ": output buffer holds " +
                                                std::to_string(out.size()) + " bytes, " + std::to_string(rows) +
                                                " rows need " + std::to_string(m.storageBytes(rows)));
}

void requireDecodeBuffers(const Method& m, std::span<const std::byte> in, int64_t rows, std::span<float> out) {
  if (rows < 0) throw Error(ErrorCode::InvalidArgument, m.config().method + ": negative row count");
  if (in.size() < m.storageBytes(rows))
    throw Error(ErrorCode::InvalidArgument, m.config().method + ": input holds " + std::to_string(in.size()) +
                                                " bytes, " + std::to_string(rows) + " rows need " +
                                                std::to_string(m.storageBytes(rows)));
  if (out.size() < uint64_t(rows) * uint64_t(m.rowLength()))
    throw Error(ErrorCode::InvalidArgument, m.config().method + ": output holds " + std::to_string(out.size()) +
                                                " floats, " + std::to_string(rows) + " rows need " +
                                                std::to_string(uint64_t(rows) * uint64_t(m.rowLength())));
}

void requireRoundTripBuffers(const Method& m, std::span<const float> x, int64_t rows, std::span<float> out) {
  const uint64_t need = uint64_t(std::max<int64_t>(rows, 0)) * uint64_t(m.rowLength());
  if (rows < 0 || x.size() < need || out.size() < need)
    throw Error(ErrorCode::InvalidArgument, m.config().method + ": round trip of " + std::to_string(rows) +
                                                " rows needs " + std::to_string(need) + " floats in and out");
}

float l2Norm(const float* x, size_t n) { return std::sqrt(dotProduct(x, x, n)); }

float dotProduct(const float* a, const float* b, size_t n) {
  float acc[8] = {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f};
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (int l = 0; l < 8; ++l) acc[l] += a[i + size_t(l)] * b[i + size_t(l)];
  for (size_t l = 0; i < n; ++i, ++l) acc[l] += a[i] * b[i];
  return ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
}

}  // namespace vq::quant
