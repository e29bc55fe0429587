#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "core/quant/registry.h"

namespace vq::cli {

namespace {
const char* scopeName(quant::RowScope s) {
  switch (s) {
    case quant::RowScope::Vector: return "vector";
    case quant::RowScope::HeadMatrix: return "head";
    case quant::RowScope::LayerRow: return "layer-row";
  }
  return "?";
}
}  // namespace

int runMethods(int argc, char** argv) {
  Args a("methods", "Lists every quantization method of the registry with its exact storage.");
  a.flag("json", "machine-readable output");
  if (!a.parse(argc, argv)) return kOk;
  const auto& reg = quant::methodRegistry();
  if (a.has("json")) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& m : reg)
      j.push_back({{"name", m.name}, {"family", m.family}, {"summary", m.summary}, {"bits", m.bits},
                   {"scope", scopeName(m.scope)}, {"storage", m.storageFormula}});
    std::puts(j.dump(2).c_str());
    return kOk;
  }
  std::printf("%-16s %-11s %-10s %-10s %s\n", "method", "family", "bits", "unit", "storage");
  for (const auto& m : reg) {
    std::string bits;
    for (int b : m.bits) bits += (bits.empty() ? "" : ",") + std::to_string(b);
    std::printf("%-16s %-11s %-10s %-10s %s\n", m.name.c_str(), m.family.c_str(), bits.empty() ? "-" : bits.c_str(),
                scopeName(m.scope), m.storageFormula.c_str());
  }
  return kOk;
}

}  // namespace vq::cli
