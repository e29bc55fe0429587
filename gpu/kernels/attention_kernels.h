// The attention metrics of one layer on the GPU: sampled query rows (scaled by 1/√d, uploaded
// once), a reference pass over the original K and V (once per layer, kept on the device), and two
// evaluation passes (keys, then outputs) per pair of reconstructions, in one submit, that yield
// metrics::AttentionSums per KV head with
// the definitions of core/metrics/attention.h. Per-row values come back in fp32 and are summed on
// the host in double, in row order.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/compute/layer_data.h"
#include "core/metrics/attention.h"

namespace vq::gpu {

class Buffer;
class CommandBatch;
class Context;

// How the attention kernels split the work (attention_common.glsl): a block of rowsPerGroup rows
// walks over its keys keysPerTile at a time; each invocation computes the logits of
// rowsPerInvocation rows × keysPerInvocation keys of a tile (register tiles), keys staged
// dimsPerChunk dims at a time; the outputs phase stages values keysPerValueChunk keys at a time
// and gives each invocation outputRows rows × 4 dims. A workgroup takes two blocks (a short and
// a long one). Powers of two, except dimsPerChunk (a multiple of 4 dividing the padded d).
struct AttentionTiling {
  uint32_t rowsPerGroup = 16;       // RB: rows per block
  uint32_t keysPerTile = 16;        // KT
  uint32_t rowsPerInvocation = 2;   // TR
  uint32_t keysPerInvocation = 1;   // TK
  uint32_t dimsPerChunk = 32;       // DC
  uint32_t keysPerValueChunk = 16;  // KC
  uint32_t outputRows = 4;          // OR: 2 or 4

  uint32_t invocations() const { return rowsPerGroup / rowsPerInvocation * (keysPerTile / keysPerInvocation); }
};

// The tiling whose shared memory and workgroup size fit the device for head_dim `dim`; nullopt
// when none does (attention then runs on the CPU). CPU-type devices get 16-key tiles (see
// kCpuDeviceMaxKeyTiles); others the fastest register tiles that fit. For tuning,
// VQ_ATTENTION_TILING="RB,KT,TR,TK,DC,KC,OR" (AttentionTiling's fields in order) takes
// precedence where it fits.
std::optional<AttentionTiling> chooseAttentionTiling(const Context& context, int dim);

// Whether `tiling` is well formed for head_dim `dim` and fits the device (what
// chooseAttentionTiling checks of each candidate).
bool attentionTilingFits(const Context& context, int dim, const AttentionTiling& tiling);

// llvmpipe (lavapipe, Mesa 22.3 / LLVM 15) loses invocations of workgroups whose loops with
// barriers run about 200 iterations or more: rows of long layers come back unwritten (seen with
// 16 and 8 keys per tile alike, from ~3584 and ~2048 tokens). On CPU-type devices the attention
// of a layer needing more key tiles than this runs on the CPU (faster there anyway).
constexpr int64_t kCpuDeviceMaxKeyTiles = 128;

class LayerAttention {
 public:
  // Records the upload of the query rows into `batch` (recording; a barrier must follow before
  // record()). Throws Error(Unsupported) when the query rows do not fit one device buffer.
  LayerAttention(std::shared_ptr<Context> context, const LayerData& data, const std::vector<int64_t>& positions,
                 AttentionTiling tiling, CommandBatch& batch);
  ~LayerAttention();

  // Records one evaluation into `batch` (recording, after a barrier that makes its inputs
  // visible): the first time also the reference pass over the originals. k, v: the layer's
  // resident originals; kHat / vHat: reconstructions, null when that role is not quantized.
  void record(CommandBatch& batch, const Buffer& k, const Buffer& v, const Buffer* kHat, const Buffer* vHat);
  // After the batch ran: the sums of every KV head (index = KV head) of the recorded evaluation.
  std::vector<metrics::AttentionSums> collect();
  // The batch did not run (failed submit): the next record() starts again from the reference.
  void discard() { m_refRecorded = !m_ref.empty(); }
  // record() + submit + collect() in a batch of its own (benchmarks).
  std::vector<metrics::AttentionSums> evaluate(CommandBatch& batch, const Buffer& k, const Buffer& v,
                                               const Buffer* kHat, const Buffer* vHat);

 private:
  void recordReference(CommandBatch& batch, const Buffer& k, const Buffer& v);

  std::shared_ptr<Context> m_context;
  AttentionTiling m_tiling;
  int m_kvHeads = 0, m_group = 1, m_dim = 0;
  int64_t m_tokens = 0;
  uint32_t m_rows = 0;  // per KV head
  std::unique_ptr<Buffer> m_qrows, m_positions, m_refStats, m_refReadback, m_keyStats, m_rowSums;
  std::vector<float> m_ref;  // 16 floats per row (attention_reference.comp), once read back
  bool m_refRecorded = false;
  bool m_hasK = false, m_hasV = false;  // of the recorded evaluation
};

}  // namespace vq::gpu
