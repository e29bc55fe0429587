// Audit: every input control of the main window (all views, the Dataset panel, the status bar)
// has a tooltip that says what it does; the views' empty states say what to do next; Help offers
// the guide (F1) and About with the application icon.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QIcon>
#include <QMenuBar>
#include <QTextBrowser>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

#include "test_support.h"
#include "ui/common/error_hint.h"
#include "ui/common/error_text.h"
#include "ui/help/help_dialogs.h"
#include "ui/learn/learn_view.h"
#include "ui/main_window/main_window.h"

using vq::ui::MainWindow;

namespace {

// Parts of composite widgets that are not controls of their own.
bool isInternal(const QWidget* w) {
  if (w->objectName().startsWith(QLatin1String("qt_"))) return true;
  for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
    if (qobject_cast<const QAbstractSpinBox*>(p) || qobject_cast<const QComboBox*>(p) || qobject_cast<const QTabBar*>(p) ||
        qobject_cast<const QAbstractItemView*>(p))  // e.g. a table's corner button
      return true;
  return false;
}

QString describe(const QWidget* w) {
  QString text;
  if (auto* b = qobject_cast<const QAbstractButton*>(w)) text = b->text();
  QString where;
  for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
    if (!p->objectName().isEmpty() || qobject_cast<const QTabWidget*>(p->parentWidget())) {
      where = p->objectName().isEmpty() ? QString::fromLatin1(p->metaObject()->className()) : p->objectName();
      break;
    }
  return QStringLiteral("%1 '%2' in %3").arg(QString::fromLatin1(w->metaObject()->className()), text, where);
}

}  // namespace

class TestTooltips : public QObject {
  Q_OBJECT
 private slots:
  void init() { vq::test::discardRecovery(); }
  void initTestCase() {
    vq::test::startFromDefaults();
  }

  void everyControlHasATooltip() {
    MainWindow w;
    w.setAskToSave(false);
    w.show();
    QStringList missing;
    const auto widgets = w.findChildren<QWidget*>();
    for (QWidget* c : widgets) {
      const bool control = qobject_cast<QAbstractButton*>(c) || qobject_cast<QComboBox*>(c) ||
                           qobject_cast<QAbstractSpinBox*>(c) || qobject_cast<QSlider*>(c) ||
                           qobject_cast<QLineEdit*>(c);
      if (!control || isInternal(c)) continue;
      if (c->toolTip().trimmed().isEmpty()) missing << describe(c);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("controls without a tooltip:\n  ") + missing.join(QStringLiteral("\n  "))));
  }

  void helpMenuOffersGuideAndAbout() {
    MainWindow w;
    w.setAskToSave(false);
    QStringList help;
    QAction* guide = nullptr;
    for (QAction* menu : w.menuBar()->actions())
      if (menu->text() == QLatin1String("&Help"))
        for (QAction* a : menu->menu()->actions()) {
          help << a->text();
          if (a->shortcut() == QKeySequence(QKeySequence::HelpContents)) guide = a;
        }
    QVERIFY2(guide, qPrintable(help.join(QLatin1Char(','))));
    guide->trigger();
    auto* dialog = w.findChild<vq::ui::GuideDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    const QString text = dialog->browser()->toPlainText();
    for (const char* step : {"Open", "Calibrate", "Allocate", "Verify", "Export", "Learn view"})
      QVERIFY2(text.contains(QLatin1String(step)), step);
    QVERIFY(help.contains(QStringLiteral("&About VeloxQuant Studio")));
    // The application icon is compiled in and renders (SVG icon engine).
    const QIcon icon(QStringLiteral(":/icons/veloxquant-studio.svg"));
    const QPixmap pm = icon.pixmap(128, 128);
    QVERIFY(!pm.isNull());
    QVERIFY(vq::test::distinctColours(pm.toImage(), 2) > 20);
    vq::ui::AboutDialog about(&w);
    QVERIFY(about.aboutHtml().contains(QLatin1String(VQ_VERSION)));
    if (const QByteArray dir = qgetenv("VQ_TEST_PNG_DIR"); !dir.isEmpty()) {
      pm.save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("icon.png")));
      about.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("about.png")));
      dialog->grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("guide.png")));
    }
  }

  void errorsSayWhatToDo() {
    const QString truncated = vq::ui::errorText(vq::Error(vq::ErrorCode::Truncated, "ends at byte 10", "/tmp/x.npz"));
    QVERIFY2(truncated.contains(QLatin1String("x.npz")) && truncated.contains(QLatin1String("copy or export it again")),
             qPrintable(truncated));
    const QString layout = vq::ui::errorText(vq::Error(vq::ErrorCode::AmbiguousLayout, "", "/tmp/y.npz"));
    QVERIFY2(layout.contains(QLatin1String("\"layout\": \"HTD\"")), qPrintable(layout));
    for (int c = 0; c <= int(vq::ErrorCode::Internal); ++c)
      if (vq::ErrorCode(c) != vq::ErrorCode::Cancelled) QVERIFY2(!vq::ui::errorHint(vq::ErrorCode(c)).isEmpty(), qPrintable(QString::number(c)));
  }

  void emptyLearnViewSaysWhatToDo() {
    MainWindow w;
    w.setAskToSave(false);
    QVERIFY(w.learnView()->statusLabel()->text().contains(QLatin1String("Open a dump")));
  }
};

QTEST_MAIN(TestTooltips)
#include "tst_tooltips.moc"
