// Unbiasedness of the inner-product estimators (turboquant_prod, qjl) over many independent
// rotations and sketches (a new seed per trial), not over one repeated encode.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "core/common/error.h"
#include "core/quant/qjl.h"
#include "core/quant/turboquant_mse.h"
#include "core/quant/turboquant_prod.h"
#include "quant_test_util.h"

namespace vq::quant {
namespace {

using testing::dot;
using testing::gaussianRows;

struct ErrorStats {
  double mean = 0.0, stderror = 0.0, rms = 0.0;
};

ErrorStats stats(const std::vector<double>& errors) {
  ErrorStats s;
  for (double e : errors) s.mean += e;
  s.mean /= double(errors.size());
  double var = 0.0, sq = 0.0;
  for (double e : errors) {
    var += (e - s.mean) * (e - s.mean);
    sq += e * e;
  }
  var /= double(errors.size() - 1);
  s.stderror = std::sqrt(var / double(errors.size()));
  s.rms = std::sqrt(sq / double(errors.size()));
  return s;
}

MethodConfig config(const char* name, int bits, uint64_t seed, int sketchDim = 0) {
  MethodConfig cfg;
  cfg.method = name;
  cfg.bits = bits;
  cfg.seed = seed;
  cfg.sketchDim = sketchDim;
  return cfg;
}

// A fixed key x and a query correlated with it (so that a shrinking estimator has a visible bias).
void keyAndQuery(int d, std::vector<float>& x, std::vector<float>& q) {
  x = gaussianRows(1, d, 777, 1.5);
  q = gaussianRows(1, d, 778, 0.5);
  for (int i = 0; i < d; ++i) q[size_t(i)] += x[size_t(i)];
}

TEST(TurboQuantProd, InnerProductsAreUnbiasedOverRotationsAndSketches) {
  const int trials = 1500;
  for (int d : {128, 48}) {
    for (int bits : {2, 3}) {
      SCOPED_TRACE("d " + std::to_string(d) + " bits " + std::to_string(bits));
      std::vector<float> x, q;
      keyAndQuery(d, x, q);
      const double truth = dot(x.data(), q.data(), d);
      std::vector<double> prodErrors, mseErrors;
      for (int t = 0; t < trials; ++t) {
        const TurboQuantProd prod(config("turboquant_prod", bits, uint64_t(1000 + 7 * t)), d);
        std::vector<std::byte> code(prod.storageBytes(1));
        prod.encode(x, 1, code);
        prodErrors.push_back(double(prod.estimateDot(code, q)) - truth);
        // The same trial's turboquant_mse at b bits is biased (inner products shrink by 1 - D):
        // this shows the test can see a bias of that size.
        const TurboQuantMse mse(config("turboquant_mse", bits, uint64_t(1000 + 7 * t)), d);
        std::vector<float> xhat(static_cast<size_t>(d));
        mse.roundTrip(x, 1, xhat);
        mseErrors.push_back(dot(xhat.data(), q.data(), d) - truth);
      }
      const ErrorStats p = stats(prodErrors), m = stats(mseErrors);
      EXPECT_LT(std::abs(p.mean), 4.0 * p.stderror) << "mean " << p.mean << " stderr " << p.stderror;
      EXPECT_GT(std::abs(m.mean), 4.0 * m.stderror) << "mse mean " << m.mean << " stderr " << m.stderror;
      EXPECT_LT(m.mean, 0.0);
      RecordProperty("prod_d" + std::to_string(d) + "_b" + std::to_string(bits) + "_mean_over_stderr",
                     std::to_string(p.mean / p.stderror));
      RecordProperty("mse_d" + std::to_string(d) + "_b" + std::to_string(bits) + "_mean_over_stderr",
                     std::to_string(m.mean / m.stderror));
    }
  }
}

TEST(TurboQuantProd, EstimateDotsMatchesSingleCallsAndDecodeIsUnbiasedToo) {
  const int d = 64;
  const TurboQuantProd prod(config("turboquant_prod", 3, 5), d);
  const auto x = gaussianRows(20, d, 1);
  const auto q = gaussianRows(1, d, 2);
  std::vector<std::byte> codes(prod.storageBytes(20));
  prod.encode(x, 20, codes);
  std::vector<float> batch(20), decoded(x.size());
  prod.estimateDots(codes, 20, q, batch);
  prod.decode(codes, 20, decoded);
  for (int r = 0; r < 20; ++r) {
    const auto code = std::span<const std::byte>(codes).subspan(size_t(r) * prod.bytesPerVector(), prod.bytesPerVector());
    EXPECT_EQ(batch[size_t(r)], prod.estimateDot(code, q));
    // ⟨q, decode(x)⟩ is the same estimate computed through the vector reconstruction.
    EXPECT_NEAR(dot(&decoded[size_t(r) * d], q.data(), d), batch[size_t(r)], 1e-3 * (1.0 + std::abs(batch[size_t(r)])));
  }
}

TEST(TurboQuantProd, StorageAndParameters) {
  const TurboQuantProd prod(config("turboquant_prod", 4, 1), 128);
  EXPECT_EQ(prod.storageBytes(3), 3u * ((128 * 3 + 7) / 8 + 2 + 128 / 8 + 2));
  const TurboQuantProd wide(config("turboquant_prod", 2, 1, 100), 128);
  EXPECT_EQ(wide.storageBytes(1), 128u / 8 + 2 + (100 + 7) / 8 + 2);
  for (int bits : {1, 0, 9}) {
    SCOPED_TRACE(bits);
    try {
      TurboQuantProd p(config("turboquant_prod", bits, 1), 128);
      FAIL() << "bits " << bits << " accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_NE(e.detail().find("got " + std::to_string(bits)), std::string::npos);
    }
  }
  EXPECT_THROW(TurboQuantProd(config("turboquant_prod", 3, 1, -4), 128), Error);
}

TEST(Qjl, InnerProductsAreUnbiasedOverSketches) {
  const int trials = 1500;
  for (int d : {128, 40}) {
    for (int m : {0, 256}) {
      SCOPED_TRACE("d " + std::to_string(d) + " m " + std::to_string(m));
      std::vector<float> x, q;
      keyAndQuery(d, x, q);
      const double truth = dot(x.data(), q.data(), d);
      std::vector<double> errors, decodeErrors;
      for (int t = 0; t < trials; ++t) {
        const Qjl qjl(config("qjl", 1, uint64_t(50000 + t), m), d);
        std::vector<std::byte> code(qjl.storageBytes(1));
        qjl.encode(x, 1, code);
        errors.push_back(double(qjl.estimateDot(code, q)) - truth);
        std::vector<float> xhat(static_cast<size_t>(d));
        qjl.decode(code, 1, xhat);
        decodeErrors.push_back(dot(xhat.data(), q.data(), d) - truth);
      }
      const ErrorStats s = stats(errors), sd = stats(decodeErrors);
      EXPECT_LT(std::abs(s.mean), 4.0 * s.stderror) << "mean " << s.mean << " stderr " << s.stderror;
      EXPECT_LT(std::abs(sd.mean), 4.0 * sd.stderror);
      // Variance of the estimator: (π/2 · ‖x‖²‖q‖² − ⟨x,q⟩² ...)/m — check the order of magnitude:
      // rms error ≈ ‖x‖‖q‖·sqrt((π/2 − 1)/m) up to the ⟨x,q⟩ term (within a factor 1.5).
      const int rows = m > 0 ? m : d;
      const double nx = std::sqrt(dot(x.data(), x.data(), d)), nq = std::sqrt(dot(q.data(), q.data(), d));
      const double cosine = truth / (nx * nq);
      const double theory = nx * nq * std::sqrt((std::numbers::pi / 2.0 - cosine * cosine) / rows);
      EXPECT_NEAR(s.rms, theory, 0.2 * theory);
    }
  }
}

TEST(Qjl, StorageIgnoresBits) {
  for (int bits : {1, 4, 0}) {
    const Qjl qjl(config("qjl", bits, 1), 128);
    EXPECT_EQ(qjl.storageBytes(2), 2u * (16 + 2));
  }
  EXPECT_EQ(Qjl(config("qjl", 1, 1, 20), 128).storageBytes(1), 3u + 2u);
}

}  // namespace
}  // namespace vq::quant
