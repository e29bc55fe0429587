// Sessions and exports through the main window: save a calibrated, edited and verified
// allocation as *.vqalloc.json, reopen it in a new window (dump, table, allocation, measurements,
// clean undo state), save again byte-identically; every runtime export, CSV, PNG and SVG.
#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "ui/charts/chart_view.h"
#include "ui/common/table_view.h"
#include "ui/jobs/job_runner.h"
#include "ui/main_window/main_window.h"
#include "ui/models/allocation_model.h"
#include "ui/models/sensitivity_model.h"
#include "ui/session/session.h"
#include "ui/session/session_files.h"
#include "ui/views/allocation_chart.h"
#include "ui/views/allocation_view.h"
#include "ui/views/sensitivity_view.h"
#include "test_support.h"

using namespace vq;
using namespace vq::ui;

class TestSessionFiles : public QObject {
  Q_OBJECT

  static QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
  }

  // Sample → calibration → optimal at 2.5 bits → one bar edited → verified.
  static void prepare(MainWindow& w) {
    QSignalSpy loaded(&w, &MainWindow::dumpLoaded);
    w.openDump(test::samplePath());
    QVERIFY(loaded.wait(10000));
    w.sensitivityView()->setOptions(calib::Probe::Empirical, QStringLiteral("turboquant_mse"), QStringLiteral("1,2,3,4"),
                                    calib::Granularity::Head, calib::KvMode::Separate, 256);
    QSignalSpy calibrated(w.sensitivityView()->runner(), &JobRunner::succeeded);
    w.sensitivityView()->run();
    QVERIFY(calibrated.wait(30000));
    AllocationView* view = w.allocationView();
    view->setTarget(2.5);
    QSignalSpy done(view->runner(), &JobRunner::succeeded);
    view->solve(alloc::AllocatorKind::Optimal);
    QVERIFY(done.wait(10000));
    QVERIFY(view->chart()->beginDrag(2));
    view->chart()->dragTo(4.0);
    view->chart()->endDrag();
    view->verify();
    QVERIFY(done.wait(30000));
    QVERIFY(w.session()->verified().has_value());
  }

 private slots:
  void init() { vq::test::discardRecovery(); }
  void initTestCase() {
    vq::test::startFromDefaults();
  }

  void saveAndReopen() {
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("kite.vqalloc.json"));
    const QString second = dir.filePath(QStringLiteral("kite-again.vqalloc.json"));
    std::vector<int> choice;
    double predicted = 0;
    {
      MainWindow w;
      w.setAskToSave(false);
      prepare(w);
      if (QTest::currentTestFailed()) return;
      QVERIFY(w.isWindowModified());
      QVERIFY(w.saveSessionTo(first));
      QVERIFY(!w.isWindowModified());
      QVERIFY(w.session()->undoStack()->isClean());
      QVERIFY(w.windowTitle().contains(QLatin1String("kite.vqalloc.json")));
      choice = w.session()->allocation().choice;
      predicted = w.session()->allocation().predicted;
      // An edit after saving makes the window modified again; undo makes it clean.
      QVERIFY(w.allocationView()->model()->setData(w.allocationView()->model()->index(0, AllocationModel::Setting), 3));
      QVERIFY(w.isWindowModified());
      w.session()->undoStack()->undo();
      QVERIFY(!w.isWindowModified());
    }
    const QByteArray json = readAll(first);
    QVERIFY(json.contains("\"schema\": \"veloxquant.allocation\""));
    QVERIFY(json.contains("\"allocator\": \"edited\""));

    MainWindow w;
    w.setAskToSave(false);
    QAbstractItemModelTester tester(w.allocationView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy opened(&w, &MainWindow::sessionOpened);
    w.openSession(first);
    QVERIFY(opened.wait(10000));
    Session* s = w.session();
    QVERIFY(s->dump());
    QCOMPARE(QFileInfo(s->dumpPath()).fileName(), QStringLiteral("s01_story_kite.npz"));
    QCOMPARE(int(s->table()->groupCount()), 16);
    QCOMPARE(s->allocation().choice, choice);
    QCOMPARE(QString::fromStdString(s->allocation().allocator), QStringLiteral("edited"));
    QVERIFY(std::abs(s->allocation().predicted - predicted) < 1e-12);
    QCOMPARE(w.allocationView()->request().target, 2.5);  // the controls follow the reopened allocation
    QVERIFY(s->verified().has_value());
    QVERIFY(s->verified()->outputError.has_value());
    QVERIFY(s->undoStack()->isClean());
    QVERIFY(!w.isWindowModified());
    QCOMPARE(w.allocationView()->model()->rowCount(), 16);
    QCOMPARE(w.sensitivityView()->model()->rowCount(), 16);  // the table shows in the Sensitivity view
    QCOMPARE(w.views()->currentWidget(), static_cast<QWidget*>(w.allocationView()));
    // Save → load → save is byte-identical.
    QVERIFY(w.saveSessionTo(second));
    QCOMPARE(readAll(second), json);
    // The reopened allocation is editable with undo.
    const int other = (s->choice(1) + 1) % int(s->table()->entryCount());
    QVERIFY(w.allocationView()->model()->setData(w.allocationView()->model()->index(1, AllocationModel::Setting), other));
    QCOMPARE(s->undoStack()->count(), 1);
  }

  void openingAMissingSessionFails() {
    MainWindow w;
    w.setAskToSave(false);
    QSignalSpy failed(&w, &MainWindow::sessionFailed);
    w.openSession(QStringLiteral("/nonexistent/x.vqalloc.json"));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().at(1).toString().contains(QLatin1String("x.vqalloc.json")));
    QVERIFY(!w.session()->table());
  }

  void exportsEveryFormat() {
    QTemporaryDir dir;
    MainWindow w;
    w.setAskToSave(false);
    w.resize(1300, 800);
    w.show();
    prepare(w);
    if (QTest::currentTestFailed()) return;
    SessionFiles* files = w.sessionFiles();
    for (const io::ExportFormat f : io::allExportFormats()) {
      const QString name = QString::fromUtf8(io::exportFormatName(f).data());
      const QString path = dir.filePath(name + QLatin1Char('.') + SessionFiles::formatSuffix(f));
      QStringList approximations;
      QString error;
      QVERIFY2(files->exportAllocation(f, path, &approximations, &error), qPrintable(name + QStringLiteral(": ") + error));
      QVERIFY2(readAll(path).trimmed().size() > 2, qPrintable(name));
    }
    QVERIFY(readAll(dir.filePath(QStringLiteral("vllm.json"))).contains("kv_cache_dtype"));
    QVERIFY(readAll(dir.filePath(QStringLiteral("veloxquant-list.json"))).startsWith("["));
    QVERIFY(readAll(dir.filePath(QStringLiteral("llamacpp.txt"))).contains("--cache-type-k"));
    // CSV of the allocation table: header + one line per group.
    const QString csv = dir.filePath(QStringLiteral("allocation.csv"));
    QString error;
    QVERIFY(SessionFiles::exportCsv(w.allocationView()->tableView()->model(), csv, &error));
    QCOMPARE(readAll(csv).count('\n'), 17);
    QVERIFY(readAll(csv).startsWith("Group,Layer,Head,K/V,Setting"));
    // Charts as PNG and SVG.
    w.showView(MainWindow::Allocation);
    const QString png = dir.filePath(QStringLiteral("allocation.png"));
    const QString svg = dir.filePath(QStringLiteral("allocation.svg"));
    QVERIFY(w.allocationView()->chartView()->savePng(png, &error));
    QVERIFY(w.allocationView()->chartView()->saveSvg(svg, &error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(test::distinctColours(image) > 20);
    const QByteArray svgText = readAll(svg);
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("<path") || svgText.contains("<rect"));
    // No temporaries are left behind by the atomic writers.
    for (const QString& f : QDir(dir.path()).entryList(QDir::Files)) QVERIFY2(!f.contains(QLatin1String(".tmp")), qPrintable(f));
  }
};

QTEST_MAIN(TestSessionFiles)
#include "tst_session_files.moc"
