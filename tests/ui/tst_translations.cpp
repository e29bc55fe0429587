// The GUI in German and Simplified Chinese: the language is chosen as documented, the embedded
// translations load, the main window shows translated menus, views and panels, Qt's own texts are
// translated too, every menu's & accelerators are unique, and a grab is written for a human to look
// at (VQ_SCREENSHOT_DIR, default the temporary folder).
#include <QDir>
#include <QDockWidget>
#include <QFontDatabase>
#include <QImage>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include "core/common/error.h"
#include "test_support.h"
#include "ui/common/error_text.h"
#include "ui/dataset/dataset_panel.h"
#include "ui/i18n/translations.h"
#include "ui/learn/learn_texts.h"
#include "ui/main_window/main_window.h"
#include "ui/settings/settings.h"

using vq::ui::MainWindow;

namespace {
// "&Datei" → "Datei", "文件(&F)" → "文件(F)": the text without accelerator marks.
QString plain(QString s) { return s.remove(QLatin1Char('&')); }

// Every menu (and the menu bar) must not give one accelerator letter to two entries.
void collectAcceleratorClashes(const QList<QAction*>& actions, const QString& where, QStringList* clashes) {
  QHash<QString, QString> seen;
  for (QAction* a : actions) {
    if (a->isSeparator() || !a->isVisible()) continue;
    const QKeySequence m = QKeySequence::mnemonic(a->text());
    if (!m.isEmpty()) {
      const QString key = m.toString();
      if (seen.contains(key))
        *clashes << QStringLiteral("%1: %2 is both “%3” and “%4”").arg(where, key, seen[key], a->text());
      seen.insert(key, a->text());
    }
    if (a->menu()) collectAcceleratorClashes(a->menu()->actions(), where + QStringLiteral(" › ") + plain(a->text()), clashes);
  }
}

QString menuTitles(const MainWindow& w) {
  QStringList titles;
  for (QAction* a : w.menuBar()->actions()) titles << a->text();
  return titles.join(QLatin1Char('|'));
}
}  // namespace

class TestTranslations : public QObject {
  Q_OBJECT
 private slots:
  void init() { vq::test::discardRecovery(); }
  void initTestCase() {
    vq::test::startFromDefaults();
  }
  void cleanupTestCase() { vq::ui::applyLanguage(QStringLiteral("en")); }

  void choosesTheLanguage() {
    using vq::ui::resolveLanguage;
    // An explicit choice wins over the system.
    QCOMPARE(resolveLanguage(QStringLiteral("de"), QLocale(QStringLiteral("zh_CN"))), QStringLiteral("de"));
    QCOMPARE(resolveLanguage(QStringLiteral("en"), QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
    // "" follows the system locale; unknown languages fall back to English.
    QCOMPARE(resolveLanguage(QString(), QLocale(QStringLiteral("de_AT"))), QStringLiteral("de"));
    QCOMPARE(resolveLanguage(QString(), QLocale(QStringLiteral("zh_CN"))), QStringLiteral("zh_CN"));
    QCOMPARE(resolveLanguage(QString(), QLocale(QStringLiteral("zh_TW"))), QStringLiteral("en"));  // Traditional
    QCOMPARE(resolveLanguage(QString(), QLocale(QStringLiteral("fr_FR"))), QStringLiteral("en"));
    QCOMPARE(resolveLanguage(QStringLiteral("xx"), QLocale(QStringLiteral("de_DE"))), QStringLiteral("de"));
    // The setting the Preferences dialog writes.
    vq::ui::settings::setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(vq::ui::settings::language(), QStringLiteral("zh_CN"));
    vq::ui::settings::setLanguage(QString());
    QCOMPARE(vq::ui::settings::language(), QString());
  }

  void mainWindowIsTranslated_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("menus");
    QTest::addColumn<QStringList>("tabs");
    QTest::addColumn<QString>("dock");
    QTest::addColumn<QString>("qtCancel");  // from Qt's own translations (qt6-translations-l10n)
    QTest::addColumn<QString>("factsWord");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Datei|&Bearbeiten|&Ansicht|Aus&führen|&Hilfe")
                        << QStringList{QStringLiteral("Sensitivität"), QStringLiteral("Zuteilung"), QStringLiteral("Vergleich"),
                                       QStringLiteral("Speicher"), QStringLiteral("Qualität"), QStringLiteral("Lernen")}
                        << QStringLiteral("Datensatz") << QStringLiteral("Abbrechen") << QStringLiteral("Schichten");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)|编辑(&E)|视图(&V)|运行(&R)|帮助(&H)")
                           << QStringList{QStringLiteral("敏感度"), QStringLiteral("分配"), QStringLiteral("比较"),
                                          QStringLiteral("内存"), QStringLiteral("质量"), QStringLiteral("学习")}
                           << QStringLiteral("数据集") << QStringLiteral("取消") << QStringLiteral("层数");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("&File|&Edit|&View|&Run|&Help")
                        << QStringList{QStringLiteral("Sensitivity"), QStringLiteral("Allocation"), QStringLiteral("Compare"),
                                       QStringLiteral("Memory"), QStringLiteral("Quality"), QStringLiteral("Learn")}
                        << QStringLiteral("Dataset") << QStringLiteral("Cancel") << QStringLiteral("Layers");
  }

  void mainWindowIsTranslated() {
    QFETCH(QString, language);
    QFETCH(QString, menus);
    QFETCH(QStringList, tabs);
    QFETCH(QString, dock);
    QFETCH(QString, qtCancel);
    QFETCH(QString, factsWord);
    QCOMPARE(vq::ui::applyLanguage(language), language);

    MainWindow w;
    w.setAskToSave(false);
    w.resize(1280, 800);
    w.show();
    QSignalSpy loaded(&w, &MainWindow::dumpLoaded);
    w.openDump(vq::test::samplePath());
    QVERIFY(loaded.wait(10000));

    QCOMPARE(menuTitles(w), menus);
    auto* views = w.findChild<QTabWidget*>();
    QVERIFY(views);
    QStringList shown;
    for (int i = 0; i < views->count(); ++i) shown << views->tabText(i);
    QCOMPARE(shown, tabs);
    auto* datasetDock = w.findChild<QDockWidget*>(QStringLiteral("DatasetDock"));
    QVERIFY(datasetDock);
    QCOMPARE(datasetDock->windowTitle(), dock);
    QVERIFY2(w.datasetPanel()->factsText().contains(factsWord), qPrintable(w.datasetPanel()->factsText()));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), qtCancel);

    // A core error keeps its file name and detail inside the translated sentence.
    const QString err = vq::ui::errorText(vq::Error(vq::ErrorCode::Truncated, "needs 4096 bytes", "/x/broken.npz"));
    QVERIFY2(err.contains(QLatin1String("broken.npz")) && err.contains(QLatin1String("needs 4096 bytes")), qPrintable(err));
    if (language != QLatin1String("en")) {
      QVERIFY2(!err.contains(QLatin1String("is truncated")), qPrintable(err));
      // The hint appended to it, and texts built outside a QObject (their context must be the one
      // lupdate files them under), are translated too.
      QVERIFY2(!err.contains(QLatin1String("copy or export it again")), qPrintable(err));
      const QString rotation = vq::ui::learn_texts::rotation();
      QVERIFY2(!rotation.contains(QLatin1String("rotate")), qPrintable(rotation));
    }

    QStringList clashes;
    collectAcceleratorClashes(w.menuBar()->actions(), QStringLiteral("menu bar"), &clashes);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));

    if (language == QLatin1String("zh_CN"))
      QVERIFY2(!QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty(),
               "no font with Chinese glyphs: install fonts-noto-cjk (scripts/setup does)");

    const QString dir = qEnvironmentVariable("VQ_SCREENSHOT_DIR", QDir::tempPath());
    const QString path = QDir(dir).filePath(QStringLiteral("veloxquant-%1.png").arg(language));
    QTest::qWait(300);  // layouts and the throttled charts settle
    const QImage shot = w.grab().toImage();
    QVERIFY(shot.save(path));
    QVERIFY(vq::test::distinctColours(shot) > 20);
    qInfo("saved %s", qPrintable(path));
  }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
