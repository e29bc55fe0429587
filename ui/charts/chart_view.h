// The chart widget every view uses: a QChartView with antialiasing, the application's chart
// theme (it follows ThemeManager), optional zoom (rubber band, mouse wheel about the cursor,
// +/- and arrow keys) with reset (double-click, Ctrl+0, context menu), hover tooltips for bar and
// scatter series, a crosshair with a readout of the value under the cursor, legend markers that
// hide/show their series (or bar set) when clicked, and exports: PNG, SVG (QSvgGenerator) and the
// clipboard, with a context menu offering them.
#pragma once

#include <QChartView>
#include <functional>

class QAbstractBarSeries;
class QBarSet;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QLegendMarker;
class QXYSeries;

namespace vq::ui {

class ChartView : public QChartView {
  Q_OBJECT
 public:
  explicit ChartView(QWidget* parent = nullptr);

  // Rubber-band zoom (rectangle, or horizontal for category charts).
  void setZoomable(bool on, bool horizontalOnly = false);
  void resetZoom();
  bool isZoomed() const;

  // The crosshair follows the mouse over the plot area with a readout of the axes' values there
  // (category names for category axes); `text` replaces the default readout (empty: none).
  void setCrosshair(bool on);
  bool crosshairShown() const;  // visible now (tests)
  QString crosshairText() const;
  void setCrosshairText(std::function<QString(const QPointF& value)> text) { m_readout = std::move(text); }

  // Legend markers toggle their series or bar set; hidden ones are drawn faded in the legend.
  // On by default; returns whether the entry of `marker` is shown after toggling.
  bool toggleLegendMarker(QLegendMarker* marker);
  bool isLegendEntryHidden(QLegendMarker* marker) const;

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
  void mousePressEvent(QMouseEvent* e) override;
  void mouseMoveEvent(QMouseEvent* e) override;
  void leaveEvent(QEvent* e) override;
  void wheelEvent(QWheelEvent* e) override;
  void contextMenuEvent(QContextMenuEvent* e) override;
  void resizeEvent(QResizeEvent* e) override;

 private:
  void applyTheme();
  void connectLegendMarkers();
  void updateCrosshair(const QPoint& viewportPos);
  void hideCrosshair();
  QString defaultReadout(const QPointF& value) const;
  bool m_zoomable = false;
  bool m_horizontalOnly = false;
  bool m_crosshair = true;
  QGraphicsLineItem* m_crossX = nullptr;
  QGraphicsLineItem* m_crossY = nullptr;
  QGraphicsSimpleTextItem* m_crossText = nullptr;
  std::function<QString(const QPointF&)> m_readout;
};

}  // namespace vq::ui
