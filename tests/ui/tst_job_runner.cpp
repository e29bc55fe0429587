// JobRunner: streaming, progress, success, failure with translated text, cancel while busy,
// destruction while busy.
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <atomic>
#include <chrono>
#include <thread>

#include "test_support.h"
#include "ui/jobs/job_runner.h"

using vq::ui::JobRunner;

class TestJobRunner : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    vq::test::startFromDefaults();
  }

  void streamsResultsAndProgress() {
    JobRunner runner;
    QSignalSpy results(&runner, &JobRunner::resultsReady);
    QSignalSpy progress(&runner, &JobRunner::progressChanged);
    QSignalSpy ok(&runner, &JobRunner::succeeded);
    QSignalSpy busy(&runner, &JobRunner::busyChanged);
    auto future = runner.start<int>(QStringLiteral("count"), [](QPromise<int>& p, const vq::Progress& progress) {
      for (int i = 0; i < 10; ++i) {
        p.addResult(i);
        progress.report((i + 1) / 10.0, "item");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    });
    QVERIFY(runner.isBusy());
    // A second start while busy is refused.
    QVERIFY(runner.start<int>(QStringLiteral("other"), [](QPromise<int>&, const vq::Progress&) {}).isFinished());
    QVERIFY(ok.wait(10000));
    QCOMPARE(ok.count(), 1);
    QVERIFY(!runner.isBusy());
    int seen = 0;
    for (const auto& args : results) seen = std::max(seen, args.at(1).toInt());
    QCOMPARE(seen, 10);
    QCOMPARE(future.resultCount(), 10);
    QCOMPARE(future.resultAt(7), 7);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), JobRunner::kProgressRange);
    QCOMPARE(busy.count(), 2);
  }

  void reportsCoreErrorsTranslated() {
    JobRunner runner;
    QSignalSpy failed(&runner, &JobRunner::failed);
    QSignalSpy ok(&runner, &JobRunner::succeeded);
    runner.start<int>(QStringLiteral("fail"), [](QPromise<int>&, const vq::Progress&) {
      throw vq::Error(vq::ErrorCode::Truncated, "ends at byte 12", "/tmp/x.npz");
    });
    QVERIFY(failed.wait(10000));
    QCOMPARE(ok.count(), 0);
    const QString msg = failed.first().at(0).toString();
    QVERIFY2(msg.contains(QLatin1String("x.npz")) && msg.contains(QLatin1String("truncated")), qPrintable(msg));
    QCOMPARE(failed.first().at(1).value<vq::ErrorCode>(), vq::ErrorCode::Truncated);
  }

  void cancelStopsPromptlyWhileBusy() {
    JobRunner runner;
    QSignalSpy cancelled(&runner, &JobRunner::cancelled);
    QSignalSpy results(&runner, &JobRunner::resultsReady);
    std::atomic<bool> observedStop = false;
    auto future = runner.start<int>(QStringLiteral("long"), [&observedStop](QPromise<int>& p, const vq::Progress& progress) {
      for (int i = 0; i < 100000; ++i) {
        if (progress.cancelled()) observedStop = true;
        progress.checkCancelled();  // throws Error(Cancelled)
        p.addResult(i);
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    });
    QVERIFY(results.wait(10000));
    QElapsedTimer clock;
    clock.start();
    runner.cancel();
    QVERIFY(cancelled.wait(5000));
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(observedStop);
    QVERIFY(!runner.isBusy());
    // No result is delivered after the cancel.
    const int count = results.count();
    QTest::qWait(50);
    QCOMPARE(results.count(), count);
    // The runner is usable again.
    QSignalSpy ok(&runner, &JobRunner::succeeded);
    runner.start<int>(QStringLiteral("again"), [](QPromise<int>& p, const vq::Progress&) { p.addResult(1); });
    QVERIFY(ok.wait(10000));
  }

  void destructorCancelsAndWaits() {
    std::atomic<bool> running = false, ended = false;
    QElapsedTimer clock;
    {
      JobRunner runner;
      runner.start<int>(QStringLiteral("long"), [&running, &ended](QPromise<int>&, const vq::Progress& progress) {
        running = true;
        while (!progress.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ended = true;
      });
      QTRY_VERIFY(running);
      clock.start();
    }
    QVERIFY(ended);  // the destructor waited for the job
    QVERIFY(clock.elapsed() < 1000);
  }
};

QTEST_MAIN(TestJobRunner)
#include "tst_job_runner.moc"
