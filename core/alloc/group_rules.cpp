#include "core/alloc/group_rules.h"

#include <charconv>

#include "core/common/error.h"

namespace vq::alloc {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<int> parseCount(std::string_view s) {
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

struct Selector {
  int layerLo = 0, layerHi = 1 << 30;  // inclusive
  int head = -1;                        // -1: any
  std::optional<calib::GroupRole> role;
};

Selector parseSelector(std::string_view s, int layers) {
  auto bad = [&]() -> Selector {
    throw Error(ErrorCode::InvalidArgument,
                "'" + std::string(s) + "' is not a group selector (first:N, last:N, all, K, V, L3, L3.K, L3.H2, L3.H2.V)");
  };
  Selector sel;
  if (s == "all") return sel;
  if (s.rfind("first:", 0) == 0 || s.rfind("last:", 0) == 0) {
    const bool first = s[0] == 'f';
    const auto n = parseCount(s.substr(first ? 6 : 5));
    if (!n || *n == 0) return bad();
    if (first) {
      sel.layerHi = *n - 1;
    } else {
      sel.layerLo = layers - *n;
    }
    return sel;
  }
  if (const auto r = calib::parseGroupRole(s)) {
    sel.role = *r;
    return sel;
  }
  if (s.empty() || s[0] != 'L') return bad();
  std::string_view rest = s.substr(1);
  const auto dot = rest.find('.');
  const auto layer = parseCount(rest.substr(0, dot));
  if (!layer) return bad();
  sel.layerLo = sel.layerHi = *layer;
  if (dot == std::string_view::npos) return sel;
  rest = rest.substr(dot + 1);
  if (!rest.empty() && rest[0] == 'H') {
    const auto dot2 = rest.find('.');
    const auto head = parseCount(rest.substr(1, dot2 == std::string_view::npos ? std::string_view::npos : dot2 - 1));
    if (!head) return bad();
    sel.head = *head;
    if (dot2 == std::string_view::npos) return sel;
    rest = rest.substr(dot2 + 1);
  }
  const auto role = calib::parseGroupRole(rest);
  if (!role) return bad();
  sel.role = *role;
  return sel;
}

}  // namespace

std::vector<GroupRule> parseGroupRules(std::string_view text) {
  std::vector<GroupRule> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = text.find(',', start);
    const std::string_view item = trim(text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
    start = comma == std::string_view::npos ? text.size() + 1 : comma + 1;
    if (item.empty()) continue;
    GroupRule r;
    r.text = std::string(item);
    size_t op = item.find(">=");
    size_t opLen = 2;
    if (op != std::string_view::npos) {
      r.kind = GroupRule::Kind::Min;
    } else if ((op = item.find("<=")) != std::string_view::npos) {
      r.kind = GroupRule::Kind::Max;
    } else if ((op = item.find('=')) != std::string_view::npos) {
      r.kind = GroupRule::Kind::Pin;
      opLen = 1;
    }
    if (op == std::string_view::npos) {
      r.selector = std::string(item);
      r.value = "max";
    } else {
      r.selector = std::string(trim(item.substr(0, op)));
      r.value = std::string(trim(item.substr(op + opLen)));
    }
    if (r.selector.empty() || r.value.empty())
      throw Error(ErrorCode::InvalidArgument, "rule '" + r.text + "': needs a selector and a value");
    parseSelector(r.selector, 1 << 20);  // syntax check
    if (r.kind != GroupRule::Kind::Pin) {
      double v = 0;
      const auto [p, ec] = std::from_chars(r.value.data(), r.value.data() + r.value.size(), v);
      if (ec != std::errc() || p != r.value.data() + r.value.size())
        throw Error(ErrorCode::InvalidArgument, "rule '" + r.text + "': '" + r.value + "' is not a number");
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::string formatGroupRules(const std::vector<GroupRule>& rules) {
  std::string s;
  for (const auto& r : rules) s += (s.empty() ? "" : ",") + r.text;
  return s;
}

bool selectorMatches(std::string_view selector, const calib::Group& g, int layers) {
  const Selector s = parseSelector(selector, layers);
  if (g.key.layer < s.layerLo || g.key.layer > s.layerHi) return false;
  if (s.head >= 0 && !g.key.coversHead(s.head)) return false;
  if (s.role && *s.role != calib::GroupRole::KV) {
    if (!g.key.coversRole(*s.role == calib::GroupRole::K ? Role::K : Role::V)) return false;
  }
  return true;
}

size_t resolvePinEntry(std::string_view value, const calib::CalibrationTable& t, size_t g, calib::RateUnit unit) {
  const size_t C = t.menu.size();
  if (value == "max" || value == "min") {
    size_t best = 0;
    for (size_t c = 1; c < C; ++c) {
      const double r = t.rate(g, c, unit), b = t.rate(g, best, unit);
      if (value == "max" ? r > b : r < b) best = c;
    }
    return best;
  }
  if (const auto bits = parseCount(value)) {
    for (size_t c = 0; c < C; ++c)
      if (t.menu[c].bits == *bits) return c;
  }
  for (size_t c = 0; c < C; ++c) {
    const auto& e = t.menu[c];
    if (e.label == value) return c;
    if (e.bits == 0 && e.config.method == value) return c;
    if (e.bits > 0 && e.config.method + ":" + std::to_string(e.bits) == value) return c;
  }
  std::string labels;
  for (const auto& e : t.menu) labels += (labels.empty() ? "" : ", ") + e.label;
  throw Error(ErrorCode::InvalidArgument, "'" + std::string(value) + "' is not in the menu (" + labels + ")");
}

}  // namespace vq::alloc
