#include "app/cli/args.h"

#include <charconv>
#include <cstdio>
#include <sstream>

namespace vq::cli {

Args::Args(std::string command, std::string summary)
    : m_command(std::move(command)), m_summary(std::move(summary)) {}

Args& Args::option(const std::string& name, const std::string& valueName, const std::string& help,
                   const std::string& defaultValue) {
  m_specs.push_back({name, valueName, help, defaultValue, false, false, false});
  return *this;
}

Args& Args::flag(const std::string& name, const std::string& help) {
  m_specs.push_back({name, {}, help, {}, true, false, false});
  return *this;
}

Args& Args::positional(const std::string& name, const std::string& help, bool required) {
  m_specs.push_back({name, {}, help, {}, false, true, required});
  return *this;
}

const Args::Spec* Args::find(const std::string& name) const {
  for (const auto& s : m_specs)
    if (s.name == name) return &s;
  return nullptr;
}

bool Args::parse(int argc, char** argv, int first) {
  size_t nextPositional = 0;
  std::vector<const Spec*> positionals;
  for (const auto& s : m_specs)
    if (s.isPositional) positionals.push_back(&s);
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::fputs(help().c_str(), stdout);
      return false;
    }
    if (a.rfind("--", 0) == 0 && a.size() > 2) {
      std::string name = a.substr(2), value;
      const auto eq = name.find('=');
      const bool inlineValue = eq != std::string::npos;
      if (inlineValue) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
      }
      const Spec* s = find(name);
      if (!s || s->isPositional) throw UsageError("unknown option --" + name);
      if (s->isFlag) {
        if (inlineValue) throw UsageError("--" + name + " takes no value");
        m_values[name] = "1";
        continue;
      }
      if (!inlineValue) {
        if (i + 1 >= argc) throw UsageError("--" + name + " needs a value (" + s->valueName + ")");
        value = argv[++i];
      }
      m_values[name] = value;
      continue;
    }
    if (nextPositional >= positionals.size()) throw UsageError("unexpected argument '" + a + "'");
    m_values[positionals[nextPositional++]->name] = a;
  }
  for (const auto* p : positionals)
    if (p->required && !m_values.count(p->name)) throw UsageError("missing " + p->name);
  for (const auto& s : m_specs)
    if (!s.isFlag && !s.isPositional && !s.defaultValue.empty() && !m_values.count(s.name))
      m_values[s.name] = s.defaultValue;
  return true;
}

bool Args::has(const std::string& name) const { return m_values.count(name) > 0; }

std::string Args::get(const std::string& name) const {
  auto it = m_values.find(name);
  return it == m_values.end() ? std::string() : it->second;
}

namespace {
template <typename T>
T parseNumber(const std::string& name, const std::string& text) {
  T v{};
  const auto* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || p != end) throw UsageError("--" + name + ": '" + text + "' is not a valid number");
  return v;
}
}  // namespace

int Args::getInt(const std::string& name) const { return parseNumber<int>(name, get(name)); }
int64_t Args::getInt64(const std::string& name) const { return parseNumber<int64_t>(name, get(name)); }
double Args::getDouble(const std::string& name) const { return parseNumber<double>(name, get(name)); }

std::vector<std::string> Args::getList(const std::string& name) const {
  std::vector<std::string> out;
  std::stringstream ss(get(name));
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

std::vector<int> Args::getIntList(const std::string& name) const {
  std::vector<int> out;
  for (const auto& item : getList(name)) {
    const auto dash = item.find('-', 1);
    if (dash != std::string::npos) {
      const int a = parseNumber<int>(name, item.substr(0, dash));
      const int b = parseNumber<int>(name, item.substr(dash + 1));
      if (b < a) throw UsageError("--" + name + ": empty range '" + item + "'");
      for (int v = a; v <= b; ++v) out.push_back(v);
    } else {
      out.push_back(parseNumber<int>(name, item));
    }
  }
  return out;
}

std::string Args::help() const {
  std::ostringstream o;
  o << "usage: veloxquant " << m_command;
  for (const auto& s : m_specs)
    if (!s.isPositional) o << " [--" << s.name << (s.isFlag ? "" : " " + s.valueName) << "]";
  for (const auto& s : m_specs)
    if (s.isPositional) o << (s.required ? " " : " [") << s.name << (s.required ? "" : "]");
  o << "\n\n" << m_summary << "\n\n";
  for (const auto& s : m_specs) {
    std::string left = s.isPositional ? "  " + s.name : "  --" + s.name + (s.isFlag ? "" : " " + s.valueName);
    if (left.size() < 26) left.resize(26, ' ');
    else left += "\n" + std::string(26, ' ');
    o << left << s.help;
    if (!s.defaultValue.empty()) o << " (default: " << s.defaultValue << ")";
    o << "\n";
  }
  o << "  --help                  show this help\n";
  return o.str();
}

}  // namespace vq::cli
