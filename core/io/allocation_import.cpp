#include "core/io/allocation_import.h"

#include <algorithm>
#include <charconv>

#include "core/calib/menu.h"
#include "core/common/error.h"
#include "core/io/json_fields.h"
#include "core/quant/registry.h"

namespace vq::io {

namespace {

int readBits(const JsonReader& r, const quant::MethodInfo& info) {
  const int64_t b = r.integer();
  if (std::find(info.bits.begin(), info.bits.end(), int(b)) == info.bits.end()) {
    std::string valid;
    for (int v : info.bits) valid += (valid.empty() ? "" : ", ") + std::to_string(v);
    r.fail(info.name + " has no " + std::to_string(b) + "-bit setting (valid: " + valid + ")", ErrorCode::InvalidArgument);
  }
  return int(b);
}

std::optional<int> layerKey(const std::string& key) {
  if (key.rfind("layer_", 0) != 0 || key.size() == 6) return std::nullopt;
  int v = 0;
  const char* b = key.data() + 6;
  const char* e = key.data() + key.size();
  const auto [p, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || p != e || v < 0) return std::nullopt;
  return v;
}

// One bit-width per layer from a list, a {"layer_i": b} object (ignoring `skipKey`) or one integer.
std::vector<int> perLayer(const JsonReader& r, int layers, const quant::MethodInfo& info, const char* skipKey = nullptr) {
  std::vector<int> out(size_t(layers), -1);
  const auto& j = r.json();
  if (j.is_array()) {
    if (r.size() != size_t(layers))
      r.fail("the list has " + std::to_string(r.size()) + " entries, the dump has " + std::to_string(layers) + " layers",
             ErrorCode::InvalidArgument);
    for (size_t i = 0; i < r.size(); ++i) out[i] = readBits(r.at(i), info);
    return out;
  }
  if (j.is_number()) {
    const int b = readBits(r, info);
    std::fill(out.begin(), out.end(), b);
    return out;
  }
  if (!j.is_object()) r.fail("expected a list, a {\"layer_i\": bits} object or an integer");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (skipKey && it.key() == skipKey) continue;
    const JsonReader item = r.at(it.key());
    const auto l = layerKey(it.key());
    if (!l) item.fail("not a layer key (layer_0 .. layer_" + std::to_string(layers - 1) + ")", ErrorCode::InvalidArgument);
    if (*l >= layers)
      item.fail("layer " + std::to_string(*l) + " does not exist (the dump has " + std::to_string(layers) + " layers)",
                ErrorCode::InvalidArgument);
    out[size_t(*l)] = readBits(item, info);
  }
  for (int l = 0; l < layers; ++l)
    if (out[size_t(l)] < 0) r.fail("layer_" + std::to_string(l) + " is missing", ErrorCode::InvalidArgument);
  return out;
}

}  // namespace

AllocationFile importVeloxQuantBits(std::string_view text, const calib::DumpIdentity& dump, const std::string& method,
                                    const std::string& source) {
  const quant::MethodInfo* info = quant::findMethod(method);
  if (!info) throw Error(ErrorCode::InvalidArgument, "unknown method '" + method + "'", source);
  if (info->bits.empty())
    throw Error(ErrorCode::InvalidArgument, method + " is a fixed format; the VeloxQuant-MLX forms hold bit-widths",
                source);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(ErrorCode::BadJson, std::string("not a JSON list or object: ") + e.what(), source, {}, int64_t(e.byte) - 1);
  } catch (const nlohmann::json::exception& e) {  // e.g. out_of_range 406: a number like 1e400
    throw Error(ErrorCode::BadJson, std::string("not a JSON list or object: ") + e.what(), source);
  }
  const int layers = int(dump.layers.size());
  if (layers == 0) throw Error(ErrorCode::InvalidArgument, "the dump has no layers", source);
  const JsonReader root(j, "", source);
  std::vector<int> keys, values;
  bool separate = false;
  if (j.is_object() && j.contains("bit_width_inlier")) {
    keys = perLayer(root.at("bit_width_inlier"), layers, *info);
    separate = j.contains("value_bits");
    values = separate ? perLayer(root.at("value_bits"), layers, *info) : keys;
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it.key() != "bit_width_inlier" && it.key() != "value_bits")
        root.at(it.key()).fail("unexpected key (expected bit_width_inlier and value_bits)", ErrorCode::InvalidArgument);
  } else {
    keys = perLayer(root, layers, *info, "value_bits");
    separate = j.is_object() && j.contains("value_bits");
    values = separate ? perLayer(root.at("value_bits"), layers, *info) : keys;
  }

  AllocationFile f;
  f.dump = dump;
  f.calibration.granularity = calib::Granularity::Layer;
  f.calibration.kv = separate ? calib::KvMode::Separate : calib::KvMode::Joint;
  f.calibration.queries = false;
  f.calibration.queryPositions = 0;
  f.calibration.notes.push_back("imported from a VeloxQuant-MLX bit-width " +
                                std::string(j.is_array() ? "list" : "dict") + "; not calibrated");
  calib::MenuSpec spec;
  spec.method = method;
  spec.bits = keys;
  spec.bits.insert(spec.bits.end(), values.begin(), values.end());
  std::sort(spec.bits.begin(), spec.bits.end());
  spec.bits.erase(std::unique(spec.bits.begin(), spec.bits.end()), spec.bits.end());
  f.menu = calib::buildMenu(spec);
  f.calibration.menuKind = calib::MenuKind::BitWidths;
  for (int l = 0; l < layers; ++l) f.calibration.layers.push_back(l);
  const auto groups = calib::makeGroups(
      [&] {
        DumpInfo info;
        info.numLayers = layers;
        for (int l = 0; l < layers; ++l) {
          LayerInfo li;
          li.index = l;
          li.kvHeads = dump.layers[size_t(l)].kvHeads;
          li.tokens = dump.layers[size_t(l)].tokens;
          li.headDim = dump.layers[size_t(l)].headDim;
          info.layers.push_back(li);
        }
        return info;
      }(),
      calib::Granularity::Layer, f.calibration.kv);
  double bits = 0, count = 0;
  for (const auto& g : groups) {
    AllocatedGroup ag;
    ag.group = g;
    const int b = g.key.role == calib::GroupRole::V ? values[size_t(g.key.layer)] : keys[size_t(g.key.layer)];
    ag.entry = int(*calib::findMenuEntry(f.menu, method, b));
    ag.weight = 1.0;
    f.groups.push_back(ag);
    f.allocation.choice.push_back(ag.entry);
    f.allocation.pinned.push_back(false);
    bits += double(g.values) * b;
    count += double(g.values);
  }
  alloc::Allocation& a = f.allocation;
  a.allocator = "imported";
  a.request.unit = calib::RateUnit::Bits;
  a.request.target = a.achieved = a.achievedBits = bits / count;
  a.notes.push_back("storage and distortion are unknown until the allocation is verified on a dump");
  return f;
}

}  // namespace vq::io
