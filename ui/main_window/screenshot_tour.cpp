#include "ui/main_window/screenshot_tour.h"

#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QTimer>
#include <cstdio>
#include <memory>

#include "ui/jobs/job_runner.h"
#include "ui/learn/learn_view.h"
#include "ui/main_window/main_window.h"
#include "ui/views/allocation_view.h"
#include "ui/views/compare_view.h"
#include "ui/views/memory_view.h"
#include "ui/views/quality_view.h"
#include "ui/views/sensitivity_view.h"

namespace vq::ui {

namespace {
constexpr int kSettleMs = 400;  // lets layouts and the throttled charts settle before a grab
}

ScreenshotTour::ScreenshotTour(MainWindow* window, const QString& dir, QObject* parent)
    : QObject(parent), m_window(window), m_dir(dir) {
  QDir().mkpath(dir);
  window->resize(1400, 860);
  connect(window, &MainWindow::dumpLoaded, this, [this] { QTimer::singleShot(kSettleMs, this, &ScreenshotTour::step); });
  connect(window, &MainWindow::dumpFailed, this, [this](const QString&, const QString& msg) { fail(msg); });
  auto* sens = window->sensitivityView()->runner();
  connect(sens, &JobRunner::succeeded, this, [this] { QTimer::singleShot(kSettleMs, this, &ScreenshotTour::step); });
  connect(sens, &JobRunner::failed, this, [this](const QString& msg) { fail(msg); });
  auto* alloc = window->allocationView()->runner();
  connect(alloc, &JobRunner::succeeded, this, [this] { QTimer::singleShot(kSettleMs, this, &ScreenshotTour::step); });
  connect(alloc, &JobRunner::failed, this, [this](const QString& msg) { fail(msg); });
  for (JobRunner* r : {window->compareView()->runner(), window->qualityView()->runner()}) {
    connect(r, &JobRunner::succeeded, this, [this] { QTimer::singleShot(kSettleMs, this, &ScreenshotTour::step); });
    connect(r, &JobRunner::failed, this, [this](const QString& msg) { fail(msg); });
  }
}

void ScreenshotTour::shoot(const QString& name) {
  const QString path = QDir(m_dir).filePath(name);
  if (!m_window->grab().save(path)) return fail(tr("could not write %1").arg(path));
  m_saved << path;
  std::fprintf(stderr, "saved %s\n", qPrintable(path));
}

void ScreenshotTour::fail(const QString& why) {
  std::fprintf(stderr, "screenshot tour failed: %s\n", qPrintable(why));
  emit done(false);
}

void ScreenshotTour::step() {
  switch (m_step++) {
    case 0:
      m_window->showView(-1);
      shoot(QStringLiteral("dataset.png"));
      m_window->showView(MainWindow::Sensitivity);
      m_window->sensitivityView()->setOptions(calib::Probe::Empirical, QStringLiteral("turboquant_mse"),
                                              QStringLiteral("1,2,3,4"), calib::Granularity::Head,
                                              calib::KvMode::Separate, 256);
      m_window->sensitivityView()->run();
      return;
    case 1:
      shoot(QStringLiteral("sensitivity.png"));
      m_window->showView(MainWindow::Allocation);
      m_window->allocationView()->setTarget(2.0);
      m_window->allocationView()->solve(alloc::AllocatorKind::Optimal);
      return;
    case 2:
      m_window->allocationView()->verify();
      return;
    case 3:
      shoot(QStringLiteral("allocation.png"));
      m_window->showView(MainWindow::Compare);
      m_window->compareView()->run();
      return;
    case 4:
      shoot(QStringLiteral("compare.png"));
      m_window->showView(MainWindow::Memory);
      QTimer::singleShot(kSettleMs, this, &ScreenshotTour::step);
      return;
    case 5:
      shoot(QStringLiteral("memory.png"));
      m_window->showView(MainWindow::Quality);
      m_window->qualityView()->run();
      return;
    case 6:
      shoot(QStringLiteral("quality.png"));
      m_window->showView(MainWindow::Learn);
      {
        // Six panels with their explanations: the whole window's width and a taller window.
        if (auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("DatasetDock"))) dock->hide();
        m_window->resize(1400, 1000);
        // The Learn view recomputes on every control change: wait for the result of this selection.
        LearnView* learn = m_window->learnView();
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(learn, &LearnView::updated, this, [this, once] {
          disconnect(*once);
          QTimer::singleShot(kSettleMs, this, &ScreenshotTour::step);
        });
        learn->setMethod(QStringLiteral("turboquant_mse"), 2);
        learn->setSelection(1, 0, Role::K, 96);
      }
      return;
    case 7:
      shoot(QStringLiteral("learn.png"));
      emit done(m_saved.size() == 7);
      return;
    default: return;
  }
}

}  // namespace vq::ui
