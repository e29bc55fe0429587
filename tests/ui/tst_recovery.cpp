// Nothing the user made is lost: a malformed file gives an error dialog naming the file and the
// problem while the open dump stays open and usable; an edited, unsaved allocation is autosaved
// and offered back by the next main window (restore or discard); a clean save or undoing every
// edit removes the autosave.
#include <QAbstractButton>
#include <QCoreApplication>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "core/alloc/allocator.h"
#include "core/calib/calibrator.h"
#include "core/common/thread_pool.h"
#include "ui/commands/set_group_choice_command.h"
#include "ui/main_window/main_window.h"
#include "ui/session/autosave.h"
#include "ui/session/session.h"

using vq::ui::Autosave;
using vq::ui::MainWindow;

namespace {

const QString kSample = QStringLiteral(VQ_SAMPLES_DIR "/s01_story_kite.npz");

QMessageBox* visibleBox(QWidget& w, const QString& name = {}) {
  for (QMessageBox* b : w.findChildren<QMessageBox*>())
    if (b->isVisible() && (name.isEmpty() || b->objectName() == name)) return b;
  return nullptr;
}

bool loadSample(MainWindow& w) {
  QSignalSpy loaded(&w, &MainWindow::dumpLoaded);
  w.openDump(kSample);
  return loaded.wait(20000);
}

// A calibration and an allocation in the session, as after a calibration run (no undo step).
void calibrateAndAllocate(MainWindow& w) {
  auto backend = vq::makeCpuBackend(vq::defaultThreadPool());
  auto table = std::make_shared<const vq::calib::CalibrationTable>(
      vq::calib::calibrate(*w.currentDump(), vq::calib::CalibrationOptions{}, *backend));
  w.session()->setTable(table);
  vq::alloc::AllocationRequest request;
  request.target = 2.5;
  w.session()->setAllocation(vq::alloc::allocate(*table, request, vq::alloc::AllocatorKind::Optimal));
}

// Two edits of the allocation through the undo stack.
void editTwoGroups(MainWindow& w) {
  auto* s = w.session();
  const int entries = int(s->table()->entryCount());
  for (int g : {0, 3}) s->undoStack()->push(new vq::ui::SetGroupChoiceCommand(s, g, (s->choice(g) + 1) % entries));
}

}  // namespace

class TestRecovery : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    // An application data folder of its own: suites running beside this one close main windows,
    // and a normal close deletes the autosave.
    QCoreApplication::setApplicationName(QStringLiteral("veloxquant-recovery-test"));
    QStandardPaths::setTestModeEnabled(true);
    Autosave::discardRecovery();
  }
  void cleanup() { Autosave::discardRecovery(); }

  void malformedFileShowsAnErrorAndKeepsTheDump() {
    MainWindow w;
    w.setAskToSave(false);
    w.show();
    QVERIFY(loadSample(w));
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("broken.safetensors"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\xff\xff\xff\xff\x00\x00\x00\x00{\"x\":", 13));  // header length beyond the file
    f.close();
    QSignalSpy failed(&w, &MainWindow::dumpFailed);
    w.openDump(bad);
    QVERIFY(failed.wait(20000));
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = visibleBox(w)) != nullptr);
    QVERIFY2(box->text().contains(QLatin1String("broken.safetensors")), qPrintable(box->text()));
    QCOMPARE(box->text(), failed.first().at(1).toString());
    QVERIFY2(box->text().length() > QStringLiteral("broken.safetensors").length() + 20, qPrintable(box->text()));
    box->close();
    // The sample is still open and usable.
    const auto dump = w.currentDump();
    QVERIFY(dump);
    QCOMPARE(w.session()->dumpPath(), kSample);
    QCOMPARE(dump->numLayers(), 2);
    QCOMPARE(int(dump->readHead(1, vq::Role::V, 3).rows()), 97);
    // A malformed session file: the same, for sessions.
    const QString badSession = dir.filePath(QStringLiteral("broken.vqalloc.json"));
    QFile s(badSession);
    QVERIFY(s.open(QIODevice::WriteOnly));
    s.write("{\"schema\": \"veloxquant.allocation\", \"version\": ");
    s.close();
    QSignalSpy sessionFailed(&w, &MainWindow::sessionFailed);
    w.openSession(badSession);
    QVERIFY(sessionFailed.wait(20000));
    QTRY_VERIFY((box = visibleBox(w)) != nullptr);
    QVERIFY2(box->text().contains(QLatin1String("broken.vqalloc.json")), qPrintable(box->text()));
    box->close();
    QVERIFY(w.currentDump() == dump);
  }

  void editedAllocationIsAutosavedAndRestored() {
    MainWindow w;
    w.setAskToSave(false);
    QVERIFY(loadSample(w));
    calibrateAndAllocate(w);
    QVERIFY(!Autosave::hasRecovery());  // nothing edited yet
    w.autosave()->setDelay(50);
    QSignalSpy saved(w.autosave(), &Autosave::saved);
    editTwoGroups(w);
    QVERIFY(saved.wait(10000));
    QTest::qWait(200);
    QCOMPARE(saved.count(), 1);  // debounced: two edits, one write
    QVERIFY(Autosave::hasRecovery());
    const std::vector<int> edited = w.session()->allocation().choice;

    // The next start (a crash left the file): the new window offers it back.
    MainWindow next;
    next.setAskToSave(false);
    next.show();
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = visibleBox(next, QStringLiteral("RecoveryBox"))) != nullptr);
    QSignalSpy opened(&next, &MainWindow::sessionOpened);
    box->findChild<QAbstractButton*>(QStringLiteral("RestoreButton"))->click();
    QVERIFY(opened.wait(20000));
    QVERIFY(next.currentDump());
    QCOMPARE(next.session()->dumpPath(), kSample);
    QVERIFY(next.session()->hasAllocation());
    QVERIFY(next.session()->allocation().choice == edited);
    QVERIFY(!next.session()->undoStack()->isClean());  // still unsaved work
    QVERIFY(next.isWindowModified());
    QVERIFY(next.session()->filePath().isEmpty());  // Save asks where, never over the autosave
  }

  void discardDeletesTheAutosave() {
    {
      MainWindow w;
      w.setAskToSave(false);
      QVERIFY(loadSample(w));
      calibrateAndAllocate(w);
      editTwoGroups(w);
      QVERIFY(w.autosave()->saveNow());
      QVERIFY(Autosave::hasRecovery());
    }  // destroyed without a close: as after a crash
    MainWindow next;
    next.setAskToSave(false);
    next.show();
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = visibleBox(next, QStringLiteral("RecoveryBox"))) != nullptr);
    box->findChild<QAbstractButton*>(QStringLiteral("DiscardButton"))->click();
    QVERIFY(!Autosave::hasRecovery());
    QVERIFY(!next.session()->hasAllocation());
  }

  void cleanSaveAndUndoingEverythingDeleteTheAutosave() {
    MainWindow w;
    w.setAskToSave(false);
    QVERIFY(loadSample(w));
    calibrateAndAllocate(w);
    editTwoGroups(w);
    QVERIFY(w.autosave()->saveNow());
    QVERIFY(Autosave::hasRecovery());
    QTemporaryDir dir;
    QVERIFY(w.saveSessionTo(dir.filePath(QStringLiteral("s.vqalloc.json"))));
    QVERIFY(!Autosave::hasRecovery());

    editTwoGroups(w);
    QVERIFY(w.autosave()->saveNow());
    QVERIFY(Autosave::hasRecovery());
    w.session()->undoStack()->undo();
    w.session()->undoStack()->undo();  // back at the saved state
    QVERIFY(w.session()->undoStack()->isClean());
    QVERIFY(!Autosave::hasRecovery());
  }
};

QTEST_MAIN(TestRecovery)
#include "tst_recovery.moc"
