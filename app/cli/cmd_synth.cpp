#include <cstdio>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/exit_codes.h"
#include "core/common/error.h"
#include "core/synth/synth.h"

namespace vq::cli {

int runSynth(int argc, char** argv) {
  Args a("synth",
         "Writes a SYNTHETIC dump with LLM-like statistics (per-layer scale profile, large key\n"
         "channels, an attention-sink first token, RoPE on q and k, GQA) at real model shapes,\n"
         "streamed to disk. OUT ends in .npz or .safetensors. The metadata says \"synthetic\": true.\n"
         "Presets: tiny (4 layers, 8/4 heads, d 64, 256 tokens), llama8b-4k (W1: 32 layers, 32/8,\n"
         "d 128, 4096 tokens, K+V 537 MB), llama70b-32k (W2: 80 layers, 64/8, d 128, 32768 tokens,\n"
         "K+V 10.7 GB, no queries unless --with-q).");
  a.option("preset", "NAME", "tiny | llama8b-4k | llama70b-32k", "tiny")
      .option("layers", "N", "number of layers")
      .option("heads", "N", "query heads")
      .option("kv-heads", "N", "key/value heads (GQA groups)")
      .option("head-dim", "N", "head dimension (even)")
      .option("tokens", "N", "tokens per layer")
      .option("dtype", "T", "f16 | bf16 | f32", "f16")
      .option("seed", "N", "random seed", "0")
      .flag("with-q", "write queries (default for every preset but llama70b-32k)")
      .flag("no-q", "do not write queries")
      .flag("with-k-pre-rope", "also write keys before RoPE")
      .flag("quiet", "no progress on stderr")
      .positional("OUT", "output file (.npz or .safetensors)");
  if (!a.parse(argc, argv)) return kOk;

  auto cfg = synthPreset(a.get("preset"));
  if (!cfg) throw UsageError("unknown preset '" + a.get("preset") + "' (tiny, llama8b-4k, llama70b-32k)");
  if (a.has("layers")) cfg->layers = a.getInt("layers");
  if (a.has("heads")) cfg->qHeads = a.getInt("heads");
  if (a.has("kv-heads")) cfg->kvHeads = a.getInt("kv-heads");
  if (a.has("head-dim")) cfg->headDim = a.getInt("head-dim");
  if (a.has("tokens")) cfg->tokens = a.getInt64("tokens");
  const auto dt = parseDtypeName(a.get("dtype"));
  if (!dt) throw UsageError("--dtype must be f16, bf16 or f32, got '" + a.get("dtype") + "'");
  cfg->dtype = *dt;
  cfg->seed = uint64_t(a.getInt64("seed"));
  if (a.has("with-q")) cfg->withQueries = true;
  if (a.has("no-q")) cfg->withQueries = false;
  if (a.has("with-k-pre-rope")) cfg->withKPreRope = true;
  validate(*cfg);

  const std::string out = a.get("OUT");
  std::fprintf(stderr, "synth: %d layers, %d/%d heads, d %d, %lld tokens, %s: %s (K+V %s) -> %s\n",
               cfg->layers, cfg->qHeads, cfg->kvHeads, cfg->headDim, (long long)cfg->tokens,
               std::string(dtypeName(cfg->dtype)).c_str(), humanBytes(synthTensorBytes(*cfg)).c_str(),
               humanBytes(synthKvBytes(*cfg)).c_str(), out.c_str());
  writeSynthDump(*cfg, out, consoleProgress(a.has("quiet")));
  finishProgressLine();
  std::fprintf(stderr, "synth: wrote %s\n", out.c_str());
  return kOk;
}

}  // namespace vq::cli
