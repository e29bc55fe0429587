// `veloxquant-studio --screenshot DIR`: once the dump is loaded, saves the window with each view
// (dataset.png, sensitivity.png, allocation.png, …, learn.png), running a calibration and an optimal
// allocation on the way, all through the normal asynchronous paths (no blocking, no sleeps).
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace vq::ui {

class MainWindow;

class ScreenshotTour : public QObject {
  Q_OBJECT
 public:
  ScreenshotTour(MainWindow* window, const QString& dir, QObject* parent = nullptr);
  QStringList saved() const { return m_saved; }

 signals:
  void done(bool ok);

 private:
  void shoot(const QString& name);
  void fail(const QString& why);
  void step();

  MainWindow* m_window;
  QString m_dir;
  QStringList m_saved;
  int m_step = 0;
};

}  // namespace vq::ui
