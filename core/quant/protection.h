// Outlier and protection options that compose with any quantization method (DESIGN.md §4):
// - sink tokens: the first n tokens kept in fp16 (attention sinks);
// - z-score tokens: tokens whose row norm exceeds mean + z·std kept in fp16;
// - residual window: the last R tokens kept in fp16;
// - outlier channels: the top-c channels by mean |x| stored as int8 with an fp16 scale per token
//   (two-stream), removed from what the method quantizes.
// Every byte is counted: fp16 rows (2 bytes per value), the positions of z-score rows (4 bytes
// each; sink and window rows are implicit), channel indices (2 bytes each) and, per token of the
// main stream, c int8 values + one fp16 scale.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/quant/method.h"

namespace vq::quant {

struct ProtectionConfig {
  int sinkTokens = 0;        // first n rows in fp16
  double zScore = 0.0;       // > 0: rows with norm > mean + z·std in fp16 (2.5 is typical)
  int residualWindow = 0;    // last R rows in fp16
  int outlierChannels = 0;   // top-c channels as int8 + per-row fp16 scale
  bool any() const { return sinkTokens > 0 || zScore > 0 || residualWindow > 0 || outlierChannels > 0; }
  std::string describe() const;  // "sink 4, z 2.5, window 0, channels 2" or "none"
};

// Throws Error(InvalidArgument) naming the option for negative counts or a non-finite z.
void validate(const ProtectionConfig& p);

struct ProtectedResult {
  uint64_t bytes = 0;           // everything stored: method bytes + protection bytes
  uint64_t methodBytes = 0;     // what the method itself stores for the unprotected rows
  int64_t protectedRows = 0;    // rows kept in fp16
  int outlierChannels = 0;
};

// Quantizes then decodes `rows` rows of the method's row length n (x: rows*n floats, out: same
// size) under protection. Rows are tokens: for RowScope::Vector and HeadMatrix one head's
// [tokens x d]; for LayerRow one layer's [tokens x Hkv·d]. Without protection this is exactly
// Method::roundTrip and storageBytes(rows).
ProtectedResult roundTripProtected(const Method& method, const ProtectionConfig& protection,
                                   std::span<const float> x, int64_t rows, std::span<float> out);

}  // namespace vq::quant
