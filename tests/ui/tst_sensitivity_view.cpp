// Calibration + Sensitivity view on the real sample and on synthetic dumps: streaming into the
// model and chart, other probes, bad menus, cancel mid-run.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "ui/charts/chart_view.h"
#include "ui/charts/group_bar_chart.h"
#include "ui/common/refresh_throttle.h"
#include "ui/common/table_view.h"
#include "ui/jobs/job_runner.h"
#include "ui/models/sensitivity_model.h"
#include "ui/session/session.h"
#include "ui/views/sensitivity_chart.h"
#include "ui/views/sensitivity_view.h"
#include "test_support.h"

using namespace vq;
using namespace vq::ui;

class TestSensitivityView : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    vq::test::startFromDefaults();
  }

  void crowdedChartSwapsTheCategoryAxisForAnIndex() {
    // 192 groups in 600 px cannot be labelled: an unlabelled index axis replaces the category
    // axis (Qt Charts would lay out every hidden label on each repaint), every bar still drawn;
    // 4 groups in the same width get their category labels back.
    QWidget host;
    host.resize(600, 400);
    GroupBarChart chart(&host);
    chart.view()->resize(600, 400);
    std::vector<calib::GroupKey> many;
    for (int l = 0; l < 48; ++l)
      for (int h = 0; h < 4; ++h)
        for (auto role : {calib::GroupRole::K, calib::GroupRole::V}) many.push_back({l, h, role});
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    chart.setGroups(many);
    QApplication::processEvents();
    QCOMPARE(chart.barCount(), 384);
    QVERIFY(!chart.categoryLabelsOnAxis());
    chart.setGroups({{0, 0, calib::GroupRole::K}, {0, 1, calib::GroupRole::K}, {1, 0, calib::GroupRole::K},
                     {1, 1, calib::GroupRole::K}});
    QApplication::processEvents();
    QCOMPARE(chart.barCount(), 4);
    QVERIFY(chart.categoryLabelsOnAxis());
  }

  void calibratesSampleAndStreams() {
    Session session;
    SensitivityView view(&session);
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(view.table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(1200, 700);
    view.show();
    QVERIFY(!view.runAction()->isEnabled());
    session.setDump(test::openSample(), test::samplePath());
    QVERIFY(view.runAction()->isEnabled());
    view.setOptions(calib::Probe::Empirical, QStringLiteral("turboquant_mse"), QStringLiteral("1,2,3,4"),
                    calib::Granularity::Head, calib::KvMode::Separate, 256);
    QSignalSpy streamed(view.runner(), &JobRunner::resultsReady);
    QSignalSpy ok(view.runner(), &JobRunner::succeeded);
    QSignalSpy tableSpy(&session, &Session::tableChanged);
    view.run();
    QVERIFY(view.runner()->isBusy());
    QVERIFY(!view.runAction()->isEnabled());
    QVERIFY(ok.wait(30000));
    QVERIFY(!streamed.isEmpty());
    QCOMPARE(tableSpy.count(), 1);
    QVERIFY(session.table());
    // 2 layers x 4 KV heads x (K, V)
    QCOMPARE(int(session.table()->groupCount()), 16);
    QCOMPARE(view.model()->rowCount(), 16);
    QVERIFY(view.model()->weightsFinal());
    QCOMPARE(view.model()->columnCount(), view.model()->weightColumn() + 1);
    QCOMPARE(view.model()->headerData(view.model()->entryColumn(1), Qt::Horizontal).toString(), QStringLiteral("D @2b"));
    // Distortion falls from 1 to 4 bits for every group (real data: not always monotone in between).
    for (const auto& r : view.model()->rows()) {
      QVERIFY(r.distortion.front() > 0);
      QVERIFY2(r.distortion.back() < r.distortion.front() / 4,
               qPrintable(QStringLiteral("%1: %2 %3 %4 %5").arg(QString::fromStdString(r.group.id)).arg(r.distortion[0]).arg(r.distortion[1]).arg(r.distortion[2]).arg(r.distortion[3])));
    }
    QTRY_COMPARE(view.chart()->barCount(), 16);
    QVERIFY(view.chart()->value(0) > 0);
    QVERIFY(view.runAction()->isEnabled());
    // Sorting through the proxy by a numeric column.
    view.table()->sortByColumn(view.model()->weightColumn(), Qt::DescendingOrder);
    const auto* proxy = view.table()->model();
    QVERIFY(proxy->index(0, view.model()->weightColumn()).data(SensitivityModel::SortRole).toDouble() >=
            proxy->index(15, view.model()->weightColumn()).data(SensitivityModel::SortRole).toDouble());
    // Copy as TSV.
    const QString tsv = TableView::toDelimited(proxy, QLatin1Char('\t'));
    QCOMPARE(tsv.count(QLatin1Char('\n')), 17);
  }

  void otherProbesRun() {
    Session session;
    SensitivityView view(&session);
    session.setDump(test::openSample(), test::samplePath());
    for (auto probe : {calib::Probe::KeyNorm, calib::Probe::Perturb}) {
      view.setOptions(probe, QStringLiteral("turboquant_mse"), QStringLiteral("2,3,4"), calib::Granularity::Layer,
                      calib::KvMode::Joint, 64);
      QSignalSpy ok(view.runner(), &JobRunner::succeeded);
      view.run();
      QVERIFY(ok.wait(30000));
      QCOMPARE(int(session.table()->groupCount()), 2);  // one joint group per layer
      QCOMPARE(session.table()->settings.probe, probe);
      QVERIFY(session.table()->weight[0] > 0);
    }
  }

  void badMenuIsReportedNotRun() {
    Session session;
    SensitivityView view(&session);
    session.setDump(test::openSample(), test::samplePath());
    view.setOptions(calib::Probe::Empirical, QStringLiteral("turboquant_mse"), QStringLiteral("1,x"),
                    calib::Granularity::Head, calib::KvMode::Separate, 64);
    view.run();
    QVERIFY(!view.runner()->isBusy());
    QVERIFY(!session.table());
  }

  void cancelMidRunKeepsPreviousCalibration() {
    QTemporaryDir dir;
    Session session;
    SensitivityView view(&session);
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.show();
    session.setDump(test::openSample(), test::samplePath());
    view.setOptions(calib::Probe::Empirical, QStringLiteral("turboquant_mse"), QStringLiteral("1,2,3,4"),
                    calib::Granularity::Head, calib::KvMode::Separate, 256);
    QSignalSpy ok(view.runner(), &JobRunner::succeeded);
    view.run();
    QVERIFY(ok.wait(30000));
    const auto previous = session.table();
    QVERIFY(previous);

    // A slower input: 12 layers, 8 KV heads, head_dim 128, 1024 tokens.
    session.setDump(test::writeSynth(dir.filePath(QStringLiteral("slow.npz")), 12, 8, 128, 1024),
                    dir.filePath(QStringLiteral("slow.npz")));
    QVERIFY(!session.table());
    QSignalSpy streamed(view.runner(), &JobRunner::resultsReady);
    QSignalSpy cancelled(view.runner(), &JobRunner::cancelled);
    QSignalSpy tableSpy(&session, &Session::tableChanged);
    view.run();
    QVERIFY(streamed.wait(60000));  // the first layer has streamed in
    QVERIFY(view.model()->rowCount() > 0);
    QElapsedTimer clock;
    clock.start();
    view.runner()->cancel();
    QVERIFY(cancelled.wait(10000));
    const qint64 ms = clock.elapsed();
    qInfo("cancel took %lld ms after %d streamed result batch(es)", ms, int(streamed.count()));
    QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
    QVERIFY(!view.runner()->isBusy());
    QCOMPARE(tableSpy.count(), 0);  // nothing half-done reached the session
    QVERIFY(!session.table());
    QCOMPARE(view.model()->rowCount(), 0);  // the model shows the session's (no) calibration again
    QVERIFY(view.runAction()->isEnabled());
  }

};

QTEST_MAIN(TestSensitivityView)
#include "tst_sensitivity_view.moc"
