// The registry section of the fixed-format and integer methods: the floating-point baselines,
// kivi, mlx_affine and the llama.cpp block formats. Each create() validates its parameters (the
// constructors throw Error(InvalidArgument) naming the bad one) and builds the method.
#include <memory>
#include <string>

#include "core/quant/fp_baselines.h"
#include "core/quant/kivi.h"
#include "core/quant/llamacpp_iq4_nl.h"
#include "core/quant/llamacpp_q4.h"
#include "core/quant/llamacpp_q5.h"
#include "core/quant/llamacpp_q8_0.h"
#include "core/quant/mlx_affine.h"
#include "core/quant/registry.h"

namespace vq::quant {
namespace {

// A create() that builds T(cfg with its registry name, n, extra...).
template <class T, class... Extra>
auto creator(std::string name, Extra... extra) {
  return [name = std::move(name), extra...](const MethodConfig& cfg, int n) -> std::unique_ptr<Method> {
    MethodConfig named = cfg;
    named.method = name;
    return std::make_unique<T>(std::move(named), n, extra...);
  };
}

MethodInfo floatBaseline(std::string name, std::string summary, FloatFormat format,
                         std::string formula) {
  return {name, "baseline", std::move(summary), {}, RowScope::Vector, std::move(formula),
          creator<FloatBaseline>(name, format)};
}

template <class T>
MethodInfo llamaCppFormat(std::string name, std::string summary, int blockBytes) {
  return {name, "llama.cpp", std::move(summary), {}, RowScope::LayerRow,
          std::to_string(blockBytes) +
              " bytes per block of 32 values; a row (one token's KV heads of a layer, n = Hkv*d, "
              "a multiple of 32) is n/32 blocks",
          creator<T>(name)};
}

}  // namespace

std::vector<MethodInfo> formatMethods() {
  std::vector<MethodInfo> m;
  m.push_back(floatBaseline("fp16", "IEEE half precision, round to nearest even (the unquantized reference)",
                            FloatFormat::Fp16, "2*d bytes per vector"));
  m.push_back(floatBaseline("bf16", "bfloat16 (8-bit exponent, 7-bit mantissa), round to nearest even",
                            FloatFormat::Bf16, "2*d bytes per vector"));
  m.push_back(floatBaseline("fp8_e4m3", "OCP fp8 e4m3fn, round to nearest even, saturating at +-448, no scale",
                            FloatFormat::Fp8E4M3, "d bytes per vector"));
  m.push_back({"kivi", "integer",
               "KIVI asymmetric min/max integers: keys per channel over G-token groups, values per "
               "token in G-channel groups, fp16 scale+zero, optional fp16 residual window",
               {1, 2, 3, 4, 5, 6, 7, 8}, RowScope::HeadMatrix,
               "per head of T tokens, R = min(residualWindow, T), T_q = T - R: ceil(T_q*d*b/8) + "
               "4*groups + 2*R*d bytes; groups = d*ceil(T_q/G) for keys, T_q*d/min(G,d) for values "
               "(G default 32)",
               creator<Kivi>("kivi")});
  m.push_back({"mlx_affine", "mlx",
               "MLX affine quantization (mlx-lm's quantized KV cache): groups of G values per "
               "vector, b-bit codes, fp16 scale and bias per group",
               {2, 3, 4, 6, 8}, RowScope::Vector,
               "(d/G)*(ceil(G*b/8) + 4) bytes per vector, G = min(groupSize, d) (default 64): "
               "b + 0.5 bpv at G = 64",
               creator<MlxAffine>("mlx_affine")});
  m.push_back(llamaCppFormat<LlamaCppQ8_0>("q8_0", "llama.cpp q8_0: 32 int8 codes + fp16 scale per block (8.5 bpv)", 34));
  m.push_back(llamaCppFormat<LlamaCppQ5_1>("q5_1", "llama.cpp q5_1: 5-bit codes, fp16 scale and min per block (6.0 bpv)", 24));
  m.push_back(llamaCppFormat<LlamaCppQ5_0>("q5_0", "llama.cpp q5_0: symmetric 5-bit codes, fp16 scale per block (5.5 bpv)", 22));
  m.push_back(llamaCppFormat<LlamaCppQ4_1>("q4_1", "llama.cpp q4_1: 4-bit codes, fp16 scale and min per block (5.0 bpv)", 20));
  m.push_back(llamaCppFormat<LlamaCppQ4_0>("q4_0", "llama.cpp q4_0: symmetric 4-bit codes, fp16 scale per block (4.5 bpv)", 18));
  m.push_back(llamaCppFormat<LlamaCppIq4Nl>(
      "iq4_nl", "llama.cpp iq4_nl: 4-bit indices into a fixed non-uniform table, least-squares fp16 scale (4.5 bpv)", 18));
  return m;
}

}  // namespace vq::quant
