// Light/dark appearance: the Fusion style with a light or dark palette for the whole application,
// and the matching Qt Charts theme. "System" follows the platform's colour scheme on Qt ≥ 6.5
// (QStyleHints::colorScheme) and means light on older Qt. Charts subscribe to ThemeManager.
#pragma once

#include <QChart>
#include <QColor>
#include <QObject>

namespace vq::ui {

enum class Theme { System, Light, Dark };

class ThemeManager : public QObject {
  Q_OBJECT
 public:
  static ThemeManager& instance();

  Theme theme() const { return m_theme; }
  bool isDark() const { return m_dark; }
  QChart::ChartTheme chartTheme() const { return m_dark ? QChart::ChartThemeDark : QChart::ChartThemeLight; }
  // Applies the palette to the application and tells every chart.
  void setTheme(Theme theme);

  // Colour-blind-safe series colours (Okabe–Ito): keys, values, joint K+V, then further series.
  static QColor keyColor() { return QColor(0x00, 0x72, 0xB2); }
  static QColor valueColor() { return QColor(0xD5, 0x5E, 0x00); }
  static QColor jointColor() { return QColor(0x00, 0x9E, 0x73); }
  static QColor seriesColor(int i);

 signals:
  void themeChanged(bool dark);

 private:
  ThemeManager() = default;
  Theme m_theme = Theme::System;
  bool m_dark = false;
};

}  // namespace vq::ui
