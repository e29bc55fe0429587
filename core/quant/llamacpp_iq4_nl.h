// llama.cpp's iq4_nl cache type (4.5 bpv): blocks of 32 values, one fp16 scale d and 32 4-bit
// indices into a fixed non-uniform table; decoded d * kIq4NlValues[q].
//
// Quantization follows ggml's quantize_row_iq4_nl_impl with no importance weights (the weight of
// a value is x^2). Two variants exist in ggml, and both are offered:
//  - Iq4NlScaleSearch::None — ggml's quantize_row_iq4_nl_ref, which is what llama.cpp's cache
//    writes (the CPU backend's from_float for iq4_nl calls it). Indices come from the scale
//    d0 = max / -127 (max: the signed value of largest magnitude, which so maps to -127), and d is
//    then refitted by weighted least squares over those indices. This is the registry's "iq4_nl".
//  - Iq4NlScaleSearch::PlusMinus7 — ggml's quantize_iq4_nl without an imatrix (llama-quantize's
//    weight path): the least-squares fit is also tried for the 15 inverse scales
//    (itry - 127)/max, itry = -7..7, the best weighted fit wins, and the indices are recomputed
//    from the winning d.
// Blocks whose largest magnitude is below 1e-15 store d = 0 with every index 0 (ref) or 8 (search:
// the indices come from id = 0). Index choice: entry i is taken once x reaches the midpoint of
// entries i-1 and i, ties going up, compared exactly as 2x >= K[i-1] + K[i].
// This follows current ggml. Older ggml (before the index array was cleared and the midpoint
// test made exact) left a zero block's indices stale or uninitialised, and compared rounded
// distances; it writes the same bytes except for zero blocks (which decode the same) and values
// within an fp32 rounding of a midpoint.
#pragma once

#include <array>

#include "core/quant/llamacpp_block_method.h"

namespace vq::quant {

inline constexpr std::array<int8_t, 16> kIq4NlValues = {-127, -104, -83, -65, -49, -35, -22, -10,
                                                        1,    13,   25,  38,  53,  69,  89,  113};

enum class Iq4NlScaleSearch : uint8_t { None, PlusMinus7 };

// Index of the table entry nearest to x (ties go to the larger entry; NaN gives 0).
int nearestIq4NlIndex(float x);

BlockIq4Nl quantizeBlockIq4Nl(const float* x, Iq4NlScaleSearch search);
void dequantizeBlockIq4Nl(const BlockIq4Nl& block, float* y);

class LlamaCppIq4Nl final : public LlamaCppBlockMethod {
 public:
  LlamaCppIq4Nl(MethodConfig config, int n, Iq4NlScaleSearch search = Iq4NlScaleSearch::None);
  Iq4NlScaleSearch search() const { return m_search; }

 protected:
  void quantizeRow(const float* x, std::byte* out) const override;
  void dequantizeRow(const std::byte* in, float* y) const override;

 private:
  Iq4NlScaleSearch m_search;
};

}  // namespace vq::quant
