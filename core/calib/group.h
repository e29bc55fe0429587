// Groups: the unit of allocation (DESIGN.md §2, §6) = (layer, one KV head or all of the layer's
// KV heads, K or V or both). The user picks the granularity (per layer, per layer×head) and
// whether K and V share a choice (joint) or are allocated separately.
//
// A group's stable id names what it covers:
//   "L3.H2.K"  layer 3, KV head 2, keys        (head granularity, K/V separate)
//   "L3.H2.KV" layer 3, KV head 2, keys+values (head granularity, K/V joint)
//   "L3.K"     layer 3, every KV head, keys    (layer granularity, K/V separate)
//   "L3.KV"    layer 3, every KV head, both    (layer granularity, K/V joint)
// Its value count m_g = tokens · headDim · heads covered · (2 if K and V), so layers that differ
// in tokens or head_dim weigh correctly in the memory budget.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/dump.h"

namespace vq::calib {

enum class Granularity : uint8_t { Layer, Head };
enum class KvMode : uint8_t { Joint, Separate };
enum class GroupRole : uint8_t { K, V, KV };

std::string_view granularityName(Granularity g);  // "layer", "head"
std::string_view kvModeName(KvMode k);            // "joint", "separate"
std::string_view groupRoleName(GroupRole r);      // "K", "V", "KV"
// Parse the names above; nullopt for anything else.
std::optional<Granularity> parseGranularity(std::string_view s);
std::optional<KvMode> parseKvMode(std::string_view s);
std::optional<GroupRole> parseGroupRole(std::string_view s);

struct GroupKey {
  int layer = 0;
  int head = -1;  // KV head, or -1 for every KV head of the layer
  GroupRole role = GroupRole::KV;

  std::string id() const;
  bool coversHead(int h) const { return head < 0 || head == h; }
  bool coversRole(Role r) const {
    return role == GroupRole::KV || (role == GroupRole::K ? r == Role::K : r == Role::V);
  }
  friend bool operator==(const GroupKey&, const GroupKey&) = default;
};

// Parses an id written by GroupKey::id() ("L3.H2.K", "L3.KV", ...); nullopt when malformed.
std::optional<GroupKey> parseGroupId(std::string_view id);

struct Group {
  GroupKey key;
  std::string id;       // key.id()
  int64_t values = 0;   // m_g
  int64_t tokens = 0;
  int headDim = 0;
  int heads = 0;        // KV heads covered
};

// The groups of `layers` (empty: every layer) in a stable order: by layer, then KV head, then
// K before V. Throws Error(InvalidArgument) for a layer the dump does not have.
std::vector<Group> makeGroups(const DumpInfo& info, Granularity granularity, KvMode kv,
                              std::span<const int> layers = {});

}  // namespace vq::calib
