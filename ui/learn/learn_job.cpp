#include "ui/learn/learn_job.h"

#include <QCoreApplication>
#include <string>

#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "ui/jobs/job_runner.h"

namespace vq::ui {

std::shared_ptr<const LayerData> LayerCache::get(const std::shared_ptr<const Dump>& dump, int layer) {
  std::lock_guard lock(m_mutex);
  if (m_layer && m_dump == dump.get() && m_layer->layer == layer) return m_layer;
  if (layer < 0 || layer >= dump->numLayers())
    throw Error(ErrorCode::InvalidArgument, "layer " + std::to_string(layer) + " does not exist (the dump has " +
                                                std::to_string(dump->numLayers()) + " layers)");
  m_layer = std::make_shared<const LayerData>(loadLayer(*dump, layer, dump->has(layer, Role::Q), &defaultThreadPool()));
  m_dump = dump.get();
  return m_layer;
}

void LayerCache::clear() {
  std::lock_guard lock(m_mutex);
  m_layer.reset();
  m_dump = nullptr;
}

QFuture<LearnResult> startLearn(JobRunner& runner, std::shared_ptr<const Dump> dump, std::shared_ptr<LayerCache> cache,
                                const LearnRequest& request) {
  return runner.start<LearnResult>(
      QCoreApplication::translate("vq::ui::LearnView", "Learn: quantizing one head"),
      [dump = std::move(dump), cache = std::move(cache), request](QPromise<LearnResult>& promise, const Progress& progress) {
        const auto layer = cache->get(dump, request.layer);
        progress.checkCancelled();
        LearnResult r;
        r.request = request;
        r.walkthrough = learn::walkthrough(*layer, request.options);
        progress.checkCancelled();
        r.curve = learn::rateDistortion(*layer, request.options, progress);
        r.reference = learn::referenceCurve(layer->headDim, learn::kMaxLearnBits);
        promise.addResult(std::move(r));
      });
}

}  // namespace vq::ui
