#include "ui/jobs/job_runner.h"

#include "ui/common/error_text.h"

namespace vq::ui {

JobRunner::JobRunner(QObject* parent) : QObject(parent) {
  // One job at a time per runner: the job itself parallelises inside core (its own thread pool).
  m_pool.setMaxThreadCount(1);
  m_pool.setObjectName(QStringLiteral("vq-job-runner"));
}

JobRunner::~JobRunner() {
  cancel();
  m_pool.waitForDone();
  if (m_watcher) m_watcher->disconnect(this);
}

void JobRunner::attach(QFutureWatcherBase* watcher, const QString& title) {
  if (m_watcher) m_watcher->deleteLater();
  m_watcher = watcher;
  m_title = title;
  m_busy = true;
  m_cancelRequested = false;
  m_clock.start();
  connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
          [this, watcher](int v) { if (watcher == m_watcher) emit progressChanged(v, watcher->progressText()); });
  connect(watcher, &QFutureWatcherBase::progressTextChanged, this,
          [this, watcher](const QString& t) { if (watcher == m_watcher) emit progressChanged(watcher->progressValue(), t); });
  connect(watcher, &QFutureWatcherBase::resultsReadyAt, this, [this, watcher](int b, int e) {
    if (watcher == m_watcher && !m_cancelRequested) emit resultsReady(b, e);
  });
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    if (watcher == m_watcher) onFinished();
  });
  emit started(title);
  emit busyChanged(true);
}

void JobRunner::cancel() {
  if (!m_busy) return;
  m_cancelRequested = true;
  m_stop.request_stop();
  if (m_watcher) m_watcher->cancel();
}

void JobRunner::waitForFinished() {
  if (m_watcher) m_watcher->waitForFinished();
  m_pool.waitForDone();
}

void JobRunner::onFinished() {
  std::optional<vq::Error> error;
  {
    std::lock_guard lock(m_state->mutex);
    error = m_state->error;
  }
  m_busy = false;
  m_lastElapsed = m_clock.elapsed();
  const bool wasCancelled = m_cancelRequested || m_watcher->isCanceled() ||
                            (error && error->code() == vq::ErrorCode::Cancelled);
  emit busyChanged(false);
  if (wasCancelled) {
    emit cancelled();
  } else if (error) {
    emit failed(errorText(*error), error->code());
  } else {
    emit succeeded();
  }
}

}  // namespace vq::ui
