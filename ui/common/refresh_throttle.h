// Coalesces bursts of update requests into at most one refresh per interval (PlotJuggler's
// DelayedCallback idea, as a throttle): the first request starts a single-shot timer, further
// requests while it runs are folded in, the refresh runs when it fires. A steady stream of
// requests therefore refreshes every `interval` ms, never more often.
#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

namespace vq::ui {

class RefreshThrottle : public QObject {
  Q_OBJECT
 public:
  explicit RefreshThrottle(std::function<void()> refresh, int intervalMs = 100, QObject* parent = nullptr)
      : QObject(parent), m_refresh(std::move(refresh)) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
      ++m_count;
      m_refresh();
    });
  }
  void request() {
    if (!m_timer.isActive()) m_timer.start();
  }
  // Runs a pending refresh now (end of a job: show the final state without waiting).
  void flush() {
    if (!m_timer.isActive()) return;
    m_timer.stop();
    ++m_count;
    m_refresh();
  }
  bool pending() const { return m_timer.isActive(); }
  int refreshCount() const { return m_count; }  // tests: how often it refreshed

 private:
  std::function<void()> m_refresh;
  QTimer m_timer;
  int m_count = 0;
};

}  // namespace vq::ui
