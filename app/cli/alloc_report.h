// Presentation of calibration, allocation and verification results for the CLI: aligned tables
// on stdout and their JSON forms.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/alloc/allocation.h"
#include "core/alloc/verify.h"
#include "core/calib/calibration_table.h"

namespace vq::cli {

struct ReportRow {
  std::string name;                      // "optimal", "uniform", ...
  const alloc::Allocation* allocation = nullptr;
  const alloc::VerifyResult* verified = nullptr;  // may be null
};

// Settings, menu (with measured bpv), notes and per-group D per entry with its fit.
void printCalibration(const calib::CalibrationTable& t);
// Budget, achieved rates, predicted distortion and the choice of every group.
void printAllocation(const calib::CalibrationTable& t, const alloc::Allocation& a);
// Per group: predicted vs measured distortion of the first row's allocation, then one summary
// line per row (achieved rate, bpv, predicted, measured end-to-end output errors).
void printVerification(const std::vector<calib::Group>& groups, const std::vector<double>& predicted,
                       const std::vector<ReportRow>& rows, const std::vector<std::string>& labels);
void printComparison(const std::vector<ReportRow>& rows, calib::RateUnit unit);

nlohmann::json allocationJson(const calib::CalibrationTable& t, const alloc::Allocation& a);
nlohmann::json verifyJson(const alloc::VerifyResult& r);

}  // namespace vq::cli
