// veloxquant: the headless CLI of VeloxQuant Studio.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "core/common/error.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**);
  const char* summary;
};

const Command kCommands[] = {
    {"info", vq::cli::runInfo, "model facts, shapes, dtypes, memory and value statistics of a dump"},
    {"synth", vq::cli::runSynth, "write an LLM-shaped synthetic dump (labelled synthetic)"},
    {"evaluate", vq::cli::runEvaluate, "measure one method at several bit-widths on a dump"},
    {"compare", vq::cli::runCompare, "methods x bits side by side on the same dump"},
    {"quantize", vq::cli::runQuantize, "write the reconstructed (quantized, decoded) tensors"},
    {"calibrate", vq::cli::runCalibrate, "measure each group's distortion per menu entry (bit allocation table)"},
    {"allocate", vq::cli::runAllocate, "allocate bits to groups under a budget (optimal, ratequant, uniform)"},
    {"verify", vq::cli::runVerify, "apply an allocation to a dump and measure predicted vs real distortion"},
    {"export", vq::cli::runExport, "write an allocation for vLLM, llama.cpp, KVTuner, transformers, mlx_lm, ..."},
    {"tune", vq::cli::runTune, "calibrate + allocate + verify in one go, optimal vs ratequant vs uniform"},
    {"methods", vq::cli::runMethods, "list quantization methods with their exact storage"},
    {"devices", vq::cli::runDevices, "list Vulkan devices and which one is picked"},
    {"bench", vq::cli::runBench, "benchmarks (load: open + read time and peak memory)"},
};

void printUsage(std::FILE* to) {
  std::fprintf(to,
               "usage: veloxquant <command> [options]   (veloxquant <command> --help for details)\n\n"
               "VeloxQuant Studio " VQ_VERSION " - KV-cache quantization workbench, headless.\n\ncommands:\n");
  for (const auto& c : kCommands) std::fprintf(to, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(to,
               "\nexit codes: 0 ok, 1 error (bad input/output), 2 usage, 3 unsupported here, "
               "130 interrupted\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    printUsage(stderr);
    return vq::cli::kUsage;
  }
  const std::string_view cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    printUsage(stdout);
    return vq::cli::kOk;
  }
  if (cmd == "--version") {
    std::puts("veloxquant " VQ_VERSION);
    return vq::cli::kOk;
  }
  for (const auto& c : kCommands) {
    if (cmd != c.name) continue;
    try {
      return c.run(argc, argv);
    } catch (const vq::cli::UsageError& e) {
      std::fprintf(stderr, "veloxquant %s: %s\n(try: veloxquant %s --help)\n", c.name, e.what(), c.name);
      return vq::cli::kUsage;
    } catch (const vq::Error& e) {
      std::fprintf(stderr, "\nveloxquant %s: error: %s\n", c.name, vq::describe(e).c_str());
      if (e.code() == vq::ErrorCode::Cancelled) return vq::cli::kInterrupted;
      if (e.code() == vq::ErrorCode::Unsupported) return vq::cli::kUnsupported;
      return vq::cli::kError;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "\nveloxquant %s: internal error: %s\n", c.name, e.what());
      return vq::cli::kError;
    }
  }
  std::fprintf(stderr, "veloxquant: unknown command '%.*s'\n\n", int(cmd.size()), cmd.data());
  printUsage(stderr);
  return vq::cli::kUsage;
}
