#include "core/synth/synth.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/common/random.h"
#include "core/io/dump_writer.h"

namespace vq {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Multiplier of a layer's activations: small first layers, a bump mid-way, a large last layer.
double layerScale(int layer, int layers) {
  const double x = layers > 1 ? double(layer) / double(layers - 1) : 0.0;
  double s = 0.6 + 0.8 * std::sin(kPi * x) + (layer == layers - 1 ? 0.8 : 0.0);
  if (layer == 0) s *= 0.5;
  return s;
}

// Shared per-(layer, KV head) structure: a common query/key direction, per-channel spread,
// and the outlier channels.
struct HeadModel {
  std::vector<float> channelStd;   // per channel std of the pre-RoPE keys
  std::vector<float> keyMean;      // per channel mean (large on outlier channels)
  std::vector<float> sharedDir;    // unit direction shared by this head's queries and keys
  std::vector<float> valueStd;     // per channel std of values
};

HeadModel makeHeadModel(const SynthConfig& cfg, int layer, int kvHead) {
  Rng rng = Rng::stream(cfg.seed, uint64_t(layer), 100, uint64_t(kvHead));
  const int d = cfg.headDim;
  HeadModel m;
  m.channelStd.resize(size_t(d));
  m.keyMean.assign(size_t(d), 0.0f);
  m.sharedDir.resize(size_t(d));
  m.valueStd.resize(size_t(d));
  for (int i = 0; i < d; ++i) {
    // Low-frequency RoPE pairs (large i within each half) carry more energy in real models.
    const double pos = double(i % (d / 2)) / double(d / 2);
    m.channelStd[size_t(i)] = float(0.6 + 0.8 * pos + 0.25 * std::abs(rng.normal()));
    m.valueStd[size_t(i)] = float(0.7 + 0.3 * std::abs(rng.normal()));
  }
  const int nOut = std::min(cfg.outlierChannels, d / 2);
  for (int j = 0; j < nOut; ++j) {
    const int c = int(rng.next() % uint64_t(d / 2)) + d / 2 * int(rng.next() & 1u);
    const int pair = c < d / 2 ? c + d / 2 : c - d / 2;
    const float mag = float(6.0 + 6.0 * rng.uniform()) * (rng.sign());
    m.keyMean[size_t(c)] = mag;
    m.keyMean[size_t(pair)] = 0.5f * mag;
  }
  // One value channel is also an outlier (weaker), as often seen in LLM values.
  m.valueStd[size_t(rng.next() % uint64_t(d))] *= 4.0f;
  double n2 = 0;
  for (int i = 0; i < d; ++i) {
    m.sharedDir[size_t(i)] = float(rng.normal());
    n2 += double(m.sharedDir[size_t(i)]) * m.sharedDir[size_t(i)];
  }
  const float inv = float(1.0 / std::sqrt(n2));
  for (auto& v : m.sharedDir) v *= inv;
  return m;
}

// cos and sin of every (position, channel pair) angle, computed once per dump: every layer and
// head shares them, and evaluating pow/cos/sin per value was most of the generation time.
// The table holds at most kMaxEntries angles (64 MB); later positions are computed directly,
// with the same arithmetic.
struct RopeTable {
  static constexpr int64_t kMaxEntries = int64_t(1) << 23;
  int half = 0;
  int64_t tableTokens = 0;
  std::vector<double> freq;     // [half]
  std::vector<float> cos, sin;  // [tableTokens][half]

  RopeTable(int d, int64_t tokens, double theta) : half(d / 2) {
    tableTokens = std::min(tokens, kMaxEntries / half);
    cos.resize(size_t(tableTokens) * size_t(half));
    sin.resize(cos.size());
    freq.resize(size_t(half));
    for (int i = 0; i < half; ++i) freq[size_t(i)] = std::pow(theta, -2.0 * double(i) / double(d));
    for (int64_t t = 0; t < tableTokens; ++t)
      for (int i = 0; i < half; ++i) {
        const double a = double(t) * freq[size_t(i)];
        cos[size_t(t) * size_t(half) + size_t(i)] = float(std::cos(a));
        sin[size_t(t) * size_t(half) + size_t(i)] = float(std::sin(a));
      }
  }

  // Rotate-half RoPE of the vector x at position pos.
  void apply(float* x, int64_t pos) const {
    if (pos >= tableTokens) {
      for (int i = 0; i < half; ++i) {
        const double a = double(pos) * freq[size_t(i)];
        const float c = float(std::cos(a)), s = float(std::sin(a));
        const float x0 = x[i], x1 = x[i + half];
        x[i] = x0 * c - x1 * s;
        x[i + half] = x1 * c + x0 * s;
      }
      return;
    }
    const float* c = cos.data() + size_t(pos) * size_t(half);
    const float* s = sin.data() + size_t(pos) * size_t(half);
    for (int i = 0; i < half; ++i) {
      const float x0 = x[i], x1 = x[i + half];
      x[i] = x0 * c[i] - x1 * s[i];
      x[i + half] = x1 * c[i] + x0 * s[i];
    }
  }
};

enum class Kind { Q, K, V, KPre };

// Fills one head [T x d] of one tensor.
void generateHead(const SynthConfig& cfg, const RopeTable& rope, int layer, Kind kind, int head, float* out) {
  const int d = cfg.headDim;
  const int64_t T = cfg.tokens;
  const int group = cfg.qHeads / cfg.kvHeads;
  const int kvHead = kind == Kind::Q ? head / group : head;
  const HeadModel m = makeHeadModel(cfg, layer, kvHead);
  const double scale = layerScale(layer, cfg.layers);
  // K and KPre share their stream so k == RoPE(k_pre_rope) exactly.
  const uint64_t roleId = kind == Kind::KPre ? uint64_t(Kind::K) : uint64_t(kind);
  Rng rng = Rng::stream(cfg.seed, uint64_t(layer), roleId + 1, uint64_t(head));
  const double alignQ = 2.5;  // query component along the shared direction
  for (int64_t t = 0; t < T; ++t) {
    float* x = out + t * d;
    if (kind == Kind::V) {
      const float sinkShrink = t == 0 ? 0.1f : 1.0f;  // sink tokens carry little value
      for (int i = 0; i < d; ++i) x[i] = float(scale * m.valueStd[size_t(i)] * rng.normal()) * sinkShrink;
      continue;
    }
    if (kind == Kind::Q) {
      const double common = alignQ + 0.5 * rng.normal();
      for (int i = 0; i < d; ++i)
        x[i] = float(scale * (common * m.sharedDir[size_t(i)] * std::sqrt(double(d)) * 0.35 +
                              0.8 * rng.normal()));
    } else {
      if (t == 0) {
        // Attention sink: the first key points along the queries' shared direction.
        const double mag = 6.0 * std::sqrt(double(d)) * 0.35;
        for (int i = 0; i < d; ++i) x[i] = float(scale * (mag * m.sharedDir[size_t(i)] + 0.1 * rng.normal()));
      } else {
        const double common = 0.6 * rng.normal();
        for (int i = 0; i < d; ++i)
          x[i] = float(scale * (m.keyMean[size_t(i)] * 0.35 + common * m.sharedDir[size_t(i)] * std::sqrt(double(d)) * 0.35 +
                                m.channelStd[size_t(i)] * rng.normal()));
      }
    }
    if (kind != Kind::KPre) rope.apply(x, t);
  }
}

const char* suffix(Kind k) {
  switch (k) {
    case Kind::Q: return "q";
    case Kind::K: return "k";
    case Kind::V: return "v";
    case Kind::KPre: return "k_pre_rope";
  }
  return "?";
}

std::vector<Kind> kindsOf(const SynthConfig& cfg) {
  std::vector<Kind> kinds;
  if (cfg.withQueries) kinds.push_back(Kind::Q);
  kinds.push_back(Kind::K);
  kinds.push_back(Kind::V);
  if (cfg.withKPreRope) kinds.push_back(Kind::KPre);
  return kinds;
}

}  // namespace

std::optional<SynthConfig> synthPreset(std::string_view name) {
  SynthConfig c;
  c.preset = std::string(name);
  if (name == "tiny") {
    c.layers = 4; c.qHeads = 8; c.kvHeads = 4; c.headDim = 64; c.tokens = 256;
    c.withKPreRope = true;
  } else if (name == "llama8b-4k") {
    c.layers = 32; c.qHeads = 32; c.kvHeads = 8; c.headDim = 128; c.tokens = 4096;
  } else if (name == "llama70b-32k") {
    c.layers = 80; c.qHeads = 64; c.kvHeads = 8; c.headDim = 128; c.tokens = 32768;
    c.withQueries = false;  // K+V alone are 10.7 GB; queries would add 21.5 GB (use --with-q)
  } else {
    return std::nullopt;
  }
  return c;
}

void validate(const SynthConfig& c) {
  auto bad = [](const std::string& what) { throw Error(ErrorCode::InvalidArgument, what); };
  if (c.layers < 1 || c.layers > 4096) bad("--layers must be in 1..4096, got " + std::to_string(c.layers));
  if (c.kvHeads < 1 || c.kvHeads > 1024) bad("--kv-heads must be in 1..1024, got " + std::to_string(c.kvHeads));
  if (c.qHeads < c.kvHeads || c.qHeads % c.kvHeads != 0)
    bad("--heads must be a multiple of --kv-heads (GQA), got " + std::to_string(c.qHeads) + " and " +
        std::to_string(c.kvHeads));
  if (c.headDim < 2 || c.headDim > 1024 || c.headDim % 2 != 0)
    bad("--head-dim must be even and in 2..1024 (RoPE rotates channel pairs), got " + std::to_string(c.headDim));
  if (c.tokens < 1 || c.tokens > (int64_t(1) << 24)) bad("--tokens must be in 1..16777216, got " + std::to_string(c.tokens));
}

uint64_t synthKvBytes(const SynthConfig& c) {
  return 2ull * uint64_t(c.layers) * uint64_t(c.kvHeads) * uint64_t(c.tokens) * uint64_t(c.headDim) *
         dtypeSize(c.dtype);
}

uint64_t synthTensorBytes(const SynthConfig& c) {
  const uint64_t perKvTensor = synthKvBytes(c) / 2 / uint64_t(c.layers);
  uint64_t perLayer = 2 * perKvTensor;
  if (c.withKPreRope) perLayer += perKvTensor;
  if (c.withQueries) perLayer += perKvTensor * uint64_t(c.qHeads / c.kvHeads);
  return perLayer * uint64_t(c.layers);
}

void writeSynthDump(const SynthConfig& cfg, const std::filesystem::path& out, const Progress& progress) {
  validate(cfg);
  const auto kinds = kindsOf(cfg);
  std::vector<TensorSpec> specs;
  for (int l = 0; l < cfg.layers; ++l)
    for (Kind k : kinds)
      specs.push_back({"layer_" + std::to_string(l) + "." + suffix(k), cfg.dtype,
                       {k == Kind::Q ? cfg.qHeads : cfg.kvHeads, cfg.tokens, cfg.headDim}});

  nlohmann::json meta = {
      {"synthetic", true},
      {"generator", "veloxquant synth"},
      {"preset", cfg.preset},
      {"model", "synthetic-" + cfg.preset},
      {"num_layers", cfg.layers},
      {"num_heads", cfg.qHeads},
      {"num_kv_heads", cfg.kvHeads},
      {"head_dim", cfg.headDim},
      {"tokens", cfg.tokens},
      {"dtype", std::string(dtypeName(cfg.dtype))},
      {"seed", cfg.seed},
      {"layout", "HTD"},
      {"rope", {{"theta", cfg.ropeTheta}, {"style", "half"}, {"q_has_rope", true}, {"k_has_rope", true}}},
      {"note", "SYNTHETIC data with LLM-like statistics (scale profile, outlier key channels, "
               "attention sink at token 0, RoPE, GQA). Not activations of a real model."}};

  DumpWriter writer(out, specs, meta);
  const size_t headFloats = size_t(cfg.tokens) * size_t(cfg.headDim);
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  // Heads are generated in batches of at most `batch` in parallel, bounding memory to
  // batch * T * d floats whatever the tensor size.
  const int batch = int(std::min<unsigned>(hw * 2, 16));
  std::vector<float> buf(size_t(batch) * headFloats);
  const RopeTable rope(cfg.headDim, cfg.tokens, cfg.ropeTheta);
  size_t done = 0;
  for (int l = 0; l < cfg.layers; ++l) {
    for (Kind k : kinds) {
      const int H = k == Kind::Q ? cfg.qHeads : cfg.kvHeads;
      for (int h0 = 0; h0 < H; h0 += batch) {
        progress.checkCancelled();
        const int n = std::min(batch, H - h0);
        {
          std::vector<std::jthread> workers;
          const int nThreads = int(std::min<unsigned>(hw, unsigned(n)));
          for (int w = 0; w < nThreads; ++w)
            workers.emplace_back([&, w] {
              for (int i = w; i < n; i += nThreads)
                generateHead(cfg, rope, l, k, h0 + i, buf.data() + size_t(i) * headFloats);
            });
        }
        writer.appendF32(std::span<const float>(buf.data(), size_t(n) * headFloats));
      }
      ++done;
      progress.report(double(done) / double(specs.size()),
                      "layer " + std::to_string(l) + " " + suffix(k));
    }
  }
  progress.checkCancelled();
  writer.commit();
}

}  // namespace vq
