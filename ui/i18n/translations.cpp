#include "ui/i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>
#include <memory>

namespace vq::ui {

namespace {
// The GUI's language of a locale, or "" when it has none for it.
QString languageOf(const QLocale& locale) {
  switch (locale.language()) {
    case QLocale::English: return QStringLiteral("en");
    case QLocale::German: return QStringLiteral("de");
    case QLocale::Chinese:  // Simplified script only; Traditional readers get English
      return locale.script() == QLocale::SimplifiedHanScript ? QStringLiteral("zh_CN") : QString();
    default: return {};
  }
}

std::unique_ptr<QTranslator>& appTranslator() {
  static std::unique_ptr<QTranslator> t;
  return t;
}
std::unique_ptr<QTranslator>& qtTranslator() {
  static std::unique_ptr<QTranslator> t;
  return t;
}

void replace(std::unique_ptr<QTranslator>& slot, std::unique_ptr<QTranslator> next) {
  if (slot) QCoreApplication::removeTranslator(slot.get());
  slot = std::move(next);
  if (slot) QCoreApplication::installTranslator(slot.get());
}
}  // namespace

const QList<UiLanguage>& uiLanguages() {
  static const QList<UiLanguage> languages = {
      {QStringLiteral("en"), QStringLiteral("English")},
      {QStringLiteral("de"), QStringLiteral("Deutsch")},
      {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
  };
  return languages;
}

QString resolveLanguage(const QString& requested, const QLocale& system) {
  for (const UiLanguage& l : uiLanguages())
    if (l.code == requested) return l.code;
  for (const QString& name : system.uiLanguages()) {
    const QString code = languageOf(QLocale(name));
    if (!code.isEmpty()) return code;
  }
  return QStringLiteral("en");
}

QString applyLanguage(const QString& requested) {
  const QString language = resolveLanguage(requested);
  const QLocale locale(language);
  if (!requested.isEmpty() && QLocale::system().language() != locale.language()) QLocale::setDefault(locale);
  if (language == QLatin1String("en")) {  // the sources' language: no translators
    replace(appTranslator(), nullptr);
    replace(qtTranslator(), nullptr);
    return language;
  }
  auto app = std::make_unique<QTranslator>();
  if (!app->load(QStringLiteral("veloxquant_") + language, QStringLiteral(":/i18n"))) {
    qWarning("veloxquant-studio: the %s translation is missing from this build", qPrintable(language));
    app.reset();
  }
  replace(appTranslator(), std::move(app));
  auto qt = std::make_unique<QTranslator>();
  if (!qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    qt.reset();
  replace(qtTranslator(), std::move(qt));
  return language;
}

}  // namespace vq::ui
