// The veloxquant subcommands. Each parses its own arguments (argv[1] is the command name) and
// returns the process exit code (see exit_codes.h).
#pragma once

namespace vq::cli {

int runInfo(int argc, char** argv);
int runSynth(int argc, char** argv);
int runMethods(int argc, char** argv);
int runDevices(int argc, char** argv);
int runBench(int argc, char** argv);
int runEvaluate(int argc, char** argv);
int runCompare(int argc, char** argv);
int runQuantize(int argc, char** argv);
int runCalibrate(int argc, char** argv);
int runAllocate(int argc, char** argv);
int runVerify(int argc, char** argv);
int runExport(int argc, char** argv);
int runTune(int argc, char** argv);

}  // namespace vq::cli
