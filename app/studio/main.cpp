// veloxquant-studio: the desktop workbench.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QStandardPaths>
#include <cstdio>

#include "ui/common/samples.h"
#include "ui/main_window/main_window.h"
#include "ui/main_window/screenshot_tour.h"
#include "ui/settings/settings.h"
#include "ui/theme/theme.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("VeloxQuant"));
  QApplication::setApplicationName(QStringLiteral("VeloxQuant Studio"));
  QApplication::setApplicationVersion(QStringLiteral(VQ_VERSION));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/veloxquant-studio.svg")));
  QGuiApplication::setDesktopFileName(QStringLiteral("veloxquant-studio"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "KV-cache quantization workbench"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("dump"),
                               QApplication::translate("main", "KV dump or session (*.vqalloc.json) to open (default: the bundled sample)"));
  QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                QApplication::translate("main", "Save PNG screenshots of the views to DIR and quit."),
                                QStringLiteral("DIR"));
  parser.addOption(screenshot);
  QCommandLineOption theme(QStringLiteral("theme"),
                           QApplication::translate("main", "Appearance: system, light or dark (default: the setting)."),
                           QStringLiteral("THEME"));
  parser.addOption(theme);
  QCommandLineOption samplePath(QStringLiteral("sample-path"),
                                QApplication::translate("main", "Print the path of the bundled sample opened by default, and quit."));
  parser.addOption(samplePath);
  parser.process(app);
  if (parser.isSet(samplePath)) {
    const QString p = vq::ui::defaultSamplePath();
    std::fprintf(p.isEmpty() ? stderr : stdout, "%s\n",
                 p.isEmpty() ? qPrintable(QApplication::translate("main", "The bundled samples were not found; reinstall VeloxQuant Studio."))
                             : qPrintable(QDir::toNativeSeparators(p)));
    return p.isEmpty() ? 1 : 0;
  }
  // Screenshots are reproducible: they neither read nor write the user's settings.
  if (parser.isSet(screenshot)) QStandardPaths::setTestModeEnabled(true);

  const QString themeName = parser.isSet(theme) ? parser.value(theme) : vq::ui::settings::theme();
  vq::ui::ThemeManager::instance().setTheme(themeName == QLatin1String("dark")    ? vq::ui::Theme::Dark
                                            : themeName == QLatin1String("light") ? vq::ui::Theme::Light
                                                                                  : vq::ui::Theme::System);

  vq::ui::MainWindow window;
  window.show();
  const QStringList args = parser.positionalArguments();
  const QString dump = args.isEmpty() ? vq::ui::defaultSamplePath() : args.first();
  if (parser.isSet(screenshot)) {
    window.setAskToSave(false);
    auto* tour = new vq::ui::ScreenshotTour(&window, parser.value(screenshot), &window);
    QObject::connect(tour, &vq::ui::ScreenshotTour::done, &app, [](bool ok) { QApplication::exit(ok ? 0 : 1); });
  }
  if (!dump.isEmpty()) window.openPath(dump);
  return app.exec();
}
