// Compare, Memory and Quality views on the real sample; every view paints real content; view
// switching shortcuts, theme following, persisted window state.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

#include "core/alloc/verify.h"
#include "ui/charts/chart_view.h"
#include "ui/common/table_view.h"
#include "ui/jobs/job_runner.h"
#include "ui/main_window/main_window.h"
#include "ui/models/allocation_model.h"
#include "ui/models/compare_model.h"
#include "ui/models/memory_model.h"
#include "ui/models/quality_model.h"
#include "ui/session/session.h"
#include "ui/settings/settings.h"
#include "ui/theme/theme.h"
#include "ui/views/allocation_view.h"
#include "ui/views/compare_chart.h"
#include "ui/views/compare_view.h"
#include "ui/views/memory_view.h"
#include "ui/views/quality_view.h"
#include "ui/views/sensitivity_view.h"
#include "test_support.h"

using namespace vq;
using namespace vq::ui;

class TestViews : public QObject {
  Q_OBJECT

  // Sample → calibration → optimal at 2 bits.
  static void prepare(MainWindow& w) {
    QSignalSpy loaded(&w, &MainWindow::dumpLoaded);
    w.openDump(test::samplePath());
    QVERIFY(loaded.wait(10000));
    w.sensitivityView()->setOptions(calib::Probe::Empirical, QStringLiteral("turboquant_mse"), QStringLiteral("1,2,3,4"),
                                    calib::Granularity::Head, calib::KvMode::Separate, 256);
    QSignalSpy calibrated(w.sensitivityView()->runner(), &JobRunner::succeeded);
    w.sensitivityView()->run();
    QVERIFY(calibrated.wait(30000));
    w.allocationView()->setTarget(2.0);
    QSignalSpy done(w.allocationView()->runner(), &JobRunner::succeeded);
    w.allocationView()->solve(alloc::AllocatorKind::Optimal);
    QVERIFY(done.wait(10000));
  }

 private slots:
  void init() { vq::test::discardRecovery(); }
  void initTestCase() {
    vq::test::startFromDefaults();
    ThemeManager::instance().setTheme(Theme::Light);
  }

  void compareMethodsAndBits() {
    MainWindow w;
    w.setAskToSave(false);
    CompareView* view = w.compareView();
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&w, &MainWindow::dumpLoaded);
    w.openDump(test::samplePath());
    QVERIFY(loaded.wait(10000));
    view->setRequest({QStringLiteral("turboquant_mse"), QStringLiteral("q4_0"), QStringLiteral("turbo3"), QStringLiteral("kivi")},
                     QStringLiteral("2,4"), 128);
    QCOMPARE(compareConfigs(view->request()).size(), size_t(6));  // 2 + 1 + 1 + 2
    QSignalSpy ok(view->runner(), &JobRunner::succeeded);
    view->run();
    QVERIFY(ok.wait(60000));
    const auto& rows = view->model()->rows();
    QCOMPARE(rows.size(), size_t(6));
    QCOMPARE(rows.back().method, std::string("turbo3"));  // skipped rows come last
    QVERIFY(!rows.back().skipped.empty());               // 64-value rows are not 128-blocks
    int measured = 0;
    for (const auto& r : rows) {
      if (!r.skipped.empty()) continue;
      ++measured;
      QVERIFY(r.bpv > 0);
      QVERIFY(r.outputError.has_value());
    }
    QCOMPARE(view->chart()->pointCount(), measured);
    // More bits, less error, for the same method.
    QVERIFY(rows[1].relMseK < rows[0].relMseK);
    QCOMPARE(view->model()->index(0, CompareModel::Bits).data().toString(), QStringLiteral("2"));
    QCOMPARE(view->model()->index(2, CompareModel::Bits).data().toString(), QStringLiteral("format"));
    QCOMPARE(view->model()->index(5, CompareModel::Bpv).data().toString(), QStringLiteral("—"));
  }

  void paretoFront() {
    // (bpv, error): (2, 0.3) (3, 0.1) (3, 0.2) (4, 0.15) (5, 0.01)
    const auto front = CompareChart::paretoFront({2, 3, 3, 4, 5}, {0.3, 0.1, 0.2, 0.15, 0.01});
    QCOMPARE(front, (std::vector<size_t>{0, 1, 4}));
  }

  void memoryAndQualityFollowTheAllocation() {
    MainWindow w;
    w.setAskToSave(false);
    QAbstractItemModelTester memoryTester(w.memoryView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester qualityTester(w.qualityView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    prepare(w);
    if (QTest::currentTestFailed()) return;
    Session* s = w.session();
    MemoryModel* memory = w.memoryView()->model();
    QCOMPARE(memory->rowCount(), 2);
    QVERIFY(memory->hasAllocation());
    QVERIFY(std::abs(memory->totalAllocated() - s->allocationBytes()) < 1e-6);
    // fp16: 2 layers x 4 heads x 97 tokens x 16 dims x (K, V) x 2 bytes.
    QCOMPARE(memory->totalFp16(), 2.0 * 4 * 97 * 16 * 2 * 2);
    w.memoryView()->setProjection(970, 2);
    const auto& r0 = memory->rows()[0];
    QVERIFY(std::abs(memory->projected(r0, r0.kv) - r0.kv * 20.0) < 1e-6);
    QTRY_VERIFY(w.memoryView()->summaryText().contains(QLatin1String("970")));
    // An edit changes the memory at once.
    const double before = memory->totalAllocated();
    QVERIFY(w.allocationView()->model()->setData(w.allocationView()->model()->index(0, 4), 3));
    QVERIFY(memory->totalAllocated() != before || s->choice(0) == 3);
    s->undoStack()->undo();
    QVERIFY(std::abs(memory->totalAllocated() - before) < 1e-9);

    // Quality: per layer, uniform vs allocation; the whole-dump sums agree with verify.
    QualityView* quality = w.qualityView();
    QSignalSpy measured(quality->runner(), &JobRunner::succeeded);
    quality->run();
    QVERIFY(measured.wait(30000));
    QCOMPARE(quality->model()->rowCount(), 2);
    double err = 0, ref = 0;
    for (const auto& r : quality->model()->rows()) {
      QVERIFY(r.allocation.cosineK > 0.5 && r.allocation.cosineK <= 1.0);
      QVERIFY(r.uniform.outputError.has_value());
      err += r.allocation.outputErr2;
      ref += r.allocation.outputRef2;
    }
    QSignalSpy verified(w.allocationView()->runner(), &JobRunner::succeeded);
    w.allocationView()->verify();
    QVERIFY(verified.wait(30000));
    QVERIFY(s->verified().has_value());
    QVERIFY2(std::abs(err / ref - *s->verified()->outputError) < 1e-9,
             qPrintable(QStringLiteral("%1 vs %2").arg(err / ref).arg(*s->verified()->outputError)));
    QVERIFY(quality->statusText().contains(QLatin1String("uniform")));
    // An edit marks the measurement stale.
    QVERIFY(w.allocationView()->model()->setData(w.allocationView()->model()->index(0, 4), (s->choice(0) + 1) % 4));
    QVERIFY(quality->statusText().contains(QLatin1String("changed")));
  }

  void everyViewPaintsRealContent_data() {
    QTest::addColumn<int>("view");
    QTest::newRow("dataset") << -1;
    QTest::newRow("sensitivity") << int(MainWindow::Sensitivity);
    QTest::newRow("allocation") << int(MainWindow::Allocation);
    QTest::newRow("compare") << int(MainWindow::Compare);
    QTest::newRow("memory") << int(MainWindow::Memory);
    QTest::newRow("quality") << int(MainWindow::Quality);
  }

  void everyViewPaintsRealContent() {
    QFETCH(int, view);
    static MainWindow* w = nullptr;  // one prepared window for every row
    if (!w) {
      w = new MainWindow;
      w->setAskToSave(false);
      w->resize(1300, 820);
      w->show();
      prepare(*w);
      if (QTest::currentTestFailed()) return;
      QSignalSpy compared(w->compareView()->runner(), &JobRunner::succeeded);
      w->compareView()->run();
      QVERIFY(compared.wait(60000));
      QSignalSpy measured(w->qualityView()->runner(), &JobRunner::succeeded);
      w->qualityView()->run();
      QVERIFY(measured.wait(30000));
    }
    w->showView(view);
    QTest::qWait(250);  // throttled chart refreshes land
    const QImage window = w->grab().toImage();
    QVERIFY(!window.isNull());
    const int colours = test::distinctColours(window);
    qInfo("window: %d colours", colours);
    QVERIFY2(colours > 60, qPrintable(QString::number(colours)));
    if (view >= 0) {
      auto* analysis = qobject_cast<AnalysisView*>(w->views()->widget(view));
      QVERIFY(analysis);
      const QImage chart = analysis->chartView()->renderImage();
      const int chartColours = test::distinctColours(chart, 2);
      qInfo("chart: %d colours", chartColours);
      QVERIFY2(chartColours > 25, qPrintable(QString::number(chartColours)));
      QVERIFY(analysis->tableView()->model()->rowCount() > 0);
      // The data series are drawn: many pixels in a series colour (an empty chart has none).
      const QColor series = view == int(MainWindow::Quality) ? ThemeManager::jointColor()
                            : view == int(MainWindow::Compare) ? ThemeManager::seriesColor(1)
                                                               : ThemeManager::keyColor();
      const int pixels = test::pixelsOfColour(chart, series);
      qInfo("chart: %d pixels of the series colour", pixels);
      QVERIFY2(pixels > (view == int(MainWindow::Compare) ? 20 : 100), qPrintable(QString::number(pixels)));  // markers are small
    }
    if (view == int(MainWindow::Quality)) {
      delete w;
      w = nullptr;
    }
  }

  void themeFollowsSetting() {
    MainWindow w;
    w.setAskToSave(false);
    ThemeManager::instance().setTheme(Theme::Dark);
    QCOMPARE(w.compareView()->chartView()->chart()->theme(), QChart::ChartThemeDark);
    QCOMPARE(w.allocationView()->chartView()->chart()->theme(), QChart::ChartThemeDark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
    ThemeManager::instance().setTheme(Theme::Light);
    QCOMPARE(w.memoryView()->chartView()->chart()->theme(), QChart::ChartThemeLight);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
  }

  void shortcutsSwitchViewsAndStatePersists() {
    {
      MainWindow w;
      w.setAskToSave(false);
      w.show();
      QApplication::setActiveWindow(&w);
      QVERIFY(QTest::qWaitForWindowActive(&w));
      QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
      QCOMPARE(w.views()->currentIndex(), int(MainWindow::Compare));
      QTest::keyClick(&w, Qt::Key_6, Qt::ControlModifier);
      QCOMPARE(w.views()->currentIndex(), int(MainWindow::Quality));
      QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
      QCOMPARE(w.views()->currentIndex(), int(MainWindow::Sensitivity));
      w.showView(MainWindow::Memory);
      QVERIFY(w.close());
    }
    QVERIFY(!settings::windowState().isEmpty());
    QCOMPARE(settings::currentView(), int(MainWindow::Memory));
    MainWindow again;
    QCOMPARE(again.views()->currentIndex(), int(MainWindow::Memory));
  }
};

QTEST_MAIN(TestViews)
#include "tst_views.moc"
