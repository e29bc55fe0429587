#include "core/metrics/attention.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/common/error.h"
#include "core/common/thread_pool.h"

namespace vq::metrics {

namespace {

// Rows (query head × position pairs) per block. Blocks of neighbouring positions only multiply
// against the keys they can attend to (0..last position of the block): the causal mask saves
// about half of the work when the positions are spread over the sequence.
constexpr int64_t kChunkRows = 64;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using ConstMap = Eigen::Map<const MatrixRMf>;
using ArrayMapF = Eigen::Map<Eigen::ArrayXf>;
using ConstArrayMapF = Eigen::Map<const Eigen::ArrayXf>;

[[noreturn]] void badInput(const std::string& what) {
  throw Error(ErrorCode::InvalidArgument, "attention metrics: " + what);
}

void checkSize(std::span<const float> s, int64_t expected, const char* name) {
  if (int64_t(s.size()) != expected) {
    badInput(std::string(name) + " has " + std::to_string(s.size()) + " values, expected " +
             std::to_string(expected));
  }
}

// The one place logits are computed, so the reference and a reconstruction equal to the original
// give bit-identical results.
// out: [rows x width] with rows, width taken from out.
void blockLogits(const MatrixRMf& q, int64_t row0, const MatrixRMf& keys,
                 Eigen::Ref<MatrixRMf> out) {
  out.noalias() = q.middleRows(row0, out.rows()) * keys.topRows(out.cols()).transpose();
}

// Writes p = softmax(l[0..n)) into p (may alias l), subtracting the max logit first.
void softmaxInto(const float* l, int64_t n, float* p) {
  const float m = ConstArrayMapF(l, n).maxCoeff();
  ArrayMapF out(p, n);
  out = (ConstArrayMapF(l, n) - m).exp();
  const double sum = out.cast<double>().sum();
  out *= float(1.0 / sum);
}

// Indices of the k largest logits (k <= 8), ties to the lower index. Returns how many were found.
int topK(const float* l, int64_t n, int k, std::array<int32_t, 8>& idx) {
  std::array<float, 8> val{};
  int count = 0;
  for (int64_t j = 0; j < n; ++j) {
    const float x = l[j];
    if (count == k && !(x > val[size_t(k - 1)])) continue;
    int p = count < k ? count : k - 1;
    while (p > 0 && x > val[size_t(p - 1)]) {
      val[size_t(p)] = val[size_t(p - 1)];
      idx[size_t(p)] = idx[size_t(p - 1)];
      --p;
    }
    val[size_t(p)] = x;
    idx[size_t(p)] = int32_t(j);
    if (count < k) ++count;
  }
  return count;
}

void addOutput(OutputErrorSums& s, double err2, double ref2) {
  s.err2 += err2;
  s.ref2 += ref2;
  if (ref2 > 0) {
    s.ratioSum += err2 / ref2;
    ++s.ratioCount;
  }
}

}  // namespace

void OutputErrorSums::merge(const OutputErrorSums& o) {
  err2 += o.err2;
  ref2 += o.ref2;
  ratioSum += o.ratioSum;
  ratioCount += o.ratioCount;
}

OutputError OutputErrorSums::finish() const {
  OutputError e;
  e.aggregate = ref2 > 0 ? err2 / ref2 : kNaN;
  e.meanRatio = ratioCount > 0 ? ratioSum / double(ratioCount) : kNaN;
  return e;
}

void AttentionSums::merge(const AttentionSums& o) {
  if (o.queries == 0) return;
  if (queries == 0) {
    *this = o;
    return;
  }
  queries += o.queries;
  hasKeys = hasKeys && o.hasKeys;
  hasValues = hasValues && o.hasValues;
  logitErr2 += o.logitErr2;
  logitDev2 += o.logitDev2;
  logitRatioSum += o.logitRatioSum;
  logitRatioCount += o.logitRatioCount;
  logitCross += o.logitCross;
  logitSq += o.logitSq;
  klSum += o.klSum;
  klMax = std::max(klMax, o.klMax);
  topkSum += o.topkSum;
  kOnly.merge(o.kOnly);
  vOnly.merge(o.vOnly);
  both.merge(o.both);
}

AttentionMetrics AttentionSums::finish() const {
  AttentionMetrics m;
  m.queries = queries;
  if (queries == 0) return m;
  if (hasKeys) {
    KeyAttentionMetrics k;
    k.logitErrorRel = logitDev2 > 0 ? std::sqrt(logitErr2 / logitDev2) : kNaN;
    k.logitErrorRelMean = logitRatioCount > 0 ? logitRatioSum / double(logitRatioCount) : kNaN;
    k.shrink = logitSq > 0 ? logitCross / logitSq : kNaN;
    k.klMean = klSum / double(queries);
    k.klMax = klMax;
    k.topkOverlap = topkSum / double(queries);
    m.keys = k;
    m.kOnly = kOnly.finish();
  }
  if (hasValues) m.vOnly = vOnly.finish();
  if (hasKeys && hasValues) m.both = both.finish();
  return m;
}

AttentionReference::AttentionReference(const AttentionHeadInput& in, ThreadPool* pool)
    : m_dim(in.headDim), m_group(in.groupSize), m_tokens(in.tokens),
      m_positions(in.positions.begin(), in.positions.end()) {
  if (m_dim <= 0 || m_tokens <= 0 || m_group <= 0) {
    badInput("head_dim, tokens and group size must be positive");
  }
  const int64_t d = m_dim, T = m_tokens;
  checkSize(in.q, m_group * T * d, "q");
  checkSize(in.k, T * d, "k");
  checkSize(in.v, T * d, "v");
  for (size_t i = 0; i < m_positions.size(); ++i) {
    const int64_t p = m_positions[i];
    if (p < 0 || p >= T || (i > 0 && p <= m_positions[i - 1])) {
      badInput("query positions must be sorted, unique and below " + std::to_string(T));
    }
  }
  const int64_t G = m_group;
  const int64_t R = int64_t(m_positions.size()) * G;
  const float scale = float(1.0 / std::sqrt(double(d)));
  m_q.resize(R, d);
  for (int64_t i = 0; i < int64_t(m_positions.size()); ++i) {
    for (int64_t g = 0; g < G; ++g) {
      const float* src = in.q.data() + (g * T + m_positions[size_t(i)]) * d;
      m_q.row(i * G + g) = Eigen::Map<const Eigen::RowVectorXf>(src, d) * scale;
    }
  }
  m_v = ConstMap(in.v.data(), T, d);
  m_out.resize(R, d);
  m_rows.resize(size_t(R));
  m_chunks.resize(size_t((R + kChunkRows - 1) / kChunkRows));
  for (size_t c = 0; c < m_chunks.size(); ++c) {
    const int64_t row0 = int64_t(c) * kChunkRows;
    const int64_t rows = std::min(kChunkRows, R - row0);
    m_chunks[c].row0 = row0;
    m_chunks[c].width = m_positions[size_t((row0 + rows - 1) / G)] + 1;
  }
  // Keys and reconstructions are copied into Eigen's aligned storage so every product and
  // reduction sees the same alignment: results are bit-identical whatever the callers' buffers
  // (with AVX, Eigen's reductions depend on the start address).
  const MatrixRMf keys = ConstMap(in.k.data(), T, d);
  auto build = [&](int64_t c) { buildChunk(m_chunks[size_t(c)], keys); };
  const int64_t n = int64_t(m_chunks.size());
  if (pool != nullptr) {
    pool->parallelFor(0, n, build);
  } else {
    for (int64_t c = 0; c < n; ++c) build(c);
  }
}

void AttentionReference::buildChunk(Chunk& c, const MatrixRMf& keys) {
  const int64_t R = rows();
  const int64_t rows = std::min(kChunkRows, R - c.row0);
  c.logits.resize(rows, c.width);
  blockLogits(m_q, c.row0, keys, c.logits);
  c.probs.resize(rows, c.width);
  for (int64_t r = 0; r < rows; ++r) {
    Row& row = m_rows[size_t(c.row0 + r)];
    row.pos = m_positions[size_t((c.row0 + r) / m_group)];
    const int64_t n = row.pos + 1;
    const float* l = c.logits.row(r).data();
    float* p = c.probs.row(r).data();
    softmaxInto(l, n, p);
    std::fill(p + n, p + c.width, 0.0f);
    const auto ld = ConstArrayMapF(l, n).cast<double>();
    const double mean = ld.sum() / double(n);
    row.spread2 = (ld - mean).square().sum();
    row.sq = ld.square().sum();
    row.topk = topK(l, n, int(std::min<int64_t>(8, n)), row.top);
  }
  m_out.middleRows(c.row0, rows).noalias() = c.probs * m_v.topRows(c.width);
  for (int64_t r = 0; r < rows; ++r) {
    m_rows[size_t(c.row0 + r)].out2 = m_out.row(c.row0 + r).cast<double>().squaredNorm();
  }
}

size_t AttentionReference::memoryBytes() const {
  size_t bytes = sizeof(float) * size_t(m_q.size() + m_v.size() + m_out.size());
  for (const Chunk& c : m_chunks) bytes += sizeof(float) * size_t(c.logits.size() + c.probs.size());
  return bytes + m_rows.size() * sizeof(Row);
}

AttentionSums AttentionReference::evaluate(std::span<const float> kHat, std::span<const float> vHat,
                                           ThreadPool* pool) const {
  const int64_t d = m_dim, T = m_tokens;
  const bool hasK = !kHat.empty(), hasV = !vHat.empty();
  if (hasK) checkSize(kHat, T * d, "reconstructed k");
  if (hasV) checkSize(vHat, T * d, "reconstructed v");

  AttentionSums total;
  total.hasKeys = hasK;
  total.hasValues = hasV;
  if (rows() == 0) return total;

  MatrixRMf dV;
  if (hasV) dV = ConstMap(vHat.data(), T, d) - m_v;
  MatrixRMf keysHat;
  if (hasK) keysHat = ConstMap(kHat.data(), T, d);
  // One sums object per chunk, merged in chunk order: the result does not depend on threading.
  std::vector<AttentionSums> parts(m_chunks.size());
  auto run = [&](int64_t c) {
    AttentionSums& s = parts[size_t(c)];
    s.hasKeys = hasK;
    s.hasValues = hasV;
    evaluateChunk(m_chunks[size_t(c)], hasK ? &keysHat : nullptr, hasV ? &dV : nullptr, s);
  };
  const int64_t n = int64_t(m_chunks.size());
  if (pool != nullptr) {
    pool->parallelFor(0, n, run);
  } else {
    for (int64_t c = 0; c < n; ++c) run(c);
  }
  for (const AttentionSums& s : parts) total.merge(s);
  return total;
}

void AttentionReference::evaluateChunk(const Chunk& c, const MatrixRMf* keysHat,
                                       const MatrixRMf* dV, AttentionSums& s) const {
  const int64_t rows = c.logits.rows();
  const int64_t d = m_dim;
  // Per-thread scratch, reused across chunks and calls (no large allocation per chunk); each
  // thread keeps up to 64·tokens floats of it between calls.
  thread_local MatrixRMf dP, ek, ev, ekv;
  thread_local Eigen::ArrayXd delta;
  dP.resize(rows, c.width);
  s.queries = rows;

  if (keysHat != nullptr) {
    blockLogits(m_q, c.row0, *keysHat, dP);  // ℓ̂, turned into p̂ − p below
    for (int64_t r = 0; r < rows; ++r) {
      const Row& ref = m_rows[size_t(c.row0 + r)];
      const int64_t n = ref.pos + 1;
      const float* l = c.logits.row(r).data();
      const float* p = c.probs.row(r).data();
      float* lh = dP.row(r).data();
      const auto ld = ConstArrayMapF(l, n).cast<double>();
      const auto pd = ConstArrayMapF(p, n).cast<double>();
      delta = ConstArrayMapF(lh, n).cast<double>() - ld;  // exact: a difference of two floats

      s.logitCross += (ld * ConstArrayMapF(lh, n).cast<double>()).sum();
      s.logitSq += ref.sq;
      if (ref.spread2 > 0) {
        const double err2 = delta.square().sum();
        s.logitErr2 += err2;
        s.logitDev2 += ref.spread2;
        s.logitRatioSum += std::sqrt(err2 / ref.spread2);
        ++s.logitRatioCount;
      }
      // KL(p‖p̂) with p̂ ∝ p·e^Δ: with μ = Σ p Δ and x = Δ − μ, KL = log(1 + Σ p (e^x − 1 − x)).
      // Every term is ≥ 0 and small errors keep full precision (no difference of two lse).
      const double mu = (pd * delta).sum();
      delta -= mu;
      const double kl = std::log1p((pd * (delta.exp() - 1.0 - delta)).sum());
      const double klc = kl > 0 ? kl : 0.0;
      s.klSum += klc;
      s.klMax = std::max(s.klMax, klc);

      std::array<int32_t, 8> top{};
      const int kk = topK(lh, n, ref.topk, top);
      int common = 0;
      for (int a = 0; a < kk; ++a) {
        for (int b = 0; b < ref.topk; ++b) common += top[size_t(a)] == ref.top[size_t(b)];
      }
      s.topkSum += double(common) / double(ref.topk);

      softmaxInto(lh, n, lh);
      ArrayMapF(lh, n) -= ConstArrayMapF(p, n);
      std::fill(lh + n, lh + c.width, 0.0f);
    }
    ek.resize(rows, d);
    ek.noalias() = dP * m_v.topRows(c.width);  // ô − o with K̂ only: (p̂ − p)·V
  }
  if (dV != nullptr) {
    ev.resize(rows, d);
    ev.noalias() = c.probs * dV->topRows(c.width);  // p·(V̂ − V)
  }
  if (keysHat != nullptr && dV != nullptr) {
    ekv.resize(rows, d);
    ekv.noalias() = dP * dV->topRows(c.width);  // p̂V̂ − pV = (p̂−p)V + p(V̂−V) + (p̂−p)(V̂−V)
    ekv += ek + ev;
  }
  for (int64_t r = 0; r < rows; ++r) {
    const double ref2 = m_rows[size_t(c.row0 + r)].out2;
    if (keysHat != nullptr) addOutput(s.kOnly, ek.row(r).cast<double>().squaredNorm(), ref2);
    if (dV != nullptr) addOutput(s.vOnly, ev.row(r).cast<double>().squaredNorm(), ref2);
    if (keysHat != nullptr && dV != nullptr) {
      addOutput(s.both, ekv.row(r).cast<double>().squaredNorm(), ref2);
    }
  }
}

AttentionSums evaluateAttentionHead(const AttentionHeadInput& in, std::span<const float> kHat,
                                    std::span<const float> vHat, ThreadPool* pool) {
  return AttentionReference(in, pool).evaluate(kHat, vHat, pool);
}

}  // namespace vq::metrics
