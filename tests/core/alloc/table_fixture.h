// Synthetic calibration tables for allocator tests: L layers x H heads x (K, V) groups, a
// bit-width menu of turboquant_mse, sizes, weights and distortions chosen by the test.
#pragma once

#include <vector>

#include "core/calib/calibration_table.h"
#include "core/common/random.h"

namespace vq::test {

// Groups L{l}.H{h}.{K,V} with tokens[l] x headDim values each; bpv = bits + 16/headDim (fp16
// norm); D = alpha·beta^-bits with per-group alpha drawn from rng (non-convex noise optional).
inline calib::CalibrationTable makeTable(int layers, int heads, std::vector<int> bits, Rng& rng,
                                         bool unequalTokens = false, bool nonConvex = false, int headDim = 16) {
  calib::CalibrationTable t;
  t.settings.granularity = calib::Granularity::Head;
  t.settings.kv = calib::KvMode::Separate;
  for (int b : bits) {
    calib::MenuEntry e;
    e.config.method = "turboquant_mse";
    e.config.bits = b;
    e.bits = b;
    e.label = "turboquant_mse " + std::to_string(b) + "b";
    e.bpv = b + 16.0 / headDim;
    t.menu.push_back(e);
  }
  for (int l = 0; l < layers; ++l) {
    const int64_t tokens = unequalTokens ? 32 + int64_t(rng.uniform() * 200) : 97;
    t.dump.layers.push_back({heads * 2, heads, tokens, headDim});
    for (int h = 0; h < heads; ++h)
      for (auto role : {calib::GroupRole::K, calib::GroupRole::V}) {
        calib::Group g;
        g.key = {l, h, role};
        g.id = g.key.id();
        g.tokens = tokens;
        g.headDim = headDim;
        g.heads = 1;
        g.values = tokens * headDim;
        t.groups.push_back(g);
        t.weight.push_back(0.2 + rng.uniform());
        const double alpha = 0.05 + rng.uniform() * (role == calib::GroupRole::K ? 2.0 : 0.5);
        const double beta = 3.0 + rng.uniform() * 1.5;
        std::vector<double> d, r;
        for (int b : bits) {
          double v = alpha * std::pow(beta, -b);
          if (nonConvex) v *= 0.3 + 1.4 * rng.uniform();
          d.push_back(v);
          r.push_back(b + 16.0 / headDim);
        }
        t.distortion.push_back(d);
        t.bpv.push_back(r);
      }
  }
  t.refit();
  return t;
}

}  // namespace vq::test
