// The Learn view's computation on the worker (core/learn): one request = a layer, a KV head, K or
// V, a token, a method with its options; the result is the step-by-step walkthrough of that vector
// and the method's rate–distortion curve on that head. Layers are loaded once and kept (the last
// one) so moving the token or the method only re-quantizes one head.
#pragma once

#include <QFuture>
#include <memory>
#include <mutex>
#include <vector>

#include "core/compute/layer_data.h"
#include "core/io/dump.h"
#include "core/learn/rate_distortion.h"
#include "core/learn/walkthrough.h"

namespace vq::ui {

class JobRunner;

struct LearnRequest {
  int layer = 0;
  learn::LearnOptions options;
};

struct LearnResult {
  LearnRequest request;
  learn::Walkthrough walkthrough;
  std::vector<learn::RdPoint> curve;
  std::vector<learn::ReferencePoint> reference;
};

// The last loaded layer of a dump, shared between jobs (thread-safe).
class LayerCache {
 public:
  std::shared_ptr<const LayerData> get(const std::shared_ptr<const Dump>& dump, int layer);
  void clear();

 private:
  std::mutex m_mutex;
  const Dump* m_dump = nullptr;
  std::shared_ptr<const LayerData> m_layer;
};

QFuture<LearnResult> startLearn(JobRunner& runner, std::shared_ptr<const Dump> dump,
                                std::shared_ptr<LayerCache> cache, const LearnRequest& request);

}  // namespace vq::ui
