// veloxquant-studio: the desktop workbench.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QStandardPaths>
#include <cstdio>

#include "ui/common/samples.h"
#include "ui/i18n/translations.h"
#include "ui/main_window/main_window.h"
#include "ui/main_window/screenshot_tour.h"
#include "ui/settings/settings.h"
#include "ui/theme/theme.h"

namespace {
// The value of `--name VALUE` or `--name=VALUE`, read ahead of the parser (whose help texts are
// translated, so the language has to be known first).
QString optionValue(const QStringList& args, const QString& name) {
  const QString flag = QStringLiteral("--") + name;
  for (qsizetype i = 1; i < args.size(); ++i) {
    if (args[i] == flag && i + 1 < args.size()) return args[i + 1];
    if (args[i].startsWith(flag + QLatin1Char('='))) return args[i].mid(flag.size() + 1);
  }
  return {};
}
}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("VeloxQuant"));
  QApplication::setApplicationName(QStringLiteral("VeloxQuant Studio"));
  QApplication::setApplicationVersion(QStringLiteral(VQ_VERSION));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/veloxquant-studio.svg")));
  QGuiApplication::setDesktopFileName(QStringLiteral("veloxquant-studio"));

  // --lang, else the setting, else the system locale. Screenshots never read the user's settings.
  const QStringList args0 = QApplication::arguments();
  const QString lang = optionValue(args0, QStringLiteral("lang"));
  const bool screenshots = args0.contains(QStringLiteral("--screenshot")) ||
                           !optionValue(args0, QStringLiteral("screenshot")).isEmpty();
  vq::ui::applyLanguage(!lang.isEmpty() ? lang : screenshots ? QString() : vq::ui::settings::language());

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
  QCommandLineOption language(QStringLiteral("lang"),
                              QApplication::translate("main", "Interface language: en, de or zh_CN (default: the setting, else the system locale)."),
                              QStringLiteral("LANG"));
  parser.addOption(language);
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
