#include "core/calib/menu.h"

#include <algorithm>
#include <charconv>

#include "core/common/error.h"
#include "core/quant/registry.h"

namespace vq::calib {

std::string_view menuKindName(MenuKind k) { return k == MenuKind::BitWidths ? "bits" : "formats"; }
std::string_view rateUnitName(RateUnit u) { return u == RateUnit::Bits ? "bits" : "bpv"; }

std::optional<MenuKind> parseMenuKind(std::string_view s) {
  if (s == "bits") return MenuKind::BitWidths;
  if (s == "formats") return MenuKind::Formats;
  return std::nullopt;
}

std::optional<RateUnit> parseRateUnit(std::string_view s) {
  if (s == "bits") return RateUnit::Bits;
  if (s == "bpv") return RateUnit::Bpv;
  return std::nullopt;
}

std::string entryLabel(const quant::MethodConfig& c) {
  const auto* info = quant::findMethod(c.method);
  if (info && !info->bits.empty()) return c.method + " " + std::to_string(c.bits) + "b";
  return c.method;
}

namespace {

const quant::MethodInfo& knownMethod(const std::string& name, const std::string& where) {
  const auto* info = quant::findMethod(name);
  if (!info) {
    std::string names;
    for (const auto& m : quant::methodRegistry()) names += (names.empty() ? "" : ", ") + m.name;
    throw Error(ErrorCode::InvalidArgument, where + "unknown method '" + name + "' (known: " + names + ")");
  }
  return *info;
}

std::string bitsList(const std::vector<int>& bits) {
  std::string s;
  for (int b : bits) s += (s.empty() ? "" : ", ") + std::to_string(b);
  return s;
}

MenuEntry makeEntry(const quant::MethodInfo& info, const quant::MethodConfig& base, int bits,
                    const std::string& where) {
  MenuEntry e;
  e.config = base;
  e.config.method = info.name;
  if (info.bits.empty()) {
    e.config.bits = 0;
  } else {
    if (std::find(info.bits.begin(), info.bits.end(), bits) == info.bits.end())
      throw Error(ErrorCode::InvalidArgument, where + info.name + " has no " + std::to_string(bits) +
                                                  "-bit setting (valid: " + bitsList(info.bits) + ")");
    e.config.bits = bits;
    e.bits = bits;
  }
  e.label = entryLabel(e.config);
  return e;
}

}  // namespace

std::vector<MenuEntry> buildMenu(const MenuSpec& spec) {
  std::vector<MenuEntry> out;
  if (spec.kind == MenuKind::BitWidths) {
    const auto& info = knownMethod(spec.method, "menu: ");
    if (info.bits.empty())
      throw Error(ErrorCode::InvalidArgument, "menu: " + spec.method +
                                                  " is a fixed format without bit-widths; list it as a format instead");
    std::vector<int> bits = spec.bits;
    std::sort(bits.begin(), bits.end());
    if (std::adjacent_find(bits.begin(), bits.end()) != bits.end())
      throw Error(ErrorCode::InvalidArgument, "menu: a bit-width is listed twice");
    for (int b : bits) out.push_back(makeEntry(info, spec.base, b, "menu: "));
  } else {
    for (const auto& item : spec.formats) {
      const auto colon = item.find(':');
      const std::string name = item.substr(0, colon);
      const auto& info = knownMethod(name, "menu entry '" + item + "': ");
      int bits = 0;
      if (colon != std::string::npos) {
        const std::string b = item.substr(colon + 1);
        const auto [p, ec] = std::from_chars(b.data(), b.data() + b.size(), bits);
        if (ec != std::errc() || p != b.data() + b.size())
          throw Error(ErrorCode::InvalidArgument, "menu entry '" + item + "': '" + b + "' is not a bit-width");
        if (info.bits.empty())
          throw Error(ErrorCode::InvalidArgument, "menu entry '" + item + "': " + name + " is a fixed format and takes no bit-width");
      } else if (!info.bits.empty()) {
        throw Error(ErrorCode::InvalidArgument, "menu entry '" + item + "': " + name + " needs a bit-width, e.g. " + name +
                                                    ":" + std::to_string(info.bits.front()));
      }
      MenuEntry e = makeEntry(info, spec.base, bits, "menu entry '" + item + "': ");
      for (const auto& o : out)
        if (o.label == e.label) throw Error(ErrorCode::InvalidArgument, "menu: '" + e.label + "' is listed twice");
      out.push_back(std::move(e));
    }
  }
  if (out.empty()) throw Error(ErrorCode::InvalidArgument, "menu: no entry (give bit-widths or formats)");
  return out;
}

void checkMenuGranularity(const std::vector<MenuEntry>& menu, Granularity granularity) {
  if (granularity != Granularity::Head) return;
  for (const auto& e : menu) {
    const auto* info = quant::findMethod(e.config.method);
    if (info && info->scope == quant::RowScope::LayerRow)
      throw Error(ErrorCode::InvalidArgument,
                  e.label + " is a layer-row format (its cache rows span every KV head of a layer), so it can only be "
                            "chosen per layer, not per head: use granularity 'layer' or drop it from the menu");
  }
}

bool menuHasBitWidths(const std::vector<MenuEntry>& menu) {
  return std::all_of(menu.begin(), menu.end(), [](const MenuEntry& e) { return e.bits > 0; });
}

std::optional<size_t> findMenuEntry(const std::vector<MenuEntry>& menu, std::string_view method, int bits) {
  for (size_t i = 0; i < menu.size(); ++i) {
    if (menu[i].config.method != method) continue;
    if (menu[i].bits == 0 || menu[i].bits == bits) return i;
  }
  return std::nullopt;
}

}  // namespace vq::calib
