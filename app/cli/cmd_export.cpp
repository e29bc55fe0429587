// `export`: writes an allocation file in a runtime's configuration format; what the runtime
// cannot express is listed on stderr.
#include <cstdio>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/console.h"
#include "app/cli/exit_codes.h"
#include "core/common/atomic_file.h"
#include "core/io/allocation_export.h"
#include "core/io/allocation_file.h"

namespace vq::cli {

int runExport(int argc, char** argv) {
  std::string formats;
  for (auto f : io::allExportFormats()) formats += (formats.empty() ? "" : " | ") + std::string(io::exportFormatName(f));
  Args a("export",
         "Exports an allocation file for an inference runtime:\n"
         "  veloxquant-list  VeloxQuant-MLX bit_width_inlier list [3, 2, ...] (one bit-width per layer)\n"
         "  veloxquant-dict  {\"bit_width_inlier\": {\"layer_0\": 3, ...}, \"value_bits\": {...}}\n"
         "  kvtuner          per-layer nbits_key / nbits_value (per-head lists as an extension)\n"
         "  vllm             kv_cache_dtype + kv_cache_dtype_skip_layers\n"
         "  llamacpp         the best --cache-type-k/-v pair within the allocation's storage, per-layer overrides\n"
         "  hf               transformers QuantizedCache cache_config\n"
         "  mlx              mlx_lm --kv-bits / --kv-group-size / --quantized-kv-start\n"
         "What a runtime cannot express (per-head bits, bit-widths below its smallest type, another\n"
         "quantizer) is approximated and listed on stderr.");
  a.option("format", "F", formats)
      .option("out", "FILE", "write to FILE (atomically) instead of stdout")
      .flag("quiet", "do not list the approximations")
      .positional("ALLOCATION", "a *.vqalloc.json file");
  if (!a.parse(argc, argv)) return kOk;
  installInterruptHandler();  // Ctrl+C: exit 130 and no output file, never a partial one
  if (!a.has("format")) throw UsageError("--format is required (" + formats + ")");
  const auto format = io::parseExportFormat(a.get("format"));
  if (!format) throw UsageError("--format must be one of " + formats);
  const io::AllocationFile f = io::loadAllocationFile(a.get("ALLOCATION"));
  const io::ExportResult r = io::exportAllocation(f, *format);
  if (a.has("out")) {
    AtomicFile out(a.get("out"));
    out.write(r.text);
    throwIfInterrupted();  // the temporary is discarded: the target is left as it was
    out.commit();
  } else {
    throwIfInterrupted();
    std::fputs(r.text.c_str(), stdout);
  }
  if (!a.has("quiet"))
    for (const auto& note : r.approximations) std::fprintf(stderr, "approximation: %s\n", note.c_str());
  return kOk;
}

}  // namespace vq::cli
