#include "core/io/layout_detection.h"

#include <array>
#include <map>

#include "core/common/error.h"
#include "core/io/byte_io.h"

namespace vq::io {

namespace {

using LayerRoles = std::array<const LayoutTensor*, 4>;  // indexed by Role

// Why `rank3` does not fit the tensors, or nullopt when it does (see the rule in the header).
std::optional<std::string> misfit(const std::vector<LayoutTensor>& tensors, Layout rank3,
                                  const LayoutEvidence& ev, bool useMetadata) {
  std::map<int, LayerRoles> layers;
  for (const LayoutTensor& t : tensors) {
    layers[t.layer][size_t(t.role)] = &t;
    if (!useMetadata) continue;
    const HeadShape hs = headShape(t.shape, tensorLayout(t.shape.size(), rank3));
    const bool isQ = t.role == Role::Q;
    const std::optional<int64_t> expected = isQ ? ev.qHeads : ev.kvHeads;
    if (expected && hs.heads != *expected) {
      return "the metadata gives " + std::string(isQ ? "num_heads" : "num_kv_heads") + " = " +
             std::to_string(*expected) + ", but '" + t.name + "' has shape " + shapeText(t.shape);
    }
  }
  for (const auto& [index, roles] : layers) {
    const LayoutTensor* ref = nullptr;
    for (Role r : {Role::K, Role::V, Role::KPreRope}) {
      const LayoutTensor* t = roles[size_t(r)];
      if (!t) continue;
      if (!ref) {
        ref = t;
        continue;
      }
      const HeadShape a = headShape(ref->shape, tensorLayout(ref->shape.size(), rank3));
      const HeadShape b = headShape(t->shape, tensorLayout(t->shape.size(), rank3));
      if (a.heads != b.heads || a.tokens != b.tokens) {
        return "'" + ref->name + "' " + shapeText(ref->shape) + " and '" + t->name + "' " + shapeText(t->shape) +
               " disagree";
      }
    }
    const LayoutTensor* q = roles[size_t(Role::Q)];
    if (q && ref) {
      const HeadShape a = headShape(ref->shape, tensorLayout(ref->shape.size(), rank3));
      const HeadShape b = headShape(q->shape, tensorLayout(q->shape.size(), rank3));
      if (a.tokens != b.tokens || a.heads == 0 || b.heads % a.heads != 0) {
        return "'" + q->name + "' " + shapeText(q->shape) + " does not fit '" + ref->name + "' " +
               shapeText(ref->shape);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

HeadShape headShape(const std::vector<int64_t>& shape, Layout layout) {
  switch (layout) {
    case Layout::BHTD: return {shape[1], shape[2], shape[3]};
    case Layout::THD: return {shape[1], shape[0], shape[2]};
    case Layout::HTD: break;
  }
  return {shape[0], shape[1], shape[2]};
}

LayoutDecision decideLayout(const std::vector<LayoutTensor>& tensors, const LayoutEvidence& ev) {
  const LayoutTensor* firstRank3 = nullptr;
  for (const LayoutTensor& t : tensors) {
    if (t.shape.size() == 4 && t.shape[0] != 1) {
      throw Error(ErrorCode::BadShape,
                  "shape " + shapeText(t.shape) + ": a rank-4 KV tensor must be [1, heads, tokens, head_dim]",
                  {}, t.name);
    }
    if (t.shape.size() != 3 && t.shape.size() != 4) {
      throw Error(ErrorCode::BadShape,
                  "shape " + shapeText(t.shape) +
                      ": a KV tensor must be [heads, tokens, head_dim], [1, heads, tokens, head_dim] "
                      "or [tokens, heads, head_dim]",
                  {}, t.name);
    }
    if (t.shape.size() == 3 && !firstRank3) firstRank3 = &t;
  }
  if (!firstRank3) return {Layout::HTD, "no rank-3 tensors"};
  if (ev.declared) return {*ev.declared == Layout::THD ? Layout::THD : Layout::HTD, "declared"};

  const auto htd = misfit(tensors, Layout::HTD, ev, true);
  const auto thd = misfit(tensors, Layout::THD, ev, true);
  if (!htd && thd) return {Layout::HTD, "detected"};
  if (htd && !thd) return {Layout::THD, "detected"};
  if (!htd && !thd) {
    if (ev.nativeNaming) return {Layout::HTD, "native naming"};
    throw Error(ErrorCode::AmbiguousLayout,
                "cannot tell whether shape " + shapeText(firstRank3->shape) +
                    " is [heads, tokens, head_dim] or [tokens, heads, head_dim]; declare it in the "
                    "metadata (the sidecar <stem>.json, metadata.json in a folder of .npy, or "
                    "safetensors __metadata__) as \"layout\": \"HTD\" or \"layout\": \"THD\", or give "
                    "\"num_kv_heads\"",
                {}, firstRank3->name);
  }
  const auto htdShapes = misfit(tensors, Layout::HTD, ev, false);
  const auto thdShapes = misfit(tensors, Layout::THD, ev, false);
  if (!htdShapes || !thdShapes) {
    throw Error(ErrorCode::InconsistentDump, !htdShapes ? *htd : *thd);
  }
  return {Layout::HTD, "detected"};
}

}  // namespace vq::io
