// `quantize`: writes the reconstructed (quantized then decoded) tensors so other tools can check
// them. Queries and any k_pre_rope are copied unchanged; k and v are replaced by k̂ and v̂.
#include <cstdio>

#include "app/cli/args.h"
#include "app/cli/backend_options.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/eval_report.h"
#include "app/cli/exit_codes.h"
#include "app/cli/method_options.h"
#include "core/common/thread_pool.h"
#include "core/compute/compute_backend.h"
#include "core/io/dump.h"
#include "core/io/dump_writer.h"

namespace vq::cli {

int runQuantize(int argc, char** argv) {
  Args a("quantize",
         "Quantizes DUMP's keys and values with one method and writes the reconstruction (quantized,\n"
         "then decoded) to OUT (.npz or .safetensors, f32 by default), with the queries unchanged, so\n"
         "results can be checked in other tools. The metadata records the method and its storage.");
  a.option("method", "NAME", "quantization method", "turboquant_mse")
      .option("bits", "B", "bits per coordinate", "4")
      .option("dtype", "T", "element type of the output: f32 | f16 | bf16", "f32")
      .flag("quiet", "no progress on stderr");
  addMethodOptions(a);
  addProtectionOptions(a);
  addBackendOptions(a);
  a.positional("DUMP", "the dump to quantize").positional("OUT", "output file (.npz or .safetensors)");
  if (!a.parse(argc, argv)) return kOk;
  const auto configs = sweepConfigs(a, {a.get("method")}, {a.getInt("bits")});
  const quant::MethodConfig cfg = configs.front();
  const quant::ProtectionConfig prot = protectionFrom(a);
  const auto dtype = parseDtypeName(a.get("dtype"));
  if (!dtype) throw UsageError("--dtype must be f32, f16 or bf16");

  const Dump dump = Dump::open(a.get("DUMP"));
  const DumpInfo& info = dump.info();
  std::vector<TensorSpec> specs;
  for (const auto& l : info.layers) {
    const std::string p = "layer_" + std::to_string(l.index) + ".";
    if (l.hasQ) specs.push_back({p + "q", *dtype, {l.qHeads, l.tokens, l.headDim}});
    specs.push_back({p + "k", *dtype, {l.kvHeads, l.tokens, l.headDim}});
    specs.push_back({p + "v", *dtype, {l.kvHeads, l.tokens, l.headDim}});
  }
  nlohmann::json meta = info.metadata.is_object() ? info.metadata : nlohmann::json::object();
  meta["layout"] = "HTD";
  meta["quantized"] = {{"method", cfg.method}, {"bits", cfg.bits}, {"seed", cfg.seed},
                       {"protection", prot.describe()}, {"source", a.get("DUMP")},
                       {"note", "k and v are reconstructions (quantized then decoded); q is unchanged"}};
  auto backend = backendFrom(a, a.has("quiet"));
  const Progress progress = consoleProgress(a.has("quiet"));
  uint64_t bytesK = 0, bytesV = 0, values = 0;
  {
    DumpWriter writer(a.get("OUT"), specs, meta);
    for (const auto& l : info.layers) {
      progress.checkCancelled();
      auto session = backend->openLayer(loadLayer(dump, l.index, l.hasQ, &defaultThreadPool()), {});
      quant::MethodConfig layerCfg = cfg;
      layerCfg.seed = cfg.seed + uint64_t(l.index);
      const RoleReconstruction k = session->quantize(Role::K, layerCfg, prot);
      const RoleReconstruction v = session->quantize(Role::V, layerCfg, prot);
      if (l.hasQ) writer.appendF32(session->data().q);
      writer.appendF32(k.values);
      writer.appendF32(v.values);
      bytesK += k.bytes;
      bytesV += v.bytes;
      values += k.values.size();
      progress.report(double(l.index + 1) / double(info.numLayers), "layer " + std::to_string(l.index));
    }
    writer.commit();
  }
  finishProgressLine();
  std::fprintf(stderr, "quantize: %s -> %s: K %.4f bpv, V %.4f bpv (stored %s for K+V vs %s in fp16)\n",
               configLabel(cfg).c_str(), a.get("OUT").c_str(), double(bytesK) * 8 / double(values),
               double(bytesV) * 8 / double(values), humanBytes(bytesK + bytesV).c_str(),
               humanBytes(values * 4).c_str());
  return kOk;
}

}  // namespace vq::cli
