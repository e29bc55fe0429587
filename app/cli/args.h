// A small declarative command-line parser for the veloxquant subcommands: options with values,
// flags, positionals, generated --help, and clear usage errors (exit code 2).
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace vq::cli {

// Thrown for bad command lines; main() prints it with the command's usage and exits with 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Args {
 public:
  Args(std::string command, std::string summary);
  Args& option(const std::string& name, const std::string& valueName, const std::string& help,
               const std::string& defaultValue = {});
  Args& flag(const std::string& name, const std::string& help);
  Args& positional(const std::string& name, const std::string& help, bool required = true);

  // Parses argv[first..argc). Returns false when --help was given (help already printed).
  bool parse(int argc, char** argv, int first = 2);

  bool has(const std::string& name) const;  // flag given, or option given / defaulted
  std::string get(const std::string& name) const;
  int getInt(const std::string& name) const;
  int64_t getInt64(const std::string& name) const;
  double getDouble(const std::string& name) const;
  std::vector<int> getIntList(const std::string& name) const;        // "1,2,3" or "1-4"
  std::vector<std::string> getList(const std::string& name) const;   // "a,b,c"
  std::string help() const;

 private:
  struct Spec {
    std::string name, valueName, help, defaultValue;
    bool isFlag = false, isPositional = false, required = false;
  };
  const Spec* find(const std::string& name) const;
  std::string m_command, m_summary;
  std::vector<Spec> m_specs;
  std::map<std::string, std::string> m_values;
};

}  // namespace vq::cli
