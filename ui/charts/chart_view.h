// The chart widget every view uses: a QChartView with antialiasing, the application's chart
// theme (it follows ThemeManager), optional rubber-band zoom with reset (double-click, Ctrl+0),
// +/- and arrow keys, hover tooltips for bar and scatter series, and exports: PNG, SVG
// (QSvgGenerator) and the clipboard, with a context menu offering them.
#pragma once

#include <QChartView>
#include <functional>

class QAbstractBarSeries;
class QBarSet;
class QXYSeries;

namespace vq::ui {

class ChartView : public QChartView {
  Q_OBJECT
 public:
  explicit ChartView(QWidget* parent = nullptr);

  // Rubber-band zoom (rectangle, or horizontal for category charts).
  void setZoomable(bool on, bool horizontalOnly = false);
  void resetZoom();

  // Tooltips: text for the hovered bar (index in the set) or point.
  void setBarTooltip(QAbstractBarSeries* series, std::function<QString(int index, QBarSet* set)> text);
  void setPointTooltip(QXYSeries* series, std::function<QString(const QPointF& point)> text);

  // The chart as an image, with the window colour as background (dark exports look right).
  QImage renderImage(QSize size = {}) const;
  // Atomic writes (QSaveFile); on failure returns false and sets *error.
  bool savePng(const QString& path, QString* error = nullptr) const;
  bool saveSvg(const QString& path, QString* error = nullptr) const;
  void copyToClipboard() const;

 signals:
  // After the theme was applied (setTheme resets series colours: views recolour here).
  void themeApplied();
  void resized();

 protected:
  void keyPressEvent(QKeyEvent* e) override;
  void mouseDoubleClickEvent(QMouseEvent* e) override;
  void contextMenuEvent(QContextMenuEvent* e) override;
  void resizeEvent(QResizeEvent* e) override;

 private:
  void applyTheme();
  bool m_zoomable = false;
};

}  // namespace vq::ui
