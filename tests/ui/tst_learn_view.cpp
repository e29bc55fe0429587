// The Learn view on the bundled sample: every control recomputes on the worker and the charts
// follow (codebook size with the bits, attention weights with K/V, the reconstruction with the
// token, the rate–distortion points with the method), superseded requests end on the newest one,
// errors and the empty state say what to do, and the painted view has real content.
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include "test_support.h"
#include "ui/charts/chart_view.h"
#include "ui/common/table_view.h"
#include "ui/learn/learn_view.h"
#include "ui/main_window/main_window.h"
#include "ui/session/session.h"

using vq::ui::ChartView;
using vq::ui::LearnView;
using vq::ui::Session;

namespace {

QXYSeries* series(ChartView* view, const char* name) {
  for (QAbstractSeries* s : view->chart()->series())
    if (s->objectName() == QLatin1String(name)) return qobject_cast<QXYSeries*>(s);
  return nullptr;
}

int count(ChartView* view, const char* name) {
  int n = 0;
  for (QAbstractSeries* s : view->chart()->series()) n += s->objectName() == QLatin1String(name);
  return n;
}

bool settled(const LearnView& v) { return v.isUpToDate() && v.result() != nullptr; }

}  // namespace

class TestLearnView : public QObject {
  Q_OBJECT
 private slots:
  void init() { vq::test::discardRecovery(); }
  void initTestCase() {
    vq::test::startFromDefaults();
  }

  void emptyStateSaysWhatToDo() {
    Session session;
    LearnView view(&session);
    QVERIFY(view.statusLabel()->text().contains(QLatin1String("Open a dump")));
    QVERIFY(!view.tokenSlider()->isEnabled());
    QVERIFY(view.result() == nullptr);
  }

  void controlsDriveTheCharts() {
    Session session;
    LearnView view(&session);
    view.resize(1300, 900);
    view.show();
    session.setDump(vq::test::openSample(), vq::test::samplePath());
    QTRY_VERIFY_WITH_TIMEOUT(settled(view), 20000);
    QCOMPARE(view.methodBox()->currentText(), QStringLiteral("turboquant_mse"));
    QCOMPARE(view.tokenSlider()->value(), 96);  // the last token
    QCOMPARE(view.tokenSlider()->maximum(), 96);
    QCOMPARE(view.headBox()->maximum(), 3);

    // Bits: 2 → 4 centroids on the histogram; 4 → 16 and 15 boundaries.
    view.bitsBox()->setCurrentIndex(view.bitsBox()->findData(2));
    QTRY_VERIFY_WITH_TIMEOUT(settled(view) && view.result()->request.options.method.bits == 2, 20000);
    QCOMPARE(series(view.histogramChart(), "centroids")->count(), 4);
    QCOMPARE(count(view.histogramChart(), "boundary"), 3);
    const double relError2 = view.result()->walkthrough.metrics.headRelMse;
    view.bitsBox()->setCurrentIndex(view.bitsBox()->findData(4));
    QTRY_VERIFY_WITH_TIMEOUT(settled(view) && view.result()->request.options.method.bits == 4, 20000);
    QCOMPARE(series(view.histogramChart(), "centroids")->count(), 16);
    QCOMPARE(count(view.histogramChart(), "boundary"), 15);
    QVERIFY(view.result()->walkthrough.metrics.headRelMse < relError2 / 4);
    // The rate–distortion curve has the method's 4 points and marks the current one at 4 bits.
    QCOMPARE(series(view.rateDistortionChart(), "measured")->count(), 4);
    auto* current = series(view.rateDistortionChart(), "current");
    QCOMPARE(current->count(), 1);
    QCOMPARE(current->at(0), series(view.rateDistortionChart(), "measured")->at(3));

    // Token: the reconstruction chart follows the slider (keyboard, as a user would).
    const QPointF before = series(view.reconstructionChart(), "original")->at(0);
    view.tokenSlider()->setFocus();
    QTest::keyClick(view.tokenSlider(), Qt::Key_Home);
    QTRY_VERIFY_WITH_TIMEOUT(settled(view) && view.result()->request.options.token == 0, 20000);
    QVERIFY(series(view.reconstructionChart(), "original")->at(0) != before);
    QCOMPARE(series(view.attentionChart(), "probs")->count(), 1);  // token 0 reads only itself
    view.tokenSlider()->setValue(60);
    QTRY_VERIFY_WITH_TIMEOUT(settled(view) && view.result()->request.options.token == 60, 20000);
    QCOMPARE(series(view.attentionChart(), "probs")->count(), 61);

    // K vs V: quantized values leave the attention weights unchanged, quantized keys do not.
    view.bitsBox()->setCurrentIndex(view.bitsBox()->findData(2));
    QTRY_VERIFY_WITH_TIMEOUT(settled(view) && view.result()->request.options.method.bits == 2, 20000);
    QVERIFY(series(view.attentionChart(), "probs")->points() != series(view.attentionChart(), "probsHat")->points());
    view.roleBox()->setCurrentIndex(view.roleBox()->findData(int(vq::Role::V)));
    QTRY_VERIFY_WITH_TIMEOUT(settled(view) && view.result()->request.options.role == vq::Role::V, 20000);
    QCOMPARE(series(view.attentionChart(), "probs")->points(), series(view.attentionChart(), "probsHat")->points());

    // Method: prod offers 2..4 on the curve and the QJL toggle; turning it off changes the bytes.
    view.methodBox()->setCurrentIndex(view.methodBox()->findText(QStringLiteral("turboquant_prod")));
    QTRY_VERIFY_WITH_TIMEOUT(settled(view) && view.result()->request.options.method.method == "turboquant_prod", 20000);
    QVERIFY(view.qjlBox()->isEnabled());
    QVERIFY(!view.normCorrectionBox()->isEnabled());
    QCOMPARE(series(view.rateDistortionChart(), "measured")->count(), 3);
    const double withQjl = view.result()->walkthrough.metrics.bytesPerVector;
    view.qjlBox()->click();
    QTRY_VERIFY_WITH_TIMEOUT(settled(view) && !view.result()->request.options.qjlResidual, 20000);
    QVERIFY(view.result()->walkthrough.metrics.bytesPerVector < withQjl);
    QCOMPARE(view.result()->walkthrough.config.method, std::string("turboquant_mse"));

    // Sink tokens: the effects table shows both states, the selected one marked.
    view.sinkBox()->click();
    QTRY_VERIFY_WITH_TIMEOUT(settled(view) && view.result()->request.options.protection.sinkTokens == 4, 20000);
    auto* table = view.tableView()->model();
    bool sawSelectedSink = false;
    for (int r = 0; r < table->rowCount(); ++r)
      sawSelectedSink |= table->index(r, 0).data().toString().contains(QLatin1String("sink")) &&
                         table->index(r, 1).data().toString().contains(QLatin1String("on (selected)"));
    QVERIFY(sawSelectedSink);

    // Painted content: every chart drew something; grab the view for a look.
    const QImage img = view.grab().toImage();
    QVERIFY(vq::test::distinctColours(img) > 60);
    if (const QByteArray dir = qgetenv("VQ_TEST_PNG_DIR"); !dir.isEmpty())
      img.save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("learn_view.png")));
  }

  void newestRequestWins() {
    Session session;
    LearnView view(&session);
    session.setDump(vq::test::openSample(), vq::test::samplePath());
    QTRY_VERIFY_WITH_TIMEOUT(settled(view), 20000);
    for (int t = 10; t < 40; ++t) view.tokenSlider()->setValue(t);
    view.headBox()->setValue(3);
    QTRY_VERIFY_WITH_TIMEOUT(settled(view), 20000);
    QCOMPARE(view.result()->request.options.token, int64_t(39));
    QCOMPARE(view.result()->request.options.kvHead, 3);
    QCOMPARE(view.result()->walkthrough.original.size(), size_t(16));
  }

  void methodThatCannotRunSaysWhy() {
    Session session;
    LearnView view(&session);
    session.setDump(vq::test::openSample(), vq::test::samplePath());
    QTRY_VERIFY_WITH_TIMEOUT(settled(view), 20000);
    view.setMethod(QStringLiteral("turbo3"), 0);  // blocks of 128 values: the sample's rows have 64
    QTRY_VERIFY_WITH_TIMEOUT(view.isUpToDate() && view.statusLabel()->text().contains(QLatin1String("Pick another")),
                             20000);
    QVERIFY2(view.statusLabel()->text().contains(QLatin1String("128")), qPrintable(view.statusLabel()->text()));
  }

  void isATabOfTheMainWindow() {
    vq::ui::MainWindow w;
    w.setAskToSave(false);
    QCOMPARE(w.views()->tabText(vq::ui::MainWindow::Learn), QStringLiteral("Learn"));
    QCOMPARE(w.views()->widget(vq::ui::MainWindow::Learn), static_cast<QWidget*>(w.learnView()));
  }
};

QTEST_MAIN(TestLearnView)
#include "tst_learn_view.moc"
