// Two hand-made allocation files (no calibration run, so golden files stay stable):
// - bitsAllocation(): 4 layers x 2 KV heads (head_dim 128, 64 tokens), per-head K/V-separate
//   groups, menu turboquant_mse 1..4 bits; layer 0 pinned at 4 bits, mixed bits elsewhere.
// - formatsAllocation(): 3 layers x 4 KV heads (head_dim 32), per-layer K/V-separate groups,
//   menu q4_0, q8_0, fp16 with calibrated distortions kept in the file.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "core/alloc/allocator.h"
#include "core/io/allocation_file.h"

namespace vq::test {

inline calib::CalibrationTable fixtureTable(int layers, int heads, int headDim, int64_t tokens,
                                            calib::Granularity gran, const std::vector<calib::MenuEntry>& menu,
                                            const std::vector<double>& entryBpv) {
  calib::CalibrationTable t;
  t.dump.path = "fixture.npz";
  t.dump.model = "Fixture-Model";
  t.dump.hash = "fnv1a64:0123456789abcdef";
  for (int l = 0; l < layers; ++l) t.dump.layers.push_back({heads * 2, heads, tokens, headDim});
  t.settings.granularity = gran;
  t.settings.kv = calib::KvMode::Separate;
  t.settings.queryPositions = 64;
  t.settings.querySeed = 3;
  for (int l = 0; l < layers; ++l) t.settings.layers.push_back(l);
  t.menu = menu;
  DumpInfo info;
  info.numLayers = layers;
  for (int l = 0; l < layers; ++l) {
    LayerInfo li;
    li.index = l;
    li.kvHeads = heads;
    li.tokens = tokens;
    li.headDim = headDim;
    info.layers.push_back(li);
  }
  t.groups = calib::makeGroups(info, gran, calib::KvMode::Separate);
  for (size_t g = 0; g < t.groups.size(); ++g) {
    const bool key = t.groups[g].key.role == calib::GroupRole::K;
    t.weight.push_back(0.5 / double(t.groups.size()) * (1.0 + 0.25 * double(g % 3)));
    std::vector<double> d, b;
    for (size_t c = 0; c < menu.size(); ++c) {
      d.push_back((key ? 0.4 : 0.1) * (1.0 + 0.1 * double(t.groups[g].key.layer)) * std::pow(3.5, -entryBpv[c]));
      b.push_back(entryBpv[c]);
    }
    t.distortion.push_back(d);
    t.bpv.push_back(b);
  }
  t.refit();
  return t;
}

inline calib::MenuEntry entry(const std::string& method, int bits, double bpv) {
  calib::MenuEntry e;
  e.config.method = method;
  e.config.bits = bits;
  e.bits = bits;
  e.bpv = bpv;
  e.label = calib::entryLabel(e.config);
  return e;
}

inline io::AllocationFile bitsAllocation() {
  std::vector<calib::MenuEntry> menu;
  std::vector<double> bpv;
  for (int b = 1; b <= 4; ++b) {
    menu.push_back(entry("turboquant_mse", b, b + 0.125));
    bpv.push_back(b + 0.125);
  }
  const auto t = fixtureTable(4, 2, 128, 64, calib::Granularity::Head, menu, bpv);
  alloc::Allocation a;
  a.allocator = "optimal";
  a.request.unit = calib::RateUnit::Bits;
  a.request.target = 2.75;
  a.request.rules = alloc::parseGroupRules("first:1");
  // groups: L{l}.H{h}.{K,V}; entries are bits - 1
  a.choice = {3, 3, 3, 3,   // layer 0 pinned at 4 bits
              2, 1, 1, 0,   // layer 1: K 3,2  V 2,1
              1, 1, 1, 1,   // layer 2: all 2 bits
              2, 1, 2, 1};  // layer 3: K 3,3  V 2,2
  a.pinned.assign(16, false);
  for (size_t g = 0; g < 4; ++g) a.pinned[g] = true;
  alloc::evaluateAllocation(a, t);
  a.notes.push_back("fixture");
  return io::makeAllocationFile(t, a);
}

inline io::AllocationFile formatsAllocation() {
  const std::vector<calib::MenuEntry> menu = {entry("q4_0", 0, 4.5), entry("q8_0", 0, 8.5), entry("fp16", 0, 16.0)};
  const auto t = fixtureTable(3, 4, 32, 64, calib::Granularity::Layer, menu, {4.5, 8.5, 16.0});
  alloc::Allocation a;
  a.allocator = "optimal";
  a.request.unit = calib::RateUnit::Bpv;
  a.request.target = 7.2;
  a.choice = {1, 1,   // layer 0: q8_0 / q8_0
              1, 0,   // layer 1: q8_0 / q4_0
              1, 0};  // layer 2: q8_0 / q4_0
  a.pinned.assign(6, false);
  alloc::evaluateAllocation(a, t);
  return io::makeAllocationFile(t, a);
}

}  // namespace vq::test
