// The menu of an allocation: the settings a group may be given (DESIGN.md §6). Either the
// integer bit-widths of one method ("turboquant_mse 1,2,3,4"), or a list of named formats
// ("q4_0,q8_0,turbo3,fp16", or "turboquant_mse:3" for one bit-width of a method). Every entry
// carries its exact storage in bits per value (bpv), measured on the dump by calibration.
//
// Rates: an allocation budget is counted either in nominal bits per coordinate (RateUnit::Bits,
// VeloxQuant-MLX's convention: "2-bit" turboquant_mse, norms not counted) — possible only when
// every entry has a bit-width — or in the exact stored bits per value (RateUnit::Bpv: norms,
// scales and padding counted, e.g. turboquant_mse 2b at head_dim 16 is 3.0 bpv).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calib/group.h"
#include "core/quant/method.h"

namespace vq::calib {

enum class MenuKind : uint8_t { BitWidths, Formats };
enum class RateUnit : uint8_t { Bits, Bpv };

std::string_view menuKindName(MenuKind k);  // "bits", "formats"
std::string_view rateUnitName(RateUnit u);  // "bits", "bpv"
std::optional<MenuKind> parseMenuKind(std::string_view s);
std::optional<RateUnit> parseRateUnit(std::string_view s);

struct MenuEntry {
  std::string label;           // "turboquant_mse 3b", "q4_0"
  quant::MethodConfig config;  // seed is the base seed; layer l uses seed + l
  int bits = 0;                // nominal bits per coordinate; 0 for fixed formats (q4_0, fp16, ...)
  double bpv = 0;              // measured: stored bits / values over every calibrated group (0: not yet)
};

struct MenuSpec {
  MenuKind kind = MenuKind::BitWidths;
  std::string method = "turboquant_mse";  // BitWidths: the method
  std::vector<int> bits = {1, 2, 3, 4};   // BitWidths: its bit-widths
  std::vector<std::string> formats;       // Formats: "q4_0", "fp16", "turboquant_mse:3", ...
  quant::MethodConfig base;               // group size, norm correction, seed, ... for every entry
};

// "turboquant_mse 3b" for methods with a bit-width, the name for fixed formats.
std::string entryLabel(const quant::MethodConfig& c);

// Validates the spec against the registry and builds the entries (bpv = 0 until measured).
// Bit-width menus are sorted by bits. Throws Error(InvalidArgument) naming the bad item: unknown
// method, a bit-width the method lacks, a bit-width method without ":b" in a format list,
// duplicates, an empty menu.
std::vector<MenuEntry> buildMenu(const MenuSpec& spec);

// Throws Error(InvalidArgument) when a layer-row format (llama.cpp/turbo blocks span all KV heads
// of a layer) is in a menu for per-head groups.
void checkMenuGranularity(const std::vector<MenuEntry>& menu, Granularity granularity);

// True when every entry has a nominal bit-width (RateUnit::Bits is then meaningful).
bool menuHasBitWidths(const std::vector<MenuEntry>& menu);

// The entry with this method and bits (bits ignored for fixed formats); nullopt if none.
std::optional<size_t> findMenuEntry(const std::vector<MenuEntry>& menu, std::string_view method, int bits);

}  // namespace vq::calib
