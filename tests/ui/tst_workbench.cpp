// The workbench around the views: Edit ▸ Preferences, the Jobs dock, chart interactions (legend
// toggles, crosshair readout, wheel zoom), remembered splitters, multi-row edits in the
// Allocation table as one undo step, allocation options restored from a session file, and the
// Sensitivity view's "at" entries before any calibration.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QMenu>
#include <QMimeData>
#include <QUrl>
#include <QItemSelectionModel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QValueAxis>
#include <QWheelEvent>
#include <chrono>
#include <thread>

#include "core/common/thread_pool.h"
#include "ui/charts/chart_view.h"
#include "ui/common/table_view.h"
#include "ui/dataset/dataset_panel.h"
#include "ui/jobs/job_log_model.h"
#include "ui/jobs/job_runner.h"
#include "ui/jobs/jobs_dock.h"
#include "ui/main_window/main_window.h"
#include "ui/models/allocation_model.h"
#include "ui/preferences/preferences_dialog.h"
#include "ui/session/session.h"
#include "ui/settings/settings.h"
#include "ui/theme/theme.h"
#include "ui/views/allocation_view.h"
#include "ui/views/sensitivity_view.h"
#include "calibrated_window.h"
#include "test_support.h"

using namespace vq;
using namespace vq::ui;

namespace {

gpu::DeviceList twoDevices() {
  gpu::DeviceList list;
  gpu::DeviceInfo a;
  a.index = 0;
  a.name = "Test Discrete GPU";
  a.type = gpu::DeviceType::Discrete;
  gpu::DeviceInfo b;
  b.index = 1;
  b.name = "llvmpipe";
  b.type = gpu::DeviceType::Cpu;
  list.devices = {a, b};
  return list;
}

// A job that runs until cancelled (polling its stop token), or for `ms` when ms > 0.
QFuture<int> startSpin(JobRunner& runner, const QString& title, int ms = 0) {
  return runner.start<int>(title, [ms](QPromise<int>&, const Progress& p) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (ms <= 0 || std::chrono::steady_clock::now() < until) {
      p.checkCancelled();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
}

// Saves a grab of `w` as <name>.png under $VQ_GRAB_DIR (default: <temp>/vq-grabs) to look at.
void saveGrab(QWidget* w, const QString& name) {
  const QString dir = qEnvironmentVariableIsSet("VQ_GRAB_DIR") ? qEnvironmentVariable("VQ_GRAB_DIR")
                                                                : QDir::temp().filePath(QStringLiteral("vq-grabs"));
  QDir().mkpath(dir);
  const QImage image = w->grab().toImage();
  QVERIFY(test::distinctColours(image) > 10);  // painted, not blank
  QVERIFY(image.save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

// A float32 .npy file of shape [heads, tokens, dim] holding `values`.
void writeNpy(const QString& path, int heads, int tokens, int dim, const std::vector<float>& values) {
  QByteArray header = QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1, %2, %3), }")
                          .arg(heads).arg(tokens).arg(dim).toLatin1();
  while ((10 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  QByteArray bytes("\x93NUMPY\x01\x00", 8);
  bytes += char(header.size() & 0xff);
  bytes += char(header.size() >> 8);
  bytes += header;
  bytes += QByteArray(reinterpret_cast<const char*>(values.data()), qsizetype(values.size() * sizeof(float)));
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  QCOMPARE(f.write(bytes), bytes.size());
}

void drop(QWidget* target, const QString& path) {
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(path)});
  QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(target, &enter);
  QVERIFY(enter.isAccepted());
  QDropEvent event(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(target, &event);
}

void sendWheel(QWidget* viewport, QPoint at, int delta) {
  QWheelEvent e(QPointF(at), QPointF(viewport->mapToGlobal(at)), QPoint(), QPoint(0, delta), Qt::NoButton,
                Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(viewport, &e);
}

}  // namespace

class TestWorkbench : public QObject {
  Q_OBJECT

 private slots:
  void init() { vq::test::discardRecovery(); }
  void initTestCase() {
    vq::test::startFromDefaults();
  }

  // Prints how long the window takes to show with the sample loaded (reported in README; not a
  // timing assertion: it only fails on a hang).
  void windowShownWithTheSample() {
    QElapsedTimer clock;
    clock.start();
    MainWindow w;
    w.setAskToSave(false);
    QSignalSpy loaded(&w, &MainWindow::dumpLoaded);
    w.show();
    w.openPath(test::samplePath());
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
    QCoreApplication::processEvents();  // the panel's facts and tree are painted
    const qint64 ms = clock.elapsed();
    qInfo("window shown with the sample loaded after %lld ms", ms);
    QVERIFY(w.datasetPanel()->factsText().contains(QLatin1String("Layers")));
  }

  void preferencesWriteTheSettings() {
    QCOMPARE(settings::computeBackend(), QStringLiteral("auto"));
    QCOMPARE(settings::computeDevice(), -1);
    QCOMPARE(settings::language(), QString());
    QCOMPARE(settings::workerThreads(), 0);
    {
      PreferencesDialog d(twoDevices());
      QCOMPARE(d.deviceCombo()->count(), 3);  // Automatic + two devices
      QCOMPARE(d.languageCombo()->count(), 4);
      QVERIFY(d.deviceCombo()->isEnabled());
      d.backendCombo()->setCurrentIndex(d.backendCombo()->findData(QStringLiteral("cpu")));
      QVERIFY(!d.deviceCombo()->isEnabled());  // no device to choose for the CPU backend
      d.backendCombo()->setCurrentIndex(d.backendCombo()->findData(QStringLiteral("vulkan")));
      QVERIFY(d.deviceCombo()->isEnabled());
      d.deviceCombo()->setCurrentIndex(d.deviceCombo()->findData(1));
      d.languageCombo()->setCurrentIndex(d.languageCombo()->findData(QStringLiteral("zh_CN")));
      d.themeCombo()->setCurrentIndex(d.themeCombo()->findData(QStringLiteral("dark")));
      d.threadsSpin()->setValue(3);
      // OK through the button box, as a user would.
      auto* box = d.findChild<QDialogButtonBox*>();
      QVERIFY(box);
      QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
      QCOMPARE(d.result(), int(QDialog::Accepted));
    }
    QCOMPARE(settings::computeBackend(), QStringLiteral("vulkan"));
    QCOMPARE(settings::computeDevice(), 1);
    QCOMPARE(settings::language(), QStringLiteral("zh_CN"));
    QCOMPARE(settings::theme(), QStringLiteral("dark"));
    QVERIFY(ThemeManager::instance().isDark());
    QCOMPARE(settings::workerThreads(), 3);
    QCOMPARE(defaultThreadPool().size(), 3);

    // Reopened, the dialog shows what is stored; a device absent now keeps its entry.
    settings::setComputeDevice(5);
    {
      PreferencesDialog d(twoDevices());
      QCOMPARE(d.backendCombo()->currentData().toString(), QStringLiteral("vulkan"));
      QCOMPARE(d.deviceCombo()->currentData().toInt(), 5);
      QCOMPARE(d.languageCombo()->currentData().toString(), QStringLiteral("zh_CN"));
      QCOMPARE(d.threadsSpin()->value(), 3);
      // Cancel changes nothing; Restore Defaults + OK goes back to the defaults.
      d.backendCombo()->setCurrentIndex(d.backendCombo()->findData(QStringLiteral("cpu")));
      d.reject();
    }
    QCOMPARE(settings::computeBackend(), QStringLiteral("vulkan"));
    {
      PreferencesDialog d(gpu::DeviceList{{}, "no Vulkan loader"});
      QCOMPARE(d.deviceCombo()->count(), 2);  // Automatic + the stored device 5 (not found)
      d.restoreDefaults();
      d.apply();
    }
    QCOMPARE(settings::computeBackend(), QStringLiteral("auto"));
    QCOMPARE(settings::computeDevice(), -1);
    QCOMPARE(settings::language(), QString());
    QCOMPARE(settings::theme(), QStringLiteral("system"));
    QCOMPARE(settings::workerThreads(), 0);
    QCOMPARE(defaultThreadPool().size(), ThreadPool::defaultThreadCount());
    // Unknown stored values read as the defaults.
    QSettings().setValue(QStringLiteral("compute/backend"), QStringLiteral("cuda"));
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("xx"));
    QCOMPARE(settings::computeBackend(), QStringLiteral("auto"));
    QCOMPARE(settings::language(), QString());

    // The main window's Edit menu opens it with the standard shortcut.
    MainWindow w;
    w.setAskToSave(false);
    w.show();
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_Comma, Qt::ControlModifier);
    PreferencesDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = w.findChild<PreferencesDialog*>()) != nullptr);
    QVERIFY(dialog->isVisible());
    saveGrab(dialog, QStringLiteral("preferences"));
    dialog->reject();
  }

  void jobsDockLogsRuns() {
    JobsDock dock;
    QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    JobRunner runner;
    dock.track(&runner);
    dock.resize(600, 250);
    dock.show();

    QSignalSpy done(&runner, &JobRunner::succeeded);
    startSpin(runner, QStringLiteral("Short job"), 30);
    QCOMPARE(dock.model()->rowCount(), 1);
    QCOMPARE(dock.model()->state(0), JobLogModel::State::Running);
    QVERIFY(dock.cancelButton()->isEnabled());
    QVERIFY(done.wait(5000));
    QCOMPARE(dock.model()->state(0), JobLogModel::State::Done);
    QCOMPARE(dock.model()->index(0, JobLogModel::Outcome).data().toString(), QStringLiteral("done"));
    QVERIFY(dock.model()->index(0, JobLogModel::Duration).data(Qt::EditRole).toDouble() >= 0.02);
    QVERIFY(!dock.cancelButton()->isEnabled());

    QSignalSpy cancelled(&runner, &JobRunner::cancelled);
    startSpin(runner, QStringLiteral("Endless job"));
    QTRY_VERIFY(dock.cancelButton()->isEnabled());
    QTest::mouseClick(dock.cancelButton(), Qt::LeftButton);  // nothing selected: cancels the running one
    QVERIFY(cancelled.wait(5000));
    QCOMPARE(dock.model()->state(1), JobLogModel::State::Cancelled);

    QSignalSpy failed(&runner, &JobRunner::failed);
    runner.start<int>(QStringLiteral("Failing job"), [](QPromise<int>&, const Progress&) {
      throw Error(ErrorCode::InvalidArgument, "bad input");
    });
    QVERIFY(failed.wait(5000));
    QCOMPARE(dock.model()->state(2), JobLogModel::State::Failed);
    QVERIFY(dock.model()->index(2, JobLogModel::Outcome).data().toString().contains(QLatin1String("bad input")));
    QCOMPARE(dock.model()->index(2, JobLogModel::Job).data().toString(), QStringLiteral("Failing job"));
    saveGrab(&dock, QStringLiteral("jobs_dock"));
    dock.model()->clearFinished();
    QCOMPARE(dock.model()->rowCount(), 0);

    // In the main window: View ▸ Jobs toggles the dock, which logs the window's jobs.
    MainWindow w;
    w.setAskToSave(false);
    w.show();
    QVERIFY(w.jobsDock());
    QVERIFY(!w.jobsDock()->isVisible());
    w.jobsDock()->toggleViewAction()->trigger();
    QVERIFY(w.jobsDock()->isVisible());
    QSignalSpy loaded(&w, &MainWindow::dumpLoaded);
    w.openDump(test::samplePath());
    QVERIFY(loaded.wait(10000));
    QTRY_VERIFY(w.jobsDock()->model()->rowCount() >= 1);
    const int last = w.jobsDock()->model()->rowCount() - 1;
    QTRY_COMPARE(w.jobsDock()->model()->state(last), JobLogModel::State::Done);
    QVERIFY(w.jobsDock()->model()->index(last, JobLogModel::Job).data().toString().contains(QLatin1String("s01_story_kite")));
  }

  void chartLegendCrosshairAndWheelZoom() {
    ChartView view;
    auto* line = new QLineSeries;
    line->setName(QStringLiteral("line"));
    for (int i = 0; i <= 10; ++i) line->append(i, i * i);
    auto* bars = new QBarSeries;
    auto* set = new QBarSet(QStringLiteral("bars"));
    *set << 1 << 2 << 3;
    bars->append(set);
    view.chart()->addSeries(line);
    view.chart()->addSeries(bars);
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(QStringLiteral("x"));
    view.chart()->addAxis(x, Qt::AlignBottom);
    view.chart()->addAxis(y, Qt::AlignLeft);
    line->attachAxis(x);
    line->attachAxis(y);
    view.setZoomable(true);
    view.resize(640, 420);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // Legend: the line's marker hides and shows the series; the bar set's marker fades the set.
    const auto lineMarkers = view.chart()->legend()->markers(line);
    QCOMPARE(lineMarkers.size(), 1);
    QVERIFY(!view.toggleLegendMarker(lineMarkers.first()));
    QVERIFY(!line->isVisible());
    QVERIFY(lineMarkers.first()->isVisible());  // still in the legend to bring it back
    QVERIFY(view.toggleLegendMarker(lineMarkers.first()));
    QVERIFY(line->isVisible());
    const auto barMarkers = view.chart()->legend()->markers(bars);
    QCOMPARE(barMarkers.size(), 1);
    const QColor before = set->color();
    QVERIFY(!view.toggleLegendMarker(barMarkers.first()));
    QCOMPARE(set->color().alpha(), 0);
    QVERIFY(view.isLegendEntryHidden(barMarkers.first()));
    QVERIFY(view.toggleLegendMarker(barMarkers.first()));
    QCOMPARE(set->color(), before);
    // A real click on a marker (clicked signal) toggles too.
    emit lineMarkers.first()->clicked();  // connected lazily on the first press …
    QVERIFY(line->isVisible());           // … so a bare signal before any press does nothing
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(1, 1));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, QPoint(1, 1));
    emit lineMarkers.first()->clicked();
    QVERIFY(!line->isVisible());
    emit lineMarkers.first()->clicked();
    QVERIFY(line->isVisible());

    // Crosshair: follows the mouse over the plot with the axis values, hides outside.
    const QRectF plot = view.chart()->plotArea();
    const QPoint centre = view.mapFromScene(view.chart()->mapToScene(plot.center()));
    QTest::mouseMove(view.viewport(), centre);
    QTRY_VERIFY(view.crosshairShown());
    QVERIFY2(view.crosshairText().startsWith(QLatin1String("x: 5")), qPrintable(view.crosshairText()));
    saveGrab(&view, QStringLiteral("chart_crosshair"));
    QTest::mouseMove(view.viewport(), QPoint(2, 2));
    QTRY_VERIFY(!view.crosshairShown());

    // Wheel: zooms in about the cursor (the value under it stays), Ctrl+0 resets.
    const double xBefore = view.chart()->mapToValue(plot.center(), line).x();
    sendWheel(view.viewport(), centre, 240);
    QVERIFY(view.isZoomed());
    QVERIFY(x->max() - x->min() < 10.0 * 0.7);
    QVERIFY(std::abs(view.chart()->mapToValue(plot.center(), line).x() - xBefore) < 0.2);
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(!view.isZoomed());
    QCOMPARE(x->max() - x->min(), 10.0);
  }

  void dropFilesAndFoldersWarningsAndRecent() {
    // A folder of .npy tensors without queries, holding one NaN and two Inf values.
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("nanfolder"));
    QVERIFY(QDir().mkpath(folder));
    std::vector<float> k(2 * 8 * 4), v(2 * 8 * 4);
    for (size_t i = 0; i < k.size(); ++i) {
      k[i] = float(i % 7) * 0.25f - 0.5f;
      v[i] = float(i % 5) * 0.5f - 1.0f;
    }
    k[5] = std::numeric_limits<float>::quiet_NaN();
    v[9] = std::numeric_limits<float>::infinity();
    v[10] = -std::numeric_limits<float>::infinity();
    writeNpy(folder + QStringLiteral("/layer_0.k.npy"), 2, 8, 4, k);
    writeNpy(folder + QStringLiteral("/layer_0.v.npy"), 2, 8, 4, v);
    if (QTest::currentTestFailed()) return;

    MainWindow w;
    w.setAskToSave(false);
    w.show();
    QSignalSpy loaded(&w, &MainWindow::dumpLoaded);
    drop(&w, folder);  // a folder dropped on the window opens as one dump
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.last().first().toString(), folder);
    QVERIFY(w.datasetPanel()->warningsText().contains(QLatin1String("no queries")));
    QTRY_VERIFY_WITH_TIMEOUT(w.datasetPanel()->warningsText().contains(QLatin1String("Non-finite")), 10000);
    const QString warnings = w.datasetPanel()->warningsText();
    QVERIFY2(warnings.contains(QLatin1String("1 NaN and 2 Inf")), qPrintable(warnings));
    QVERIFY(warnings.contains(QLatin1String("L0 k")) && warnings.contains(QLatin1String("L0 v")));
    w.showView(-1);
    saveGrab(w.datasetPanel(), QStringLiteral("dataset_warnings"));

    // A file dropped next: the sample replaces the folder, and its warnings go with it.
    drop(&w, test::samplePath());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.last().first().toString(), test::samplePath());
    QTRY_VERIFY(!w.datasetPanel()->scanRunner()->isBusy());
    QVERIFY(!w.datasetPanel()->warningsText().contains(QLatin1String("Non-finite")));

    // Open Recent keeps the last ten, newest first.
    for (int i = 0; i < 12; ++i) settings::addRecentFile(dir.filePath(QStringLiteral("d%1.npz").arg(i)));
    const QStringList recent = settings::recentFiles();
    QCOMPARE(recent.size(), 10);
    QCOMPARE(QFileInfo(recent.first()).fileName(), QStringLiteral("d11.npz"));
    QCOMPARE(QFileInfo(recent.last()).fileName(), QStringLiteral("d2.npz"));
  }

  void splittersAreRemembered() {
    QList<int> sizes;
    {
      MainWindow w;
      w.setAskToSave(false);
      w.resize(1200, 800);
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      w.showView(MainWindow::Allocation);
      auto* split = w.allocationView()->findChild<QSplitter*>();
      QVERIFY(split);
      QCOMPARE(split->count(), 2);
      const int total = split->sizes()[0] + split->sizes()[1];
      split->setSizes({total / 4, total - total / 4});
      emit split->splitterMoved(total / 4, 1);  // what a drag of the handle emits
      sizes = split->sizes();
    }
    MainWindow w;
    w.setAskToSave(false);
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showView(MainWindow::Allocation);
    auto* split = w.allocationView()->findChild<QSplitter*>();
    QTRY_COMPARE(split->sizes(), sizes);
  }

  void sensitivityEntriesBeforeCalibration() {
    MainWindow w;
    w.setAskToSave(false);
    SensitivityView* v = w.sensitivityView();
    v->setOptions(calib::Probe::Empirical, QStringLiteral("turboquant_mse"), QStringLiteral("1,2,3,4"),
                  calib::Granularity::Head, calib::KvMode::Separate, 256);
    QVERIFY(!w.session()->table());
    QCOMPARE(v->entryCombo()->count(), 4);
    QVERIFY(v->entryCombo()->currentText().contains(QLatin1Char('2')));  // 2 bits: the usual first look
    v->setOptions(calib::Probe::Empirical, QStringLiteral("turboquant_mse"), QStringLiteral("2,x"),
                  calib::Granularity::Head, calib::KvMode::Separate, 256);
    QCOMPARE(v->entryCombo()->count(), 0);  // no valid menu: empty with a hint
    QVERIFY(v->entryCombo()->toolTip().contains(QLatin1String("not valid")));
  }

  void multiRowEditIsOneUndoStepAndSessionKeepsOptions() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("opts.vqalloc.json"));
    std::vector<int> choice;
    {
      MainWindow w;
      w.setAskToSave(false);
      w.resize(1300, 800);
      w.show();
      test::openAndCalibrate(w);
      if (QTest::currentTestFailed()) return;
      AllocationView* view = w.allocationView();
      QAbstractItemModelTester tester(view->table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
      // Layer 0 pinned at 4 bits leaves layer 1's four K groups ≤ 3 bits and V groups 1 bit.
      view->setTarget(3.0);
      view->setProtectedLayers(1, 0);
      view->setSeparateBudgets(true, 3.5, 2.5);
      QSignalSpy done(view->runner(), &JobRunner::succeeded);
      QSignalSpy failed(view->runner(), &JobRunner::failed);
      view->solve(alloc::AllocatorKind::Optimal);
      QVERIFY2(done.wait(20000), failed.isEmpty() ? "no answer" : qPrintable(failed.first().first().toString()));
      Session* s = w.session();
      const int before = s->undoStack()->count();
      const std::vector<int> solved = s->allocation().choice;

      // Select three rows and edit one of them through the delegate: all three change, one step.
      QItemSelectionModel* sel = view->table()->selectionModel();
      QAbstractItemModel* proxy = view->table()->model();
      sel->clearSelection();
      for (int row : {3, 5, 9})
        sel->select(proxy->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
      QCOMPARE(view->selectedGroups().size(), size_t(3));
      int target = 0;
      while (target == solved[size_t(view->selectedGroups()[0])]) ++target;
      view->setSelectedChoice(target);
      QCOMPARE(s->undoStack()->count(), before + 1);
      for (int g : view->selectedGroups()) QCOMPARE(s->choice(g), target);
      QVERIFY(w.isWindowModified());
      s->undoStack()->undo();
      QCOMPARE(s->allocation().choice, solved);
      s->undoStack()->undo();  // back before the solve: the calibration itself is still unsaved
      QVERIFY(w.isWindowModified());
      s->undoStack()->redo();
      s->undoStack()->redo();
      const std::vector<int> groups = {3, 5, 9};  // the proxy is unsorted: rows are groups
      for (int g : groups) QCOMPARE(s->choice(g), target);
      // Through the table's editor (F2 on the current row keeps the selection); the undo of the
      // solve reset the model, so select again.
      const QModelIndex edit = proxy->index(3, AllocationModel::Setting);
      view->table()->setCurrentIndex(edit);
      for (int row : {3, 5, 9})
        sel->select(proxy->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
      view->table()->edit(edit);
      auto* spin = view->table()->viewport()->findChild<QSpinBox*>();
      QVERIFY(spin);
      const int next = (target + 1) % int(s->table()->entryCount());
      spin->setValue(next);
      QTest::keyClick(spin, Qt::Key_Return);
      QTRY_COMPARE(s->undoStack()->count(), before + 2);  // the delegate commits on a queued call
      QCOMPARE(view->selectedGroups(), groups);
      for (int g : groups) QCOMPARE(s->choice(g), next);

      // Solve again so the saved allocation carries the request with its options.
      view->solve(alloc::AllocatorKind::Optimal);
      QVERIFY(done.wait(20000));
      choice = s->allocation().choice;
      QVERIFY(w.saveSessionTo(path));
    }
    // Other control values in the settings: the reopened session must win.
    settings::setViewOption(QStringLiteral("allocation"), QStringLiteral("first"), 0);
    settings::setViewOption(QStringLiteral("allocation"), QStringLiteral("last"), 2);
    MainWindow w;
    w.setAskToSave(false);
    QSignalSpy opened(&w, &MainWindow::sessionOpened);
    w.openSession(path);
    QVERIFY(opened.wait(15000));
    QCOMPARE(w.session()->allocation().choice, choice);
    const alloc::AllocationRequest r = w.allocationView()->request();
    QCOMPARE(r.target, 3.0);
    QCOMPARE(QString::fromStdString(alloc::formatGroupRules(r.rules)), QStringLiteral("first:1"));
    QVERIFY(r.targetK && r.targetV);
    QCOMPARE(*r.targetK, 3.5);
    QCOMPARE(*r.targetV, 2.5);
  }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
