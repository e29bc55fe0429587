// Console helpers shared by the subcommands: progress on stderr, Ctrl+C cancellation,
// human-readable sizes.
#pragma once

#include <cstdint>
#include <string>

#include "core/common/progress.h"

namespace vq::cli {

// A Progress that prints to stderr ("\r[ 42%] what" on a terminal, a line per 10% otherwise)
// and is cancelled by SIGINT/SIGTERM. `quiet` suppresses the printing.
Progress consoleProgress(bool quiet = false);
// Catches SIGINT/SIGTERM from now on: they cancel the Progress of consoleProgress() promptly
// instead of killing the process (called by consoleProgress; commands without progress that
// write files call it first).
void installInterruptHandler();
// Throws Error(Cancelled) (exit 130) if SIGINT/SIGTERM arrived. Commands call it before writing
// their output files, so an interrupted run writes nothing more.
void throwIfInterrupted();
// Ends the progress line (newline) if one was drawn.
void finishProgressLine();

std::string humanBytes(uint64_t bytes);  // "537.0 MB" (decimal units)

}  // namespace vq::cli
