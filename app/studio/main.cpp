// veloxquant-studio: the desktop workbench.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTimer>

#include "ui/common/samples.h"
#include "ui/main_window/main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("VeloxQuant"));
  QApplication::setApplicationName(QStringLiteral("VeloxQuant Studio"));
  QApplication::setApplicationVersion(QStringLiteral(VQ_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "KV-cache quantization workbench"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("dump"),
                               QApplication::translate("main", "KV dump to open (default: the bundled sample)"));
  QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                QApplication::translate("main", "Save PNG screenshots of the views to DIR and quit."),
                                QStringLiteral("DIR"));
  parser.addOption(screenshot);
  parser.process(app);

  vq::ui::MainWindow window;
  window.show();
  const QStringList args = parser.positionalArguments();
  const QString dump = args.isEmpty() ? vq::ui::defaultSamplePath() : args.first();
  if (parser.isSet(screenshot)) {
    const QString dir = parser.value(screenshot);
    QDir().mkpath(dir);
    auto shoot = [&window, dir] {
      window.grab().save(dir + QStringLiteral("/dataset.png"));
      QApplication::quit();
    };
    QObject::connect(&window, &vq::ui::MainWindow::dumpLoaded, &window, [shoot] { QTimer::singleShot(200, shoot); });
    QObject::connect(&window, &vq::ui::MainWindow::dumpFailed, &window, [] { QApplication::exit(1); });
  }
  if (!dump.isEmpty()) window.openDump(dump);
  return app.exec();
}
