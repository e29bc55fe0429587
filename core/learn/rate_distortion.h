// The rate–distortion curve of one method on one KV head of a loaded layer (the Learn view):
// relative MSE (the evaluator's relMse: mean over tokens of ‖x−x̂‖²/‖x‖²) against the stored bits
// per value, for each bit-width the method offers up to kMaxLearnBits (one point for fixed
// formats), beside the two references a student compares it with: the Shannon limit of a
// Gaussian source D = 4^−b and the Lloyd–Max scalar quantizer of a unit-vector coordinate
// (the codebook turboquant uses, its MSE × d: the N(0,1) table values of DESIGN.md §4 for d >= 64).
#pragma once

#include <vector>

#include "core/common/progress.h"
#include "core/learn/walkthrough.h"

namespace vq::learn {

constexpr int kMaxLearnBits = 4;

struct RdPoint {
  int bits = 0;            // 0 for fixed formats
  double bitsPerValue = 0; // stored, norms and protection included
  double relMse = 0;
  bool current = false;    // the bit-width of the request
};

struct ReferencePoint {
  int bits = 0;
  double shannon = 0;   // 4^−b
  double lloydMax = 0;  // unitSphereCoordinateCodebook(d, b).mse · d
};

// Bit-widths the curve visits for a method: its valid ones in 1..kMaxLearnBits (all of them when
// it has none there, e.g. mlx_affine's 2..8 keeps 2..4), or {0} for fixed formats.
std::vector<int> curveBits(const std::string& method);

// One point per curveBits() entry, with the request's other settings (toggles, protection, head,
// role). Progress is polled between points. Bit-widths the method rejects on this head are left out.
std::vector<RdPoint> rateDistortion(const LayerData& layer, const LearnOptions& options, const Progress& progress = {});

std::vector<ReferencePoint> referenceCurve(int dim, int maxBits = kMaxLearnBits);

}  // namespace vq::learn
