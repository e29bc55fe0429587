#include "core/calib/group.h"

#include <charconv>

#include "core/common/error.h"

namespace vq::calib {

std::string_view granularityName(Granularity g) { return g == Granularity::Layer ? "layer" : "head"; }
std::string_view kvModeName(KvMode k) { return k == KvMode::Joint ? "joint" : "separate"; }
std::string_view groupRoleName(GroupRole r) {
  switch (r) {
    case GroupRole::K: return "K";
    case GroupRole::V: return "V";
    case GroupRole::KV: break;
  }
  return "KV";
}

std::optional<Granularity> parseGranularity(std::string_view s) {
  if (s == "layer") return Granularity::Layer;
  if (s == "head") return Granularity::Head;
  return std::nullopt;
}

std::optional<KvMode> parseKvMode(std::string_view s) {
  if (s == "joint") return KvMode::Joint;
  if (s == "separate") return KvMode::Separate;
  return std::nullopt;
}

std::optional<GroupRole> parseGroupRole(std::string_view s) {
  if (s == "K") return GroupRole::K;
  if (s == "V") return GroupRole::V;
  if (s == "KV") return GroupRole::KV;
  return std::nullopt;
}

std::string GroupKey::id() const {
  std::string s;
  s += 'L';
  s += std::to_string(layer);
  if (head >= 0) {
    s += ".H";
    s += std::to_string(head);
  }
  s += '.';
  s += groupRoleName(role);
  return s;
}

namespace {
// Parses a non-negative decimal integer that fills `s` exactly.
std::optional<int> parseIndex(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}
}  // namespace

std::optional<GroupKey> parseGroupId(std::string_view id) {
  GroupKey k;
  if (id.size() < 2 || id[0] != 'L') return std::nullopt;
  const auto dot = id.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const auto layer = parseIndex(id.substr(1, dot - 1));
  if (!layer) return std::nullopt;
  k.layer = *layer;
  std::string_view rest = id.substr(dot + 1);
  if (!rest.empty() && rest[0] == 'H') {
    const auto dot2 = rest.find('.');
    if (dot2 == std::string_view::npos) return std::nullopt;
    const auto head = parseIndex(rest.substr(1, dot2 - 1));
    if (!head) return std::nullopt;
    k.head = *head;
    rest = rest.substr(dot2 + 1);
  }
  const auto role = parseGroupRole(rest);
  if (!role) return std::nullopt;
  k.role = *role;
  return k;
}

std::vector<Group> makeGroups(const DumpInfo& info, Granularity granularity, KvMode kv,
                              std::span<const int> layers) {
  std::vector<int> selected(layers.begin(), layers.end());
  if (selected.empty())
    for (int l = 0; l < info.numLayers; ++l) selected.push_back(l);
  std::vector<GroupRole> roles = kv == KvMode::Joint ? std::vector<GroupRole>{GroupRole::KV}
                                                     : std::vector<GroupRole>{GroupRole::K, GroupRole::V};
  std::vector<Group> out;
  for (size_t i = 0; i < selected.size(); ++i) {
    const int l = selected[i];
    if (l < 0 || l >= info.numLayers)
      throw Error(ErrorCode::InvalidArgument, "layer " + std::to_string(l) + " does not exist (the dump has " +
                                                  std::to_string(info.numLayers) + " layers)");
    for (size_t j = 0; j < i; ++j)
      if (selected[j] == l) throw Error(ErrorCode::InvalidArgument, "layer " + std::to_string(l) + " is listed twice");
    const LayerInfo& li = info.layers.at(size_t(l));
    const int perGroupHeads = granularity == Granularity::Head ? 1 : li.kvHeads;
    const int headSlots = granularity == Granularity::Head ? li.kvHeads : 1;
    for (int h = 0; h < headSlots; ++h) {
      for (GroupRole r : roles) {
        Group g;
        g.key.layer = l;
        g.key.head = granularity == Granularity::Head ? h : -1;
        g.key.role = r;
        g.id = g.key.id();
        g.tokens = li.tokens;
        g.headDim = li.headDim;
        g.heads = perGroupHeads;
        g.values = li.tokens * int64_t(li.headDim) * perGroupHeads * (r == GroupRole::KV ? 2 : 1);
        out.push_back(std::move(g));
      }
    }
  }
  return out;
}

}  // namespace vq::calib
