// The one registry of quantization methods. The CLI, GUI, export and tests enumerate methods
// from here; nothing else holds a list of method names.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/quant/method.h"

namespace vq::quant {

struct MethodInfo {
  std::string name;            // "turboquant_mse", "q4_0", ...
  std::string family;          // "baseline", "turboquant", "sketch", "polar", "integer", "llama.cpp", "mlx"
  std::string summary;         // one line, English (the GUI translates by name)
  std::vector<int> bits;       // valid bit-widths; empty for fixed formats (q4_0, fp16, ...)
  RowScope scope = RowScope::Vector;
  std::string storageFormula;  // exact bytes, human readable, e.g. "ceil(d*b/8) + 2 bytes per vector"
  // Validates cfg for row length n and builds the method. Throws vq::Error(InvalidArgument)
  // naming the bad parameter (e.g. "polar needs head_dim divisible by 16, got 20").
  std::function<std::unique_ptr<Method>(const MethodConfig& cfg, int n)> create;
};

const std::vector<MethodInfo>& methodRegistry();
const MethodInfo* findMethod(std::string_view name);  // nullptr if unknown
// Looks up cfg.method and creates it; unknown names throw Error(InvalidArgument) listing the valid ones.
std::unique_ptr<Method> createMethod(const MethodConfig& cfg, int n);

// Sections of the registry, one per source file family (each defined in its own .cpp).
std::vector<MethodInfo> rotationMethods();  // turboquant_mse/prod/rvq, qjl, polar, turbo2/3/4
std::vector<MethodInfo> formatMethods();    // fp16, bf16, fp8_e4m3, kivi, mlx_affine, q8_0..iq4_nl

}  // namespace vq::quant
