// Allocation files, *.vqalloc.json (DESIGN.md §7): what an allocation chose for every group, the
// budget it was solved for and what it achieved, its predicted (and, after verify, measured)
// distortion, the model and dump it came from and the calibration settings. The GUI reopens
// them; save → load → save gives byte-identical JSON.
//
// Schema "veloxquant.allocation", version 1 (every key is written; "null" where noted):
// {
//   "schema": "veloxquant.allocation", "version": 1,
//   "created_by": "veloxquant <version>",
//   "dump": {"path", "model", "hash" ("fnv1a64:…", see core/calib/dump_identity.h),
//            "layers": [{"q_heads", "kv_heads", "tokens", "head_dim"}, …]},
//   "calibration": {"probe", "metric", "granularity", "kv", "menu_kind", "protection": {…},
//                   "query_positions", "query_seed", "queries", "layers", "noise_scale",
//                   "noise_seed", "beta", "notes"}          (as in calibration tables),
//   "menu": [{"label", "bits" (0: fixed format), "bpv" (measured; 0: unknown),
//             "config": {"method", "bits", "group_size", "norm_correction", "sketch_dim",
//                        "residual_window", "seed"}}, …],
//   "allocator": "optimal" | "ratequant" | "uniform" | "imported" | "edited",
//   "budget": {"unit": "bits" | "bpv", "target", "target_k" (null), "target_v" (null),
//              "min" (null), "max" (null), "rules": ["first:2", "L3.K=4", …], "beta" (null: fitted),
//              "achieved", "achieved_bpv", "achieved_bits" (0: fixed formats),
//              "achieved_k" (null unless K/V separate), "achieved_v" (null), "minimum_achievable"},
//   "ratequant_beta": β used by ratequant (0 for other allocators),
//   "predicted": Σ_g w_g·D_g(chosen),
//   "measured": null | {"output_error", "output_error_k", "output_error_v" (null without queries),
//                       "rel_mse_k", "rel_mse_v", "bpv", "queries"},
//   "notes": ["…"],
//   "groups": [{"id", "layer", "head" (null: every KV head), "role": "K" | "V" | "KV", "values",
//               "tokens", "head_dim", "heads", "method", "bits" (0: fixed format), "bpv",
//               "weight", "pinned", "predicted" (D at the chosen entry, unweighted),
//               "measured" (null), "table": null | {"bpv": [per menu entry],
//                                                   "distortion": [per menu entry]}}, …]
// }
// A group's choice is its "method" + "bits", looked up in "menu" (so a hand edit of "bits" from
// 3 to 2 is understood). "table" keeps the group's calibration row, so the allocation can be
// re-solved or edited with live predictions without the calibration file.
// Loading validates everything and throws Error naming the field, e.g.
// "groups[5].bits: turboquant_mse 5b is not in the menu (1, 2, 3, 4)".
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/alloc/allocation.h"
#include "core/alloc/verify.h"
#include "core/calib/calibration_table.h"
#include "core/io/dump.h"

namespace vq::io {

inline constexpr const char* kAllocationSchema = "veloxquant.allocation";
inline constexpr int kAllocationVersion = 1;

struct AllocatedGroup {
  calib::Group group;
  int entry = 0;                        // index into the menu
  double bpv = 0;                       // at the chosen entry (0: unknown)
  double weight = 0;
  bool pinned = false;
  double predicted = 0;                 // D at the chosen entry (unweighted)
  std::optional<double> measured;       // D measured by verify
  std::vector<double> tableBpv;         // calibration row (empty: not kept)
  std::vector<double> tableDistortion;
};

struct MeasuredSummary {
  std::optional<double> outputError, outputErrorK, outputErrorV;
  double relMseK = 0, relMseV = 0, bpv = 0;
  int64_t queries = 0;
};

struct AllocationFile {
  calib::DumpIdentity dump;
  calib::CalibrationSettings calibration;
  std::vector<calib::MenuEntry> menu;
  alloc::Allocation allocation;  // choice/pinned mirror groups[]
  std::vector<AllocatedGroup> groups;
  std::optional<MeasuredSummary> measured;
};

// From a calibration table and an allocation on it (with the verify result when there is one).
AllocationFile makeAllocationFile(const calib::CalibrationTable& table, const alloc::Allocation& allocation,
                                  const alloc::VerifyResult* verified = nullptr);
// Stores a verify result (per group and overall) in the file.
void setMeasured(AllocationFile& f, const alloc::VerifyResult& r);

nlohmann::json toJson(const AllocationFile& f);
AllocationFile allocationFileFromJson(const nlohmann::json& j, const std::string& file = {});
void saveAllocationFile(const AllocationFile& f, const std::filesystem::path& path);  // atomic
AllocationFile loadAllocationFile(const std::filesystem::path& path);

// Checks the file fits `dump`: same layer count, KV heads and head_dim per layer (else
// Error(InvalidArgument) naming the field). Returns warnings for what may legitimately differ
// (token counts, content hash, model name).
std::vector<std::string> checkAgainstDump(const AllocationFile& f, const Dump& dump);

// The calibration table kept in the file (every group has its "table" row); nullopt otherwise.
std::optional<calib::CalibrationTable> calibrationTableOf(const AllocationFile& f);

// What verify needs to apply the file to `dump`: groups rebuilt for the dump's shapes (so a
// recording with another length works) and each group's chosen entry, matched by id.
alloc::VerifyPlan verifyPlanFor(const AllocationFile& f, const Dump& dump);

}  // namespace vq::io
