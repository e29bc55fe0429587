// The status-bar side of background jobs: what runs, a progress bar with the elapsed time and a
// Cancel button (the main window binds Esc to cancelAll()). Tracks any number of JobRunners and
// shows the one started last that is still busy.
#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;

namespace vq::ui {

class JobRunner;

class JobPanel : public QWidget {
  Q_OBJECT
 public:
  explicit JobPanel(QWidget* parent = nullptr);
  void track(JobRunner* runner);
  QList<JobRunner*> runners() const;  // those tracked, alive
  bool anyBusy() const;
  void cancelAll();
  QString text() const;  // the status line (tests)

 signals:
  void busyChanged(bool busy);
  // One line when a job ends ("Calibration finished in 1.2 s", "… cancelled", "… failed: …").
  void message(const QString& text);

 private:
  void refresh();
  JobRunner* current() const;
  QList<QPointer<JobRunner>> m_runners;
  QLabel* m_label;
  QProgressBar* m_bar;
  QToolButton* m_cancel;
  QTimer* m_tick;  // refreshes the elapsed time while busy
};

}  // namespace vq::ui
