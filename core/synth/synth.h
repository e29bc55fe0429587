// The synthetic dump generator (`veloxquant synth`): LLM-shaped Q/K/V at real sizes, for scale
// and speed work. Clearly labelled synthetic in its metadata. Streams to disk one tensor at a
// time, so the 10.7 GB W2 workload never sits in memory.
//
// Statistics imitated (per DESIGN.md §3/§11): a per-layer scale profile (early layers small,
// a bump in the middle, a large last layer), a few key channel pairs with large consistent
// means (the "massive" pre-RoPE key channels of LLMs), an attention-sink first token whose key
// aligns with the queries' common direction and whose value is small, low-rank structure shared
// between queries and keys so attention is peaked, RoPE on q and k (rotate-half convention),
// and grouped-query attention (query head h uses KV head h / (Hq/Hkv)).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/dtype.h"
#include "core/common/progress.h"

namespace vq {

struct SynthConfig {
  std::string preset = "tiny";
  int layers = 4;
  int qHeads = 8;
  int kvHeads = 4;
  int headDim = 64;
  int64_t tokens = 256;
  DType dtype = DType::F16;
  uint64_t seed = 0;
  bool withQueries = true;
  bool withKPreRope = false;
  double ropeTheta = 500000.0;
  int outlierChannels = 4;  // key channel pairs with large means, per KV head
};

// Preset names: "tiny", "llama8b-4k" (W1), "llama70b-32k" (W2). Unknown → nullopt.
std::optional<SynthConfig> synthPreset(std::string_view name);
// Throws Error(InvalidArgument) naming the bad field (heads not dividing, odd head_dim, ...).
void validate(const SynthConfig& cfg);
// Bytes of all tensors the config produces, and of K+V alone.
uint64_t synthTensorBytes(const SynthConfig& cfg);
uint64_t synthKvBytes(const SynthConfig& cfg);

// Writes the dump to `out` (.npz or .safetensors, chosen by extension) atomically, reporting
// progress per tensor; cancellable (leaves no output behind).
void writeSynthDump(const SynthConfig& cfg, const std::filesystem::path& out,
                    const Progress& progress = {});

}  // namespace vq
