// End to end on the main window: open the sample → calibrate → allocate (optimal) → edit bars
// through the chart gesture and through the table model → undo/redo (model and widgets) → verify.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include "core/alloc/allocator.h"
#include "ui/charts/chart_view.h"
#include "ui/charts/group_bar_chart.h"
#include "ui/common/table_view.h"
#include "ui/jobs/job_runner.h"
#include "ui/main_window/main_window.h"
#include "ui/models/allocation_model.h"
#include "ui/session/session.h"
#include "ui/views/allocation_chart.h"
#include "ui/views/allocation_view.h"
#include "ui/views/sensitivity_view.h"
#include "calibrated_window.h"
#include "test_support.h"

using namespace vq;
using namespace vq::ui;

class TestAllocationView : public QObject {
  Q_OBJECT

 private slots:
  void init() { vq::test::discardRecovery(); }
  void initTestCase() {
    vq::test::startFromDefaults();
  }

  void calibrateAllocateEditUndoRedoVerify() {
    MainWindow w;
    w.setAskToSave(false);
    w.resize(1300, 800);
    w.show();
    AllocationView* view = w.allocationView();
    AllocationModel* model = view->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(view->table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    test::openAndCalibrate(w);
    if (QTest::currentTestFailed()) return;
    Session* s = w.session();
    QVERIFY(s->hasAllocation());  // the uniform baseline
    QCOMPARE(QString::fromStdString(s->allocation().allocator), QStringLiteral("uniform"));
    QCOMPARE(model->rowCount(), 16);
    QCOMPARE(s->undoStack()->count(), 0);

    // Optimal at 2.0 bits: one undo step, within budget, no worse than uniform.
    w.showView(MainWindow::Allocation);
    view->setTarget(2.0);
    const double uniformPredicted = s->allocation().predicted;
    QSignalSpy solved(view->runner(), &JobRunner::succeeded);
    view->solve(alloc::AllocatorKind::Optimal);
    QVERIFY(solved.wait(10000));
    QCOMPARE(QString::fromStdString(s->allocation().allocator), QStringLiteral("optimal"));
    QCOMPARE(s->undoStack()->count(), 1);
    QVERIFY(s->allocation().achieved <= 2.0 + 1e-12);
    QVERIFY(s->allocation().predicted <= uniformPredicted + 1e-15);
    QVERIFY(w.isWindowModified());
    QVERIFY(view->summaryText().contains(QLatin1String("optimal")));
    const std::vector<int> optimal = s->allocation().choice;

    // Drag a bar: one gesture over several entries is one undo step.
    AllocationChart* chart = view->chart();
    QCOMPARE(chart->bars()->barCount(), 16);
    const int row = 0;
    const int before = s->choice(row);
    const int top = int(s->table()->entryCount()) - 1;
    QVERIFY(chart->beginDrag(row));
    chart->dragTo(1.0);
    chart->dragTo(3.0);
    chart->dragTo(4.0);
    chart->endDrag();
    QCOMPARE(s->choice(row), top);
    QCOMPARE(s->undoStack()->count(), 2);
    QCOMPARE(QString::fromStdString(s->allocation().allocator), QStringLiteral("edited"));
    QCOMPARE(model->index(row, AllocationModel::Setting).data(AllocationModel::EntryRole).toInt(), top);
    QCOMPARE(chart->bars()->valueOf(row), 4.0);

    // Edit through the table model: another step.
    const int row2 = 5;
    const int before2 = s->choice(row2);
    const int next2 = before2 == 0 ? 1 : 0;
    QVERIFY(model->setData(model->index(row2, AllocationModel::Setting), next2));
    QCOMPARE(s->choice(row2), next2);
    QCOMPARE(s->undoStack()->count(), 3);
    QCOMPARE(chart->bars()->valueOf(row2), double(s->table()->menu[size_t(next2)].bits));

    // Undo both edits: model, chart and summary follow.
    s->undoStack()->undo();
    QCOMPARE(s->choice(row2), before2);
    QCOMPARE(chart->bars()->valueOf(row2), double(s->table()->menu[size_t(before2)].bits));
    s->undoStack()->undo();
    QCOMPARE(s->choice(row), before);
    QCOMPARE(model->index(row, AllocationModel::Setting).data(AllocationModel::EntryRole).toInt(), before);
    QCOMPARE(s->allocation().choice, optimal);
    QCOMPARE(QString::fromStdString(s->allocation().allocator), QStringLiteral("optimal"));
    // Redo again.
    s->undoStack()->redo();
    QCOMPARE(s->choice(row), top);
    QCOMPARE(chart->bars()->valueOf(row), 4.0);
    s->undoStack()->undo();
    // Undo the solve: back to the uniform baseline. Still modified: the calibration itself is
    // unsaved, so no undo reaches a clean state before the session is saved.
    s->undoStack()->undo();
    QCOMPARE(QString::fromStdString(s->allocation().allocator), QStringLiteral("uniform"));
    QVERIFY(!s->undoStack()->canUndo());
    QVERIFY(!s->undoStack()->isClean());
    QVERIFY(w.isWindowModified());
    s->undoStack()->redo();
    QCOMPARE(s->allocation().choice, optimal);

    // Verify: measured values arrive and are shown.
    QSignalSpy verified(s, &Session::verifiedChanged);
    QSignalSpy done(view->runner(), &JobRunner::succeeded);
    view->verify();
    QVERIFY(done.wait(30000));
    QVERIFY(s->verified().has_value());
    QVERIFY(s->verified()->outputError.has_value());
    QVERIFY(*s->verified()->outputError > 0);
    QVERIFY(!std::isnan(model->index(0, AllocationModel::Measured).data(AllocationModel::SortRole).toDouble()));
    // An edit drops the measurement.
    QVERIFY(model->setData(model->index(3, AllocationModel::Setting), 3));
    QVERIFY(!s->verified().has_value());
  }

  void pinsAndSeparateBudgets() {
    MainWindow w;
    w.setAskToSave(false);
    test::openAndCalibrate(w);
    if (QTest::currentTestFailed()) return;
    Session* s = w.session();
    AllocationView* view = w.allocationView();
    QSignalSpy done(view->runner(), &JobRunner::succeeded);
    // Protect the first layer: its groups take the menu's highest setting.
    view->setTarget(2.5);
    view->setProtectedLayers(1, 0);
    view->solve(alloc::AllocatorKind::Optimal);
    QVERIFY(done.wait(10000));
    const int top = int(s->table()->entryCount()) - 1;
    for (size_t g = 0; g < s->table()->groupCount(); ++g)
      if (s->table()->groups[g].key.layer == 0) {
        QCOMPARE(s->allocation().choice[g], top);
        QVERIFY(s->allocation().pinned[g]);
      }
    QVERIFY(s->allocation().achieved <= 2.5 + 1e-12);
    QCOMPARE(view->model()->index(0, AllocationModel::Pinned).data().toString(), QStringLiteral("pinned"));
    // Separate K and V budgets: keys get more than values.
    view->setProtectedLayers(0, 0);
    view->setSeparateBudgets(true, 3.0, 1.0);
    view->solve(alloc::AllocatorKind::Optimal);
    QVERIFY(done.wait(10000));
    QVERIFY(s->allocation().achievedK.has_value() && s->allocation().achievedV.has_value());
    QVERIFY(*s->allocation().achievedK <= 3.0 + 1e-12);
    QVERIFY(*s->allocation().achievedV <= 1.0 + 1e-12);
    QVERIFY(*s->allocation().achievedK > *s->allocation().achievedV);
    view->setSeparateBudgets(false);
    // An infeasible request is reported, not applied.
    view->setProtectedLayers(2, 0);
    view->setTarget(1.0);
    const auto before = s->allocation().choice;
    QSignalSpy failed(view->runner(), &JobRunner::failed);
    view->solve(alloc::AllocatorKind::Optimal);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::Infeasible);
    QCOMPARE(s->allocation().choice, before);
  }

  void closingAsksAboutUnsavedChanges() {
    MainWindow w;
    test::openAndCalibrate(w);
    if (QTest::currentTestFailed()) return;
    QVERIFY(w.isWindowModified());
    auto answer = [](QMessageBox::StandardButton button) {
      QTimer::singleShot(0, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        box->button(button)->click();
      });
    };
    answer(QMessageBox::Cancel);
    QVERIFY(!w.close());  // cancelled: the window stays
    answer(QMessageBox::Discard);
    QVERIFY(w.close());
  }

  void mouseDragOnTheChart() {
    MainWindow w;
    w.setAskToSave(false);
    w.resize(1300, 800);
    w.show();
    test::openAndCalibrate(w);
    if (QTest::currentTestFailed()) return;
    w.showView(MainWindow::Allocation);
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Session* s = w.session();
    GroupBarChart* bars = w.allocationView()->chart()->bars();
    QWidget* viewport = bars->view()->viewport();
    // Find a point inside the first group's column, then press near the top of the axis.
    QPoint inColumn;
    for (int x = 0; x < viewport->width() && inColumn.isNull(); x += 2)
      for (int y = viewport->height() / 2; y < viewport->height() && inColumn.isNull(); y += 20)
        if (bars->rowAt(QPoint(x, y)) == 0) inColumn = QPoint(x, y);
    QVERIFY(!inColumn.isNull());
    int y4 = -1;
    for (int y = 0; y < viewport->height(); ++y)
      if (std::abs(bars->valueAt(QPoint(inColumn.x(), y)) - 4.0) < 0.2) y4 = y;
    QVERIFY(y4 >= 0);
    const int undoBefore = s->undoStack()->count();
    QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(inColumn.x(), y4));
    QCOMPARE(s->choice(0), int(s->table()->entryCount()) - 1);
    // Drag down towards 1 bit and release: still one undo step.
    int y1 = -1;
    for (int y = 0; y < viewport->height(); ++y)
      if (std::abs(bars->valueAt(QPoint(inColumn.x(), y)) - 1.0) < 0.2) y1 = y;
    QMouseEvent move(QEvent::MouseMove, QPointF(inColumn.x(), y1), viewport->mapToGlobal(QPointF(inColumn.x(), y1)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QCOMPARE(s->choice(0), 0);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(inColumn.x(), y1));
    QVERIFY(s->undoStack()->count() <= undoBefore + 1);
  }
};

QTEST_MAIN(TestAllocationView)
#include "tst_allocation_view.moc"
