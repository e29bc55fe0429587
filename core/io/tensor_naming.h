// Which stored tensor names are KV tensors of which layer and role (DESIGN.md §2).
//
// Accepted (layer index i: decimal digits, no sign, at most 6 digits):
//   layer_{i}.q | .k | .v | .k_pre_rope                        ours ("native")
//   model.layers.{i}.self_attn.q | .k | .v                     Hugging Face module paths,
//   model.layers.{i}.self_attn.q_proj | .k_proj | .v_proj      with or without "_proj"
//   layers.{i}.queries | .keys | .values                       MLX-style names
// Anything else is not a KV tensor (it stays in Dump::tensors() but has no role).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/io/dump.h"

namespace vq::io {

struct KvTensorName {
  int layer = 0;
  Role role = Role::K;
  bool native = false;  // our own layer_{i}.* naming, whose layout is [H,T,d] by definition
};

std::optional<KvTensorName> parseKvTensorName(std::string_view name);

// Our name for a KV tensor: "layer_3.k".
std::string kvTensorName(int layer, Role role);

}  // namespace vq::io
