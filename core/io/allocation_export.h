// Exports of an allocation to the configuration of real runtimes (DESIGN.md §7). Each returns
// the text to write and the list of what had to be approximated because the runtime cannot
// express the allocation (the CLI prints those on stderr, the GUI in the export dialog).
//
// - veloxquant-list: VeloxQuant-MLX `bit_width_inlier` list form, `[3, 2, ...]`, one bit-width per
//   layer for keys and values alike.
// - veloxquant-dict: {"bit_width_inlier": {"layer_0": 3, ...}, "value_bits": {"layer_0": 2, ...}}.
// - kvtuner: KVTuner-style per-layer config {"0": {"nbits_key": 4, "nbits_value": 2}, ...}; with
//   per-head groups also "nbits_key_per_head" / "nbits_value_per_head" lists (an extension).
// - vllm: {"kv_cache_dtype": "fp8" | "auto", "kv_cache_dtype_skip_layers": ["0", ...]} (engine
//   arguments; vLLM stores the cache as fp8 or at the model dtype).
// - llamacpp: the best global `--cache-type-k/-v` pair within the allocation's storage among
//   q8_0, q5_1, q5_0, q4_1, q4_0, iq4_nl, f16, plus per-layer overrides for the first/last layers
//   the allocation protects (forks such as ik_llama.cpp; written as comments).
// - hf: transformers QuantizedCache {"cache_implementation": "quantized", "cache_config": {"backend",
//   "nbits", "axis_key", "axis_value", "q_group_size", "residual_length"}}.
// - mlx: mlx_lm `--kv-bits B --kv-group-size G --quantized-kv-start 0`.
// Where a per-layer or global value must summarise several groups, it is the value-weighted mean
// of their bit-widths rounded down to a bit-width in the menu, so the export never spends more
// than the allocation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/allocation_file.h"

namespace vq::io {

enum class ExportFormat : uint8_t { VeloxQuantList, VeloxQuantDict, KvTuner, Vllm, LlamaCpp, Hf, Mlx };

std::string_view exportFormatName(ExportFormat f);  // "veloxquant-list", ..., "mlx"
std::optional<ExportFormat> parseExportFormat(std::string_view s);
std::vector<ExportFormat> allExportFormats();

struct ExportResult {
  std::string text;                         // ends with a newline
  std::vector<std::string> approximations;  // empty when the runtime expresses the allocation exactly
};

// Throws Error(Unsupported) when the format cannot represent the allocation at all (e.g. the
// VeloxQuant-MLX bit-width forms for a menu of fixed formats).
ExportResult exportAllocation(const AllocationFile& f, ExportFormat format);

}  // namespace vq::io
