// Per-group constraints of an allocation request, written as short rules (CLI --pin, GUI):
//
//   rule      := selector [ "=" entry | ">=" rate | "<=" rate ]
//   selector  := "first:N" | "last:N" | "all" | "K" | "V" | "L<l>" | "L<l>.<role>" | "L<l>.H<h>"
//              | "L<l>.H<h>.<role>"          (role: K, V or KV)
//   entry     := "max" | "min" | bits ("4") | a menu label or format ("q8_0", "turboquant_mse:4")
//
// "=" pins the matched groups to a menu entry (a bare selector means "=max": protect them with
// the highest entry); ">=" / "<=" bound their rate (in the request's unit). A selector matches a
// group that covers any of what it names: "L3.K" matches L3.K, L3.H0.K, ... and the joint L3.KV;
// "L3.H2" matches L3.H2.* and the whole-layer groups of layer 3.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calib/calibration_table.h"

namespace vq::alloc {

struct GroupRule {
  enum class Kind : uint8_t { Pin, Min, Max };
  Kind kind = Kind::Pin;
  std::string selector;  // as written
  std::string value;     // pin: entry text; min/max: the rate as written
  std::string text;      // the whole rule as written (for messages and files)
  friend bool operator==(const GroupRule&, const GroupRule&) = default;
};

// Parses a comma-separated list of rules. Throws Error(InvalidArgument) naming the bad rule.
std::vector<GroupRule> parseGroupRules(std::string_view text);
std::string formatGroupRules(const std::vector<GroupRule>& rules);  // back to "a,b,c"

// True when `selector` matches group g of a dump with `layers` layers. Throws
// Error(InvalidArgument) for a malformed selector.
bool selectorMatches(std::string_view selector, const calib::Group& g, int layers);

// Resolves a pin value to a menu entry for group g (highest/lowest by the group's rate for
// "max"/"min"). Throws Error(InvalidArgument) when it names nothing in the menu.
size_t resolvePinEntry(std::string_view value, const calib::CalibrationTable& t, size_t g, calib::RateUnit unit);

}  // namespace vq::alloc
