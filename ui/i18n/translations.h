// The GUI's languages and the translators that show them. The texts in the sources are English;
// translations/veloxquant_<code>.ts hold the others, compiled into the binary as :/i18n/*.qm.
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace vq::ui {

struct UiLanguage {
  QString code;        // "en", "de", "zh_CN": the value settings::language() stores
  QString nativeName;  // the language's name in itself ("Deutsch"), never translated
};

// Every language the GUI can show, English first.
const QList<UiLanguage>& uiLanguages();

// The language to show for a request: `requested` when the GUI has it; for "" (or an unknown code)
// the first of the system's UI languages that the GUI has; else "en".
QString resolveLanguage(const QString& requested, const QLocale& system = QLocale::system());

// Installs the translators for `requested` (resolved as above) on the application: the GUI's own
// texts and Qt's (standard dialogs and buttons, when Qt's translations are installed). Replaces
// what an earlier call installed; call it before any window is made. An explicit language other
// than the system's also becomes the default locale (number formats). Returns the language used.
QString applyLanguage(const QString& requested);

}  // namespace vq::ui
