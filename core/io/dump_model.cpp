#include "core/io/dump_model.h"

#include <climits>
#include <map>
#include <optional>
#include <set>

#include "core/common/error.h"
#include "core/io/byte_io.h"
#include "core/io/dump_metadata.h"
#include "core/io/layout_detection.h"
#include "core/io/npy_format.h"
#include "core/io/safetensors_format.h"
#include "core/io/tensor_naming.h"

namespace vq::io {

namespace {

Error tensorError(ErrorCode code, std::string detail, const RawTensor& t) {
  return Error(code, std::move(detail), t.file, t.name, int64_t(t.fileOffset));
}

std::string unsupportedText(const ContainerContents& c, const RawTensor& t) {
  return c.container == "safetensors" ? unsupportedSafetensorsDtypeText(t.dtypeText)
                                      : unsupportedNpyDtypeText(t.dtypeText);
}

// Why a tensor cannot be read as f32/f16/bf16 C-order data, or nullopt if it can.
std::optional<std::pair<ErrorCode, std::string>> unreadable(const ContainerContents& c, const RawTensor& t) {
  if (!t.dtype) return std::pair{ErrorCode::UnsupportedDtype, unsupportedText(c, t)};
  if (t.fortranOrder) {
    return std::pair{ErrorCode::FortranOrder,
                     std::string("the array is stored in Fortran order; save it in C order "
                                 "(numpy.ascontiguousarray) to read it")};
  }
  return std::nullopt;
}

void checkConsistent(const TensorInfo& a, const TensorInfo& b, const RawTensor& bRaw, bool isQ) {
  const bool ok = isQ ? (a.tokens == b.tokens && a.headDim == b.headDim && b.heads % a.heads == 0)
                      : (a.heads == b.heads && a.tokens == b.tokens && a.headDim == b.headDim);
  if (ok) return;
  std::string detail = "'" + a.name + "' has " + std::to_string(a.heads) + " heads, " +
                       std::to_string(a.tokens) + " tokens, head_dim " + std::to_string(a.headDim) +
                       "; '" + b.name + "' has " + std::to_string(b.heads) + " heads, " +
                       std::to_string(b.tokens) + " tokens, head_dim " + std::to_string(b.headDim);
  detail += isQ ? " (queries need the keys' tokens and head_dim and a multiple of their heads)"
                : " (they must agree)";
  throw tensorError(ErrorCode::InconsistentDump, detail, bRaw);
}

}  // namespace

DumpModel buildDumpModel(ContainerContents c, const std::filesystem::path& path) {
  DumpModel m;
  DumpInfo& info = m.info;
  info.path = path;
  info.container = c.container;
  info.fileBytes = c.fileBytes;
  info.metadata = c.metadata.is_object() ? c.metadata : nlohmann::json::object();
  info.modelName = metadataModelName(info.metadata);
  info.synthetic = metadataSynthetic(info.metadata);
  MetadataFacts facts;
  try {
    facts = metadataFacts(info.metadata);
  } catch (const Error& e) {
    throw e.withFile(path.string());
  }

  // Classify every tensor; keep the readable ones.
  std::vector<const RawTensor*> kept;
  std::map<std::pair<int, int>, size_t> kvIndex;  // (layer, role) -> index in kept
  bool native = true;
  for (RawTensor& t : c.tensors) {
    if (t.rawTwoByte && !t.dtype && declaresBf16(info.metadata, t.name)) t.dtype = DType::BF16;
    const std::optional<KvTensorName> kv = parseKvTensorName(t.name);
    const auto problem = unreadable(c, t);
    if (!kv) {
      if (problem) info.ignoredTensors.push_back(t.name + ": " + problem->second);
      else kept.push_back(&t);
      continue;
    }
    if (problem) throw tensorError(problem->first, problem->second, t);
    for (int64_t d : t.shape) {
      if (d == 0) {
        throw tensorError(ErrorCode::BadShape,
                          "shape " + shapeText(t.shape) +
                              " has a zero dimension; a KV tensor needs at least one head, token and channel",
                          t);
      }
    }
    const auto key = std::pair{kv->layer, int(kv->role)};
    if (const auto it = kvIndex.find(key); it != kvIndex.end()) {
      throw tensorError(ErrorCode::DuplicateTensor,
                        "it is layer " + std::to_string(kv->layer) + "'s " + std::string(roleName(kv->role)) +
                            ", and so is '" + kept[it->second]->name + "'",
                        t);
    }
    native = native && kv->native;
    kvIndex[key] = kept.size();
    kept.push_back(&t);
  }
  if (kvIndex.empty()) {
    std::string detail = "no KV tensors (names like layer_0.k, model.layers.0.self_attn.k_proj or "
                         "layers.0.keys) among " + std::to_string(c.tensors.size()) + " tensors";
    throw Error(ErrorCode::EmptyDump, detail, path.string());
  }

  // Layers 0..L-1, each with k and v.
  std::set<int> present;
  for (const auto& entry : kvIndex) present.insert(entry.first.first);
  const int numLayers = *present.rbegin() + 1;
  for (int l = 0; size_t(numLayers) != present.size() && l < numLayers; ++l) {
    if (present.count(l)) continue;
    throw Error(ErrorCode::MissingTensor,
                "layer " + std::to_string(l) + " has no tensors, but layer " + std::to_string(numLayers - 1) +
                    " has (layers must be numbered 0..N-1 without gaps)",
                path.string(), kvTensorName(l, Role::K));
  }
  for (int l = 0; l < numLayers; ++l) {
    for (Role r : {Role::K, Role::V}) {
      if (kvIndex.count({l, int(r)})) continue;
      const auto o = kvIndex.find({l, int(r == Role::K ? Role::V : Role::K)});
      std::string detail = "layer " + std::to_string(l) + " has no " + std::string(roleName(r)) + " tensor";
      if (o != kvIndex.end()) detail += " (it has '" + kept[o->second]->name + "')";
      throw Error(ErrorCode::MissingTensor, detail, path.string(), kvTensorName(l, r));
    }
  }
  m.roleIndex.assign(size_t(numLayers), {-1, -1, -1, -1});

  // Layout.
  std::vector<LayoutTensor> layoutTensors;
  for (const auto& [key, idx] : kvIndex) {
    layoutTensors.push_back({kept[idx]->name, key.first, Role(key.second), kept[idx]->shape});
  }
  LayoutDecision layout;
  try {
    layout = decideLayout(layoutTensors, {facts.layout, facts.kvHeads, facts.qHeads, native});
  } catch (const Error& e) {
    throw e.withFile(path.string());
  }
  info.layout = layout.rank3;
  info.layoutSource = layout.source;

  // TensorInfo for every kept tensor.
  for (const RawTensor* t : kept) {
    TensorInfo ti;
    ti.name = t->name;
    ti.dtype = *t->dtype;
    ti.shape = t->shape;
    ti.bytes = t->bytes;
    ti.fileOffset = t->fileOffset;
    if (const auto kv = parseKvTensorName(t->name)) {
      ti.layer = kv->layer;
      ti.role = kv->role;
      ti.layout = tensorLayout(t->shape.size(), layout.rank3);
      const HeadShape hs = headShape(t->shape, ti.layout);
      if (hs.heads > INT_MAX || hs.headDim > INT_MAX) {
        throw tensorError(ErrorCode::BadShape, "shape " + shapeText(t->shape) + " has too many heads or channels", *t);
      }
      ti.heads = int(hs.heads);
      ti.tokens = hs.tokens;
      ti.headDim = int(hs.headDim);
      m.roleIndex[size_t(kv->layer)][size_t(kv->role)] = int(m.tensors.size());
    }
    m.tensors.push_back(std::move(ti));
    m.locations.push_back(t->where);
  }

  // Per-layer consistency and the summary.
  for (int l = 0; l < numLayers; ++l) {
    const auto& roles = m.roleIndex[size_t(l)];
    const TensorInfo& k = m.tensors[size_t(roles[size_t(Role::K)])];
    for (Role r : {Role::V, Role::KPreRope, Role::Q}) {
      const int i = roles[size_t(r)];
      if (i >= 0) checkConsistent(k, m.tensors[size_t(i)], *kept[size_t(i)], r == Role::Q);
    }
    const TensorInfo& v = m.tensors[size_t(roles[size_t(Role::V)])];
    LayerInfo li;
    li.index = l;
    li.kvHeads = k.heads;
    li.tokens = k.tokens;
    li.headDim = k.headDim;
    li.hasK = li.hasV = true;
    li.hasQ = roles[size_t(Role::Q)] >= 0;
    li.hasKPreRope = roles[size_t(Role::KPreRope)] >= 0;
    li.qHeads = li.hasQ ? m.tensors[size_t(roles[size_t(Role::Q)])].heads : 0;
    li.dtype = k.dtype;
    li.kvBytes = k.bytes + v.bytes;
    info.layers.push_back(li);
    info.kvBytes += li.kvBytes;
    for (int i : roles) {
      if (i < 0) continue;
      info.tensorBytes += m.tensors[size_t(i)].bytes;
      if (m.tensors[size_t(i)].dtype != info.layers[0].dtype) info.mixedDtypes = true;
    }
  }
  const LayerInfo& first = info.layers[0];
  info.numLayers = numLayers;
  info.qHeads = first.qHeads;
  info.kvHeads = first.kvHeads;
  info.headDim = first.headDim;
  info.dtype = first.dtype;
  info.hasQueries = true;
  for (const LayerInfo& li : info.layers) {
    info.maxTokens = std::max(info.maxTokens, li.tokens);
    info.hasQueries = info.hasQueries && li.hasQ;
    if (li.qHeads != first.qHeads || li.kvHeads != first.kvHeads || li.tokens != first.tokens ||
        li.headDim != first.headDim) {
      info.uniformShapes = false;
    }
  }
  return m;
}

}  // namespace vq::io
