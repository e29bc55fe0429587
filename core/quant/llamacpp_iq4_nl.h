// llama.cpp's iq4_nl cache type (4.5 bpv): blocks of 32 values, one fp16 scale d and 32 4-bit
// indices into a fixed non-uniform table; decoded d * kIq4NlValues[q].
//
// Quantization follows ggml's quantize_row_iq4_nl_impl with no importance weights (the weight of
// a value is x^2). Two variants exist in ggml, and both are offered:
//  - Iq4NlScaleSearch::None — ggml's quantize_row_iq4_nl_ref, which is what llama.cpp's cache
//    writes (the CPU backend's from_float for iq4_nl calls it; the GPU copy kernels do the same
//    thing). Indices come from the scale d0 = -amax/127 (the value of largest magnitude maps to
//    -127), and d is then refitted by weighted least squares over those indices. This is the
//    registry's "iq4_nl".
//  - Iq4NlScaleSearch::PlusMinus7 — ggml's quantize_iq4_nl without an imatrix (llama-quantize's
//    weight path): the least-squares fit is also tried for the 15 inverse scales
//    (itry - 127)/max, itry = -7..7, the best weighted fit wins, and the indices are recomputed
//    from the winning d.
// Blocks whose largest magnitude is below 1e-15 store d = 0. With the search, ggml then computes
// every index from id = 0, i.e. index 8 (the entry 1, nearest 0). Without it, ggml leaves its
// index array untouched, so the block repeats the indices of the previous block of the row; we
// reproduce that, and for the first block of a row (where ggml packs uninitialised memory) we use
// index 8 too. Either way such a block decodes to zeros.
#pragma once

#include <array>

#include "core/quant/llamacpp_block_method.h"

namespace vq::quant {

inline constexpr std::array<int8_t, 16> kIq4NlValues = {-127, -104, -83, -65, -49, -35, -22, -10,
                                                        1,    13,   25,  38,  53,  69,  89,  113};

enum class Iq4NlScaleSearch : uint8_t { None, PlusMinus7 };

// Index of the table entry nearest to x (ties go to the larger entry), as ggml's best_index_int8.
int nearestIq4NlIndex(float x);

// Quantizes one block. `indices` carries the index array from block to block of a row (see the
// note above); start each row with it filled with 8.
BlockIq4Nl quantizeBlockIq4Nl(const float* x, Iq4NlScaleSearch search,
                              std::array<uint8_t, 32>& indices);
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
