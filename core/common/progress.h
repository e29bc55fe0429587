// The sink long-running core work reports to: progress fraction, a short status, cancellation.
// The CLI prints to stderr; the GUI adapts it to a QPromise. Per-item results are passed by
// each job's own callback (typed), not through this sink.
#pragma once

#include <functional>
#include <stop_token>
#include <string_view>

#include "core/common/error.h"

namespace vq {

class Progress {
 public:
  Progress() = default;
  explicit Progress(std::stop_token stop,
                    std::function<void(double fraction, std::string_view what)> report = {})
      : m_stop(std::move(stop)), m_report(std::move(report)) {}

  void report(double fraction, std::string_view what = {}) const {
    if (m_report) m_report(fraction, what);
  }
  bool cancelled() const { return m_stop.stop_requested(); }
  // Throws Error(Cancelled) if the user asked to stop; call between units of work.
  void checkCancelled() const {
    if (cancelled()) throw Error(ErrorCode::Cancelled, "cancelled by the user");
  }
  std::stop_token stopToken() const { return m_stop; }

 private:
  std::stop_token m_stop;
  std::function<void(double, std::string_view)> m_report;
};

}  // namespace vq
