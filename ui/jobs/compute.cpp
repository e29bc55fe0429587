#include "ui/jobs/compute.h"

#include <QCoreApplication>
#include <mutex>

#include "core/common/error.h"
#include "core/common/thread_pool.h"
#include "gpu/backend_factory.h"
#include "ui/jobs/worker_priority.h"
#include "ui/settings/settings.h"

namespace vq::ui {

namespace {

std::mutex g_statusMutex;
QString g_status;

// Text::tr looks texts up under this context, and lupdate files them under it too (it cannot
// see the context of a plain helper function calling QCoreApplication::translate).
struct Text {
  Q_DECLARE_TR_FUNCTIONS(vq::ui::Compute)
};

QString statusLine(const ComputeBackend& backend, const std::string& fallbackReason) {
  const QString name = QString::fromStdString(backend.name());
  if (fallbackReason.empty()) return name;
  return Text::tr("%1 — GPU not used: %2").arg(name, QString::fromStdString(fallbackReason));
}

void record(const QString& status) {
  std::lock_guard lock(g_statusMutex);
  g_status = status;
}

// Forwards to the real backend and records its state when the job lets it go.
class TrackedBackend final : public ComputeBackend {
 public:
  TrackedBackend(std::unique_ptr<ComputeBackend> inner, std::string fallbackReason)
      : m_inner(std::move(inner)), m_reason(std::move(fallbackReason)) {
    record(statusLine(*m_inner, m_reason));
  }
  ~TrackedBackend() override { record(statusLine(*m_inner, m_reason)); }
  std::string name() const override { return m_inner->name(); }
  bool computesOffHost() const override { return m_inner->computesOffHost(); }
  std::unique_ptr<LayerSession> openLayer(LayerData data, const metrics::AttentionOptions& options) override {
    return m_inner->openLayer(std::move(data), options);
  }

 private:
  std::unique_ptr<ComputeBackend> m_inner;
  std::string m_reason;
};

std::unique_ptr<ComputeBackend> makeFromSettings(std::string* reason) {
  gpu::BackendRequest request;
  request.kind = gpu::parseBackendKind(settings::computeBackend().toStdString()).value_or(gpu::BackendKind::Auto);
  request.device = settings::computeDevice();
  request.pool = &defaultThreadPool();
  try {
    return gpu::makeBackend(request, reason);
  } catch (const Error& e) {  // a malformed VQ_DEVICE / VQ_VULKAN_FAULT: the CPU, saying why
    if (reason) *reason = e.detail();
    return makeCpuBackend(defaultThreadPool());
  }
}

}  // namespace

std::unique_ptr<ComputeBackend> makeJobBackend() {
  lowerWorkerPriority(defaultThreadPool());
  std::string reason;
  auto backend = makeFromSettings(&reason);
  return std::make_unique<TrackedBackend>(std::move(backend), std::move(reason));
}

QString probeJobBackend() {
  std::string reason;
  auto backend = makeFromSettings(&reason);
  const QString status = statusLine(*backend, reason);
  record(status);
  return status;
}

QString lastJobBackendStatus() {
  std::lock_guard lock(g_statusMutex);
  return g_status;
}

}  // namespace vq::ui
