// Methods × bits on the worker (core/eval/evaluator.h): every selected registry method at each
// requested bit-width it offers (fixed formats once), on the whole dump; one streamed row per
// configuration, or a row saying why a configuration cannot run on this dump.
#pragma once

#include <QFuture>
#include <QStringList>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/io/dump.h"
#include "core/quant/method.h"

namespace vq::ui {

class JobRunner;

struct CompareRow {
  quant::MethodConfig config;
  std::string method;
  int bits = 0;                 // 0: fixed format
  std::string skipped;          // non-empty: why it did not run
  double bpv = 0, bpvK = 0, bpvV = 0, compression = 0;
  double relMseK = 0, relMseV = 0, cosineK = 0, cosineV = 0, wastedBitsK = 0, wastedBitsV = 0;
  std::optional<double> outputError, outputErrorK, outputErrorV;
  double seconds = 0;
};

struct CompareRequest {
  std::vector<std::string> methods;
  std::vector<int> bits;
  int64_t queries = 256;  // sampled query positions per head (0: all)
};

// The configurations a request expands to, in order (methods as given, bits ascending).
std::vector<quant::MethodConfig> compareConfigs(const CompareRequest& request);

QFuture<CompareRow> startCompare(JobRunner& runner, std::shared_ptr<const Dump> dump, const CompareRequest& request);

}  // namespace vq::ui
