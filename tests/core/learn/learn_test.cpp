// The Learn view's computations (core/learn) on the real TinyStories sample (head_dim 16, so the
// codebooks are the exact Beta-marginal ones): rotation round trip, histogram bookkeeping,
// codebooks equal to lloyd_max's, rate-distortion points equal to the evaluator's figures, and the
// attention probe and option effects behaving as the theory says.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "core/common/thread_pool.h"
#include "core/eval/evaluator.h"
#include "core/learn/rate_distortion.h"
#include "core/learn/walkthrough.h"
#include "core/quant/lloyd_max.h"
#include "core/quant/rotation.h"

namespace vq::learn {
namespace {

const Dump& sample() {
  static const Dump d = Dump::open(VQ_SAMPLES_DIR "/s01_story_kite.npz");
  return d;
}

const LayerData& layer1() {
  static const LayerData l = loadLayer(sample(), 1, true);
  return l;
}

LearnOptions options(const std::string& method, int bits, Role role = Role::K, int64_t token = 40) {
  LearnOptions o;
  o.kvHead = 2;
  o.role = role;
  o.token = token;
  o.method.method = method;
  o.method.bits = bits;
  return o;
}

double norm(const std::vector<float>& x) {
  double s = 0;
  for (float v : x) s += double(v) * v;
  return std::sqrt(s);
}

TEST(Learn, RotationRoundTripRecoversTheUnitVector) {
  const Walkthrough w = walkthrough(layer1(), options("turboquant_mse", 3));
  ASSERT_EQ(w.headDim, 16);
  ASSERT_TRUE(w.rotates);
  EXPECT_EQ(w.config.seed, 42u + 1u);  // seed + layer, as the evaluator
  EXPECT_NEAR(norm(w.unit), 1.0, 1e-6);
  EXPECT_NEAR(norm(w.rotated), 1.0, 1e-5);
  const quant::Rotation rot(16, w.config.seed);
  std::vector<float> expect(16), back(16);
  rot.apply(w.unit.data(), expect.data());
  rot.applyInverse(w.rotated.data(), back.data());
  for (int i = 0; i < 16; ++i) {
    EXPECT_FLOAT_EQ(w.rotated[size_t(i)], expect[size_t(i)]);
    EXPECT_NEAR(back[size_t(i)], w.unit[size_t(i)], 1e-6);
    EXPECT_NEAR(w.unit[size_t(i)] * w.norm, w.original[size_t(i)], 1e-5);
  }
}

TEST(Learn, HistogramCountsEveryCoordinateOfTheHead) {
  const Walkthrough w = walkthrough(layer1(), options("turboquant_mse", 2));
  for (const Histogram* h : {&w.rotatedHistogram, &w.unrotatedHistogram}) {
    const int64_t inBins = std::accumulate(h->counts.begin(), h->counts.end(), int64_t(0));
    EXPECT_EQ(h->total, w.tokens * w.headDim);
    EXPECT_EQ(inBins + h->below + h->above, h->total);
    EXPECT_EQ(int(h->counts.size()), 32);
  }
  // d = 16: the range is the whole support [-1, 1] of a unit coordinate.
  EXPECT_DOUBLE_EQ(w.rotatedHistogram.lo, -1.0);
  EXPECT_DOUBLE_EQ(w.rotatedHistogram.hi, 1.0);

  const Histogram h = histogram({-2.f, -0.5f, 0.f, 0.49f, 0.5f, 3.f, std::nanf("")}, -1.0, 1.0, 4);
  EXPECT_EQ(h.counts, (std::vector<int64_t>{0, 1, 2, 1}));
  EXPECT_EQ(h.below, 2);  // -2 and NaN
  EXPECT_EQ(h.above, 1);
  EXPECT_EQ(h.total, 7);
  EXPECT_THROW(histogram({}, 1.0, 1.0, 4), Error);
}

TEST(Learn, CodebookIsTheLloydMaxCodebookTheMethodUses) {
  for (const char* method : {"turboquant_mse", "turboquant_prod", "turboquant_rvq"}) {
    for (int b = 2; b <= 4; ++b) {
      SCOPED_TRACE(std::string(method) + " " + std::to_string(b));
      const Walkthrough w = walkthrough(layer1(), options(method, b));
      ASSERT_TRUE(w.codebook);
      const int stageBits = std::string(method) == "turboquant_prod" ? b - 1 : b;
      const auto cb = quant::unitSphereCoordinateCodebook(16, stageBits);
      EXPECT_EQ(w.codebook->bits, stageBits);
      EXPECT_EQ(w.codebook->density, "beta");
      EXPECT_EQ(w.codebook->centroids, cb->centroids);
      EXPECT_EQ(w.codebook->boundaries, cb->boundaries);
      // Boundaries are the midpoints of adjacent centroids (the Lloyd–Max condition).
      for (size_t i = 0; i + 1 < cb->centroids.size(); ++i)
        EXPECT_NEAR(w.codebook->boundaries[i], 0.5 * (cb->centroids[i] + cb->centroids[i + 1]), 1e-9);
    }
  }
  // d >= 64: the Gaussian N(0, 1/d) codebook, i.e. the N(0,1) table of DESIGN.md §4 scaled by 1/sqrt(d).
  quant::MethodConfig cfg;
  cfg.method = "turboquant_mse";
  cfg.bits = 2;
  const auto g = codebookOf(cfg, 128);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->density, "gaussian");
  EXPECT_NEAR(g->centroids.back() * std::sqrt(128.0), 1.5104, 1e-4);
  EXPECT_NEAR(g->centroids[2] * std::sqrt(128.0), 0.4528, 1e-4);
  cfg.method = "q4_0";
  EXPECT_FALSE(codebookOf(cfg, 128));
  // The design density integrates to one on the histogram's range.
  double mass = 0;
  for (int i = 0; i < 2000; ++i) mass += designDensity(16, -1.0 + (i + 0.5) / 1000.0) / 1000.0;
  EXPECT_NEAR(mass, 1.0, 1e-3);
}

// The curve's points are the evaluator's per-head figures (same seed rule, same rows, same bytes).
TEST(Learn, RateDistortionPointsEqualTheEvaluator) {
  auto backend = makeCpuBackend(defaultThreadPool());
  struct Case {
    const char* method;
    Role role;
    quant::ProtectionConfig protection;
  };
  quant::ProtectionConfig sinks;
  sinks.sinkTokens = 4;
  for (const Case& c : {Case{"turboquant_mse", Role::K, {}}, Case{"turboquant_prod", Role::V, {}},
                        Case{"turboquant_rvq", Role::K, sinks}, Case{"kivi", Role::K, {}}, Case{"q4_0", Role::V, {}}}) {
    SCOPED_TRACE(c.method);
    LearnOptions o = options(c.method, 3, c.role);
    o.protection = c.protection;
    const auto points = rateDistortion(layer1(), o);
    ASSERT_FALSE(points.empty());
    std::vector<quant::MethodConfig> configs;
    for (const auto& p : points) {
      quant::MethodConfig cfg = o.method;
      if (p.bits > 0) cfg.bits = p.bits;
      configs.push_back(cfg);
    }
    EvalOptions eo;
    eo.layers = {1};
    eo.useQueries = false;
    eo.protection = c.protection;
    std::vector<std::pair<double, double>> evaluated(configs.size());  // relMse, bpv of head 2
    evaluateSweep(sample(), configs, eo, *backend, {}, [&](size_t i, const LayerEval& l) {
      const HeadEval& h = l.heads.at(2);
      const double bytes = c.role == Role::K ? h.bytesK : h.bytesV;
      const double bpv = bytes * 8.0 / double(h.values);
      evaluated[i] = {(c.role == Role::K ? h.reconK : h.reconV).finish(bpv).relMse, bpv};
    });
    for (size_t i = 0; i < points.size(); ++i) {
      EXPECT_DOUBLE_EQ(points[i].relMse, evaluated[i].first) << "bits " << points[i].bits;
      EXPECT_DOUBLE_EQ(points[i].bitsPerValue, evaluated[i].second) << "bits " << points[i].bits;
      EXPECT_EQ(points[i].current, points[i].bits == 3 || points[i].bits == 0);
    }
  }
  // The bits visited: the method's widths up to 4, one point for fixed formats.
  EXPECT_EQ(curveBits("turboquant_mse"), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(curveBits("turboquant_prod"), (std::vector<int>{2, 3, 4}));
  EXPECT_EQ(curveBits("fp16"), (std::vector<int>{0}));
}

TEST(Learn, ReferenceCurveIsShannonAndLloydMax) {
  const auto ref = referenceCurve(128, 4);
  ASSERT_EQ(ref.size(), 4u);
  const double table[] = {0.36338, 0.11748, 0.034548, 0.009501};  // DESIGN.md §4, N(0,1)
  for (int b = 1; b <= 4; ++b) {
    EXPECT_DOUBLE_EQ(ref[size_t(b - 1)].shannon, std::pow(4.0, -b));
    EXPECT_NEAR(ref[size_t(b - 1)].lloydMax, table[b - 1], 2e-4 * table[b - 1] + 1e-5);
    EXPECT_GT(ref[size_t(b - 1)].lloydMax, ref[size_t(b - 1)].shannon);
  }
}

TEST(Learn, ReconstructionErrorAndMetricsAreConsistent) {
  const Walkthrough w = walkthrough(layer1(), options("turboquant_mse", 2));
  double err2 = 0, dot = 0, n2 = 0, h2 = 0;
  for (int i = 0; i < w.headDim; ++i) {
    EXPECT_FLOAT_EQ(w.error[size_t(i)], w.reconstruction[size_t(i)] - w.original[size_t(i)]);
    err2 += double(w.error[size_t(i)]) * w.error[size_t(i)];
    dot += double(w.original[size_t(i)]) * w.reconstruction[size_t(i)];
    n2 += double(w.original[size_t(i)]) * w.original[size_t(i)];
    h2 += double(w.reconstruction[size_t(i)]) * w.reconstruction[size_t(i)];
  }
  EXPECT_NEAR(w.metrics.relError, err2 / n2, 1e-6 * err2 / n2);  // error[] is rounded to float
  EXPECT_NEAR(w.metrics.cosine, dot / std::sqrt(n2 * h2), 1e-12);
  EXPECT_DOUBLE_EQ(w.metrics.bytesPerVector, std::ceil(16 * 2 / 8.0) + 2);  // ceil(d·b/8) + 2
  const Walkthrough w16 = walkthrough(layer1(), options("fp16", 0));
  EXPECT_FALSE(w16.rotates);
  EXPECT_FALSE(w16.codebook);
  EXPECT_GT(w16.metrics.cosine, 0.999999);
  EXPECT_DOUBLE_EQ(w16.metrics.bytesPerVector, 32.0);
  EXPECT_THROW(walkthrough(layer1(), options("turboquant_mse", 2, Role::K, 97)), Error);
}

TEST(Learn, ValueErrorsLeaveTheScoresAloneKeyErrorsMoveTheWeights) {
  const Walkthrough v = walkthrough(layer1(), options("turboquant_mse", 2, Role::V));
  ASSERT_TRUE(v.attention.available);
  EXPECT_EQ(v.attention.queryHeads, 2);
  EXPECT_EQ(v.attention.logits, v.attention.logitsHat);
  EXPECT_EQ(v.attention.probs, v.attention.probsHat);
  EXPECT_GT(v.attention.outputError, 0.0);
  const Walkthrough k = walkthrough(layer1(), options("turboquant_mse", 2, Role::K));
  EXPECT_EQ(k.attention.probs.size(), 41u);  // keys 0..t
  EXPECT_NEAR(std::accumulate(k.attention.probsHat.begin(), k.attention.probsHat.end(), 0.0), 1.0, 1e-12);
  EXPECT_GT(k.attention.logitErrorRel, 0.0);
  EXPECT_GT(k.attention.klMean, 0.0);
  // Fewer key bits, larger attention output error (summed over the later tokens of the head).
  double err2 = 0, err4 = 0;
  for (int64_t t = 8; t < 97; t += 4) {
    err2 += walkthrough(layer1(), options("turboquant_mse", 2, Role::K, t)).attention.outputError;
    err4 += walkthrough(layer1(), options("turboquant_mse", 4, Role::K, t)).attention.outputError;
  }
  EXPECT_GT(err2, 2.0 * err4);
}

TEST(Learn, EffectsCompareEachOptionOffAndOn) {
  LearnOptions o = options("turboquant_mse", 2);
  const Walkthrough w = walkthrough(layer1(), o);
  ASSERT_EQ(w.effects.size(), 3u);  // norm correction, sink tokens, outlier channels
  EXPECT_EQ(w.effects[0].option, Effect::Option::NormCorrection);
  EXPECT_FALSE(w.effects[0].current);
  EXPECT_DOUBLE_EQ(w.effects[0].off.relError, w.metrics.relError);
  o.method.normCorrection = true;
  const Walkthrough nc = walkthrough(layer1(), o);
  EXPECT_DOUBLE_EQ(w.effects[0].on.relError, nc.metrics.relError);
  EXPECT_NEAR(norm(nc.reconstruction), nc.norm, 2e-3 * nc.norm);  // the corrected norm is kept
  // Sinks: token 0 is kept in fp16 and the bytes grow.
  LearnOptions s = options("turboquant_mse", 2, Role::K, 0);
  s.protection.sinkTokens = 4;
  const Walkthrough sw = walkthrough(layer1(), s);
  EXPECT_TRUE(sw.tokenKeptFp16);
  EXPECT_GT(sw.metrics.cosine, 0.99999);
  const Effect& sink = sw.effects[1];
  EXPECT_EQ(sink.option, Effect::Option::SinkTokens);
  EXPECT_TRUE(sink.current);
  EXPECT_GT(sink.on.bytesPerVector, sink.off.bytesPerVector);
  // prod: the QJL residual toggle; off = turboquant_mse at b−1 bits, fewer bytes.
  const Walkthrough p = walkthrough(layer1(), options("turboquant_prod", 3));
  ASSERT_EQ(p.effects[0].option, Effect::Option::QjlResidual);
  EXPECT_LT(p.effects[0].off.bytesPerVector, p.effects[0].on.bytesPerVector);
  LearnOptions noQjl = options("turboquant_prod", 3);
  noQjl.qjlResidual = false;
  EXPECT_EQ(effectiveConfig(noQjl, 1).method, "turboquant_mse");
  EXPECT_EQ(effectiveConfig(noQjl, 1).bits, 2);
  // rvq: the second stage lowers the error at twice the index bits.
  const Walkthrough r = walkthrough(layer1(), options("turboquant_rvq", 2));
  ASSERT_EQ(r.effects[0].option, Effect::Option::SecondStage);
  EXPECT_LT(r.effects[0].on.headRelMse, r.effects[0].off.headRelMse);
}

}  // namespace
}  // namespace vq::learn
