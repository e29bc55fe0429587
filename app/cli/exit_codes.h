// Exit codes scripts can rely on (documented in README.md).
#pragma once

namespace vq::cli {

enum ExitCode : int {
  kOk = 0,
  kError = 1,        // bad input file, failed write, invalid parameter value
  kUsage = 2,        // bad command line (unknown option, missing argument)
  kUnsupported = 3,  // valid request this build/machine cannot do (e.g. no Vulkan device)
  kInterrupted = 130 // cancelled with Ctrl+C; no partial output is left behind
};

}  // namespace vq::cli
