// THE background-work path of the GUI (DESIGN.md §1, STYLE.md E "Threading"):
// QtConcurrent::run on a private QThreadPool, a QPromise adapted to vq::Progress, results
// streamed with addResult → QFutureWatcher::resultsReadyAt, cancel that works while busy.
//
//   auto future = runner.start<Row>(tr("Calibrating"), [dump, opts](QPromise<Row>& p, const vq::Progress& pr) {
//     core::work(*dump, opts, pr, [&](const Item& i) { p.addResult(Row(i)); });
//   });
//   connect(&runner, &JobRunner::resultsReady, this, [this](int b, int e) { ...future.resultAt(i)... });
//
// The callable runs on the worker; it reports through the Progress (fraction 0..1 and a short
// status → setProgressValueAndText) and core polls the Progress's stop_token between units of work.
// cancel() requests that stop_token and cancels the future (further results are dropped).
// A vq::Error thrown by the callable becomes failed(translated text); Error(Cancelled), or any
// end after cancel(), becomes cancelled(). Exactly one of succeeded/failed/cancelled follows each
// start(), after every streamed result. One job at a time per runner; the destructor cancels and waits.
#pragma once

#include <QElapsedTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>

#include "core/common/error.h"
#include "core/common/progress.h"

namespace vq::ui {

class JobRunner : public QObject {
  Q_OBJECT
 public:
  static constexpr int kProgressRange = 1000;

  explicit JobRunner(QObject* parent = nullptr);
  ~JobRunner() override;

  // Starts `fn(QPromise<T>&, const vq::Progress&)` on the worker. Returns an invalid (finished,
  // empty) future when a job is already running: callers disable their Run actions while busy().
  template <class T, class Fn>
  QFuture<T> start(const QString& title, Fn fn);

  bool isBusy() const { return m_busy; }
  QString title() const { return m_title; }
  qint64 elapsedMs() const { return m_busy ? m_clock.elapsed() : m_lastElapsed; }  // of the last job when idle
  // Asks the running job to stop (no-op when idle). Returns at once; cancelled() follows.
  void cancel();
  // Blocks until the running job has ended (its end signal is still delivered by the event loop).
  void waitForFinished();

 signals:
  void started(const QString& title);
  void progressChanged(int value, const QString& text);  // value in 0..kProgressRange
  void resultsReady(int begin, int end);                 // indices into the started future
  void succeeded();
  void failed(const QString& message, vq::ErrorCode code);
  void cancelled();
  void busyChanged(bool busy);

 private:
  struct State {
    std::mutex mutex;
    std::optional<vq::Error> error;
  };
  template <class T, class Fn>
  static void runJob(QPromise<T>& promise, Fn& fn, std::stop_token stop, const std::shared_ptr<State>& state);
  void attach(QFutureWatcherBase* watcher, const QString& title);
  void onFinished();

  QThreadPool m_pool;
  QFutureWatcherBase* m_watcher = nullptr;  // child; replaced per job
  std::shared_ptr<State> m_state;
  std::stop_source m_stop;
  bool m_busy = false;
  bool m_cancelRequested = false;
  QString m_title;
  QElapsedTimer m_clock;
  qint64 m_lastElapsed = 0;
};

template <class T, class Fn>
void JobRunner::runJob(QPromise<T>& promise, Fn& fn, std::stop_token stop, const std::shared_ptr<State>& state) {
  promise.setProgressRange(0, kProgressRange);
  const vq::Progress progress(std::move(stop), [&promise](double fraction, std::string_view what) {
    const int value = int(std::lround(std::clamp(fraction, 0.0, 1.0) * kProgressRange));
    promise.setProgressValueAndText(value, QString::fromUtf8(what.data(), qsizetype(what.size())));
  });
  try {
    fn(promise, progress);
  } catch (const vq::Error& e) {
    std::lock_guard lock(state->mutex);
    state->error = e;
  } catch (const std::exception& e) {
    std::lock_guard lock(state->mutex);
    state->error = vq::Error(vq::ErrorCode::Internal, e.what());
  }
}

template <class T, class Fn>
QFuture<T> JobRunner::start(const QString& title, Fn fn) {
  if (m_busy) return {};
  m_stop = std::stop_source();
  m_state = std::make_shared<State>();
  auto* watcher = new QFutureWatcher<T>(this);
  attach(watcher, title);
  QFuture<T> future = QtConcurrent::run(
      &m_pool, [fn = std::move(fn), stop = m_stop.get_token(), state = m_state](QPromise<T>& promise) mutable {
        runJob(promise, fn, stop, state);
      });
  watcher->setFuture(future);
  return future;
}

}  // namespace vq::ui
