// Deciding how the KV tensors of a dump are laid out: [H,T,d], [1,H,T,d] or [T,H,d].
//
// The rule (one layout for all rank-3 KV tensors of a dump):
//  1. Rank 4 is always [1,H,T,d] (the leading dimension must be 1; otherwise Error(BadShape)).
//     Ranks other than 3 and 4 are Error(BadShape).
//  2. A layout declared in the metadata ("layout": "HTD" | "1HTD" | "THD") is used as declared
//     ("1HTD" means [H,T,d] for rank-3 tensors).
//  3. Otherwise each of HTD and THD is tested against the evidence: (a) the metadata's head counts
//     (num_kv_heads for k/v/k_pre_rope, num_heads for q; HF and llama.cpp key names too) must
//     equal the head axis; (b) within each layer k, v and k_pre_rope must agree on heads and
//     tokens, and q must have k's tokens and head_dim and a multiple of k's heads. So with GQA
//     (Hq != Hkv) the axis where q and k differ is the head axis. If exactly one layout passes, it
//     is used.
//  4. If both pass (no metadata, no q or Hq == Hkv, or shapes like [8,8,d] where both read the
//     same), the dump is HTD only when every KV tensor uses our own naming (layer_{i}.*), whose
//     definition is [H,T,d] (DESIGN.md §2). Otherwise it is genuinely ambiguous:
//     Error(AmbiguousLayout), whose detail says how to declare it.
//  5. If neither passes: when the shapes alone (3b) fit one layout, the metadata head counts
//     contradict the tensors: Error(InconsistentDump) naming the key and the tensor. When the
//     shapes fit no layout, HTD is returned and the dump's validation reports the specific
//     inconsistency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/io/dump.h"

namespace vq::io {

struct LayoutTensor {
  std::string name;
  int layer = 0;
  Role role = Role::K;
  std::vector<int64_t> shape;
};

struct LayoutEvidence {
  std::optional<Layout> declared;
  std::optional<int64_t> kvHeads;
  std::optional<int64_t> qHeads;
  bool nativeNaming = false;  // every KV tensor is named layer_{i}.*
};

struct LayoutDecision {
  Layout rank3 = Layout::HTD;  // HTD or THD
  std::string source;          // "declared", "detected", "native naming", "no rank-3 tensors"
};

// Throws vq::Error: BadShape (wrong rank), AmbiguousLayout, InconsistentDump (metadata head
// counts contradict the tensors). Errors name the tensor but not the file.
LayoutDecision decideLayout(const std::vector<LayoutTensor>& tensors, const LayoutEvidence& evidence);

// The layout of one tensor: BHTD for rank 4, `rank3` for rank 3.
inline Layout tensorLayout(size_t rank, Layout rank3) { return rank == 4 ? Layout::BHTD : rank3; }

struct HeadShape {
  int64_t heads = 0, tokens = 0, headDim = 0;
};
// (heads, tokens, head_dim) of a rank-3/4 shape read with `layout`.
HeadShape headShape(const std::vector<int64_t>& shape, Layout layout);

}  // namespace vq::io
