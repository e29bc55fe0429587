#include "core/io/tensor_naming.h"

#include <array>
#include <utility>

namespace vq::io {

namespace {

constexpr size_t kMaxLayerDigits = 6;

// Parses "<digits>.<rest>" at the start of `s`; returns the layer and leaves `rest` in `s`.
std::optional<int> takeLayer(std::string_view& s) {
  size_t n = 0;
  int v = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') {
    if (n == kMaxLayerDigits) return std::nullopt;
    v = v * 10 + (s[n] - '0');
    ++n;
  }
  if (n == 0 || n >= s.size() || s[n] != '.') return std::nullopt;
  if (n > 1 && s[0] == '0') return std::nullopt;  // "01" is not a layer index
  s.remove_prefix(n + 1);
  return v;
}

template <size_t N>
std::optional<Role> roleFrom(std::string_view suffix, const std::array<std::pair<std::string_view, Role>, N>& table) {
  for (const auto& [text, role] : table) {
    if (suffix == text) return role;
  }
  return std::nullopt;
}

}  // namespace

std::optional<KvTensorName> parseKvTensorName(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Role>, 4> kNative{
      {{"q", Role::Q}, {"k", Role::K}, {"v", Role::V}, {"k_pre_rope", Role::KPreRope}}};
  static constexpr std::array<std::pair<std::string_view, Role>, 6> kHf{
      {{"q", Role::Q}, {"k", Role::K}, {"v", Role::V},
       {"q_proj", Role::Q}, {"k_proj", Role::K}, {"v_proj", Role::V}}};
  static constexpr std::array<std::pair<std::string_view, Role>, 3> kMlx{
      {{"queries", Role::Q}, {"keys", Role::K}, {"values", Role::V}}};

  std::string_view s = name;
  if (s.starts_with("layer_")) {
    s.remove_prefix(6);
    const auto layer = takeLayer(s);
    const auto role = layer ? roleFrom(s, kNative) : std::nullopt;
    if (role) return KvTensorName{*layer, *role, true};
    return std::nullopt;
  }
  if (s.starts_with("model.layers.")) {
    s.remove_prefix(13);
    const auto layer = takeLayer(s);
    if (!layer || !s.starts_with("self_attn.")) return std::nullopt;
    s.remove_prefix(10);
    if (const auto role = roleFrom(s, kHf)) return KvTensorName{*layer, *role, false};
    return std::nullopt;
  }
  if (s.starts_with("layers.")) {
    s.remove_prefix(7);
    const auto layer = takeLayer(s);
    const auto role = layer ? roleFrom(s, kMlx) : std::nullopt;
    if (role) return KvTensorName{*layer, *role, false};
  }
  return std::nullopt;
}

std::string kvTensorName(int layer, Role role) {
  return "layer_" + std::to_string(layer) + "." + std::string(roleName(role));
}

}  // namespace vq::io
