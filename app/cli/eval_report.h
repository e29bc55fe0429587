// Presentation of evaluation results for the CLI: the side-by-side table, CSV and JSON.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/evaluator.h"
#include "core/io/csv_table.h"

namespace vq::cli {

// "turboquant_mse 3b", "q4_0".
std::string configLabel(const quant::MethodConfig& c);

void printSummaryTable(const std::vector<EvalSummary>& rows, bool hasQueries);
CsvTable summaryCsv(const std::vector<EvalSummary>& rows);
nlohmann::json summaryJson(const std::vector<EvalSummary>& rows);

// Per (configuration, layer, KV head) rows, filled from the sweep's layer callback.
class GroupCsv {
 public:
  GroupCsv();
  void add(const quant::MethodConfig& config, const LayerEval& layer, const std::vector<int>& heads);
  const CsvTable& table() const { return m_table; }

 private:
  CsvTable m_table;
};

}  // namespace vq::cli
