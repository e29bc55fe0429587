// Calibration tables as JSON files (schema "veloxquant.calibration", version 1):
//
// {
//   "schema": "veloxquant.calibration", "version": 1, "created_by": "veloxquant 0.1.0",
//   "dump": {"path", "model", "hash", "layers": [{"q_heads", "kv_heads", "tokens", "head_dim"}]},
//   "settings": {"probe": "empirical|keynorm|perturb", "metric": "attention|mse",
//                "granularity": "head|layer", "kv": "separate|joint", "menu_kind": "bits|formats",
//                "protection": {"sink_tokens", "z_score", "residual_window", "outlier_channels"},
//                "query_positions", "query_seed", "queries" (bool), "layers": [..],
//                "noise_scale", "noise_seed", "beta", "notes": ["..."]},
//   "menu": [{"label", "bits" (0: fixed format), "bpv", "config": {"method", "bits", "group_size",
//            "norm_correction", "sketch_dim", "residual_window", "seed"}}],
//   "groups": [{"id", "layer", "head" (null: all heads), "role": "K|V|KV", "values", "tokens",
//               "head_dim", "heads", "weight", "bpv": [per entry], "distortion": [per entry],
//               "fit": {"alpha", "beta", "r2", "points", "excluded"}}]
// }
// "fit" is derived from bpv and distortion: it is written for readers and recomputed on load.
// Loading validates shapes and values and throws Error naming the field ("groups[2].bpv[1]: ...").
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/calib/calibration_table.h"
#include "core/io/json_fields.h"

namespace vq::calib {

inline constexpr const char* kCalibrationSchema = "veloxquant.calibration";
inline constexpr int kCalibrationVersion = 1;

nlohmann::json toJson(const CalibrationSettings& s);
CalibrationSettings calibrationSettingsFromJson(const io::JsonReader& r);

nlohmann::json toJson(const CalibrationTable& t);
CalibrationTable calibrationTableFromJson(const nlohmann::json& j, const std::string& file = {});

// Atomic write (temporary file + rename).
void saveCalibrationTable(const CalibrationTable& t, const std::filesystem::path& path);
CalibrationTable loadCalibrationTable(const std::filesystem::path& path);

// True when `path` is a JSON file whose "schema" is kCalibrationSchema (cheap check for CLIs
// that accept a dump or a table).
bool isCalibrationTableFile(const std::filesystem::path& path);

}  // namespace vq::calib
