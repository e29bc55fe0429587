// Drives the real main window against the real core on the bundled sample.
#include <QAbstractItemModelTester>
#include <QFile>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "test_support.h"
#include "ui/dataset/dataset_panel.h"
#include "ui/dataset/dump_tree_model.h"
#include "ui/main_window/main_window.h"
#include "ui/settings/settings.h"

using vq::ui::DumpTreeModel;
using vq::ui::MainWindow;

class TestMainWindow : public QObject {
  Q_OBJECT
 private slots:
  void init() { vq::test::discardRecovery(); }
  void initTestCase() {
    vq::test::startFromDefaults();
    vq::ui::settings::setRecentFiles({});
  }

  void opensSampleAndShowsTree() {
    MainWindow w;
    w.show();
    auto* model = w.datasetPanel()->treeModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&w, &MainWindow::dumpLoaded);
    w.openDump(QStringLiteral(VQ_SAMPLES_DIR "/s01_story_kite.npz"));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model->rowCount(), 2);  // two layers
    const QModelIndex layer0 = model->index(0, 0);
    QCOMPARE(model->rowCount(layer0), 4);  // q, k, v, k_pre_rope
    QCOMPARE(model->index(0, DumpTreeModel::Tokens).data().toLongLong(), 97);
    QCOMPARE(model->index(0, DumpTreeModel::HeadDim).data().toInt(), 16);
    // The q tensor has 8 heads, k has 4.
    bool sawQ = false, sawK = false;
    for (int r = 0; r < model->rowCount(layer0); ++r) {
      const QModelIndex t = model->index(r, 0, layer0);
      const QString name = t.data().toString();
      if (name == QLatin1String("layer_0.q")) { sawQ = true; QCOMPARE(model->rowCount(t), 8); }
      if (name == QLatin1String("layer_0.k")) { sawK = true; QCOMPARE(model->rowCount(t), 4); }
    }
    QVERIFY(sawQ && sawK);
    const QString facts = w.datasetPanel()->factsText();
    QVERIFY2(facts.contains(QLatin1String("TinyStories-656K")), qPrintable(facts));
    QVERIFY(facts.contains(QLatin1String("8 query / 4 key-value")));
    QCOMPARE(vq::ui::settings::recentFiles().size(), 1);
  }

  void badFileKeepsPreviousDump() {
    MainWindow w;
    QSignalSpy loaded(&w, &MainWindow::dumpLoaded);
    QSignalSpy failed(&w, &MainWindow::dumpFailed);
    w.openDump(QStringLiteral(VQ_SAMPLES_DIR "/s01_story_kite.safetensors"));
    QVERIFY(loaded.wait(10000));
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("broken.npz"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a zip archive");
    f.close();
    w.openDump(bad);
    QVERIFY(failed.wait(10000));
    const QString msg = failed.first().at(1).toString();
    QVERIFY2(msg.contains(QLatin1String("broken.npz")), qPrintable(msg));
    QVERIFY(w.currentDump() != nullptr);
    QCOMPARE(w.datasetPanel()->treeModel()->rowCount(), 2);
  }

  void rendersRealContent() {
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    QSignalSpy loaded(&w, &MainWindow::dumpLoaded);
    w.openDump(QStringLiteral(VQ_SAMPLES_DIR "/s01_story_kite.npz"));
    QVERIFY(loaded.wait(10000));
    const QImage img = w.grab().toImage();
    QVERIFY(!img.isNull());
    // A painted window has many distinct colours (text, tree, frames), not a blank fill.
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 4)
      for (int x = 0; x < img.width(); x += 4) colours.insert(img.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
  }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
