// Opens the bundled sample in a main window and calibrates it (turboquant_mse 1–4 bits, per head,
// K/V separate, 256 queries): the starting point of the allocation tests.
#pragma once

#include <QSignalSpy>
#include <QTest>

#include "test_support.h"
#include "ui/jobs/job_runner.h"
#include "ui/main_window/main_window.h"
#include "ui/views/sensitivity_view.h"

namespace vq::test {

// QVERIFY failures return early; callers see them through QTest::currentTestFailed().
inline void openAndCalibrate(ui::MainWindow& w) {
  QSignalSpy loaded(&w, &ui::MainWindow::dumpLoaded);
  w.openDump(samplePath());
  QVERIFY(loaded.wait(10000));
  w.sensitivityView()->setOptions(calib::Probe::Empirical, QStringLiteral("turboquant_mse"), QStringLiteral("1,2,3,4"),
                                  calib::Granularity::Head, calib::KvMode::Separate, 256);
  QSignalSpy ok(w.sensitivityView()->runner(), &ui::JobRunner::succeeded);
  w.sensitivityView()->run();
  QVERIFY(ok.wait(30000));
}

}  // namespace vq::test
