// Command-line options shared by every command that runs a quantization method: method
// parameters (--group-size, --norm-correction, ...), protection (--sink, --zscore, ...) and the
// evaluation scope (--layers, --queries).
#pragma once

#include <string>
#include <vector>

#include "app/cli/args.h"
#include "core/eval/evaluator.h"
#include "core/quant/method.h"
#include "core/quant/protection.h"

namespace vq::cli {

void addMethodOptions(Args& a);
void addProtectionOptions(Args& a);
void addScopeOptions(Args& a);  // --layers, --queries, --query-seed

// A config for `method` at `bits` with the method parameters of the command line.
quant::MethodConfig methodConfigFrom(const Args& a, const std::string& method, int bits);
quant::ProtectionConfig protectionFrom(const Args& a);
EvalOptions evalOptionsFrom(const Args& a);

// The configurations of methods × bits; methods without a bit-width (fixed formats) appear once.
// Bits a method does not support are skipped with a note on stderr; none left → UsageError.
std::vector<quant::MethodConfig> sweepConfigs(const Args& a, const std::vector<std::string>& methods,
                                              const std::vector<int>& bits);

}  // namespace vq::cli
