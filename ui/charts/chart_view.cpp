#include "ui/charts/chart_view.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarLegendMarker>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QWheelEvent>
#include <cmath>
#include <QBarSet>
#include <QBuffer>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QCursor>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolTip>
#include <QXYSeries>

#include "ui/settings/settings.h"
#include "ui/theme/theme.h"

namespace vq::ui {

ChartView::ChartView(QWidget* parent) : QChartView(parent) {
  setRenderHint(QPainter::Antialiasing);
  setFocusPolicy(Qt::StrongFocus);
  chart()->setAnimationOptions(QChart::NoAnimation);
  setMouseTracking(true);
  viewport()->setMouseTracking(true);  // the crosshair follows the mouse without a button held
  applyTheme();
  connect(&ThemeManager::instance(), &ThemeManager::themeChanged, this, &ChartView::applyTheme);
}

void ChartView::applyTheme() {
  chart()->setTheme(ThemeManager::instance().chartTheme());
  chart()->setBackgroundRoundness(0);
  chart()->layout()->setContentsMargins(0, 0, 0, 0);
  if (m_crossX) {
    QPen pen(palette().color(QPalette::WindowText));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(0.8);
    m_crossX->setPen(pen);
    m_crossY->setPen(pen);
    m_crossText->setBrush(palette().color(QPalette::WindowText));
  }
  emit themeApplied();
}

void ChartView::setZoomable(bool on, bool horizontalOnly) {
  m_zoomable = on;
  m_horizontalOnly = horizontalOnly;
  setRubberBand(on ? (horizontalOnly ? QChartView::HorizontalRubberBand : QChartView::RectangleRubberBand)
                   : QChartView::NoRubberBand);
}

void ChartView::resetZoom() { chart()->zoomReset(); }

bool ChartView::isZoomed() const { return chart()->isZoomed(); }

void ChartView::wheelEvent(QWheelEvent* e) {
  const double steps = e->angleDelta().y() / 120.0;
  const QPointF at = chart()->mapFromScene(mapToScene(e->position().toPoint()));
  const QRectF area = chart()->plotArea();
  if (!m_zoomable || steps == 0 || !area.contains(at)) return QChartView::wheelEvent(e);
  // Zoom about the cursor: the value under it stays put.
  const double factor = std::pow(1.25, steps);
  QRectF r = area;
  r.setWidth(area.width() / factor);
  r.moveLeft(at.x() - (at.x() - area.left()) / factor);
  if (!m_horizontalOnly) {
    r.setHeight(area.height() / factor);
    r.moveTop(at.y() - (at.y() - area.top()) / factor);
  }
  chart()->zoomIn(r);
  updateCrosshair(e->position().toPoint());
  e->accept();
}

// --- Legend: click a marker to hide/show its series -------------------------------------------

void ChartView::connectLegendMarkers() {
  const auto markers = chart()->legend()->markers();
  for (QLegendMarker* m : markers) {
    if (m->property("vqToggles").toBool()) continue;
    m->setProperty("vqToggles", true);
    connect(m, &QLegendMarker::clicked, this, [this, m] { toggleLegendMarker(m); });
  }
}

bool ChartView::isLegendEntryHidden(QLegendMarker* marker) const {
  if (auto* bar = qobject_cast<QBarLegendMarker*>(marker)) return bar->barset()->property("vqHidden").toBool();
  return !marker->series()->isVisible();
}

bool ChartView::toggleLegendMarker(QLegendMarker* marker) {
  const bool hide = !isLegendEntryHidden(marker);
  if (auto* bar = qobject_cast<QBarLegendMarker*>(marker)) {
    // A bar set cannot be hidden on its own: it is drawn transparent and its colours kept.
    QBarSet* set = bar->barset();
    if (hide) {
      set->setProperty("vqColor", set->color());
      set->setProperty("vqBorder", set->borderColor());
      set->setColor(Qt::transparent);
      set->setBorderColor(Qt::transparent);
    } else {
      set->setColor(set->property("vqColor").value<QColor>());
      set->setBorderColor(set->property("vqBorder").value<QColor>());
    }
    set->setProperty("vqHidden", hide);
  } else {
    marker->series()->setVisible(!hide);
  }
  // Hidden entries stay in the legend, faded, so that they can be shown again.
  for (QLegendMarker* m : chart()->legend()->markers(marker->series())) {
    m->setVisible(true);
    if (auto* bar = qobject_cast<QBarLegendMarker*>(m); bar && bar != marker) continue;
    QColor label = palette().color(QPalette::WindowText);
    if (hide) label.setAlphaF(0.4);
    m->setLabelBrush(label);
    if (auto* bar = qobject_cast<QBarLegendMarker*>(m))
      m->setBrush(hide ? QBrush(Qt::transparent) : QBrush(bar->barset()->color()));
  }
  return !hide;
}

void ChartView::mousePressEvent(QMouseEvent* e) {
  connectLegendMarkers();  // markers come and go with series: connect the new ones before the click lands
  QChartView::mousePressEvent(e);
}

// --- Crosshair ---------------------------------------------------------------------------------

void ChartView::setCrosshair(bool on) {
  m_crosshair = on;
  if (!on) hideCrosshair();
}

bool ChartView::crosshairShown() const { return m_crossX && m_crossX->isVisible(); }
QString ChartView::crosshairText() const { return crosshairShown() ? m_crossText->text() : QString(); }

void ChartView::mouseMoveEvent(QMouseEvent* e) {
  QChartView::mouseMoveEvent(e);
  updateCrosshair(e->position().toPoint());
}

void ChartView::leaveEvent(QEvent* e) {
  hideCrosshair();
  QChartView::leaveEvent(e);
}

void ChartView::hideCrosshair() {
  if (!m_crossX) return;
  m_crossX->hide();
  m_crossY->hide();
  m_crossText->hide();
}

namespace {
QString axisValueText(QAbstractAxis* axis, double v) {
  if (auto* cat = qobject_cast<QBarCategoryAxis*>(axis)) {
    const int i = int(std::lround(v));
    return i >= 0 && i < cat->count() ? cat->at(i) : QString();
  }
  return QLocale().toString(v, 'g', 4);
}
}  // namespace

QString ChartView::defaultReadout(const QPointF& value) const {
  const auto series = chart()->series();
  if (series.isEmpty()) return {};
  QStringList parts;
  for (auto [orientation, v] : {std::pair{Qt::Horizontal, value.x()}, std::pair{Qt::Vertical, value.y()}}) {
    const auto axes = chart()->axes(orientation, series.first());
    if (axes.isEmpty()) continue;
    const QString text = axisValueText(axes.first(), v);
    if (text.isEmpty()) continue;
    const QString title = axes.first()->titleText();
    parts << (title.isEmpty() ? text : tr("%1: %2").arg(title, text));
  }
  return parts.join(QLatin1Char('\n'));
}

void ChartView::updateCrosshair(const QPoint& viewportPos) {
  const QPointF at = chart()->mapFromScene(mapToScene(viewportPos));
  const QRectF area = chart()->plotArea();
  if (!m_crosshair || chart()->series().isEmpty() || !area.contains(at)) return hideCrosshair();
  if (!m_crossX) {
    m_crossX = new QGraphicsLineItem(chart());
    m_crossY = new QGraphicsLineItem(chart());
    m_crossText = new QGraphicsSimpleTextItem(chart());
    for (QGraphicsItem* item : {static_cast<QGraphicsItem*>(m_crossX), static_cast<QGraphicsItem*>(m_crossY),
                                static_cast<QGraphicsItem*>(m_crossText)}) {
      item->setZValue(1000);
      item->setAcceptedMouseButtons(Qt::NoButton);
    }
    applyTheme();
  }
  m_crossX->setLine(area.left(), at.y(), area.right(), at.y());
  m_crossY->setLine(at.x(), area.top(), at.x(), area.bottom());
  const QPointF value = chart()->mapToValue(at, chart()->series().first());
  const QString text = m_readout ? m_readout(value) : defaultReadout(value);
  m_crossText->setText(text);
  // Beside the cursor, kept inside the plot area.
  const QRectF box = m_crossText->boundingRect();
  QPointF pos = at + QPointF(10, 10);
  if (pos.x() + box.width() > area.right()) pos.setX(at.x() - 10 - box.width());
  if (pos.y() + box.height() > area.bottom()) pos.setY(at.y() - 10 - box.height());
  m_crossText->setPos(pos);
  m_crossX->show();
  m_crossY->show();
  m_crossText->setVisible(!text.isEmpty());
}

void ChartView::setBarTooltip(QAbstractBarSeries* series, std::function<QString(int, QBarSet*)> text) {
  connect(series, &QAbstractBarSeries::hovered, this, [this, text](bool status, int index, QBarSet* set) {
    if (status)
      QToolTip::showText(QCursor::pos(), text(index, set), this);
    else
      QToolTip::hideText();
  });
}

void ChartView::setPointTooltip(QXYSeries* series, std::function<QString(const QPointF&)> text) {
  connect(series, &QXYSeries::hovered, this, [this, text](const QPointF& p, bool state) {
    if (state)
      QToolTip::showText(QCursor::pos(), text(p), this);
    else
      QToolTip::hideText();
  });
}

QImage ChartView::renderImage(QSize size) const {
  if (size.isEmpty()) size = this->size();
  QImage image(size * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(devicePixelRatioF());
  image.fill(palette().color(QPalette::Window));
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  const_cast<ChartView*>(this)->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), viewport()->rect());
  return image;
}

namespace {
bool writeAtomically(const QString& path, const QByteArray& bytes, QString* error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    if (error) *error = file.errorString();
    return false;
  }
  return true;
}
}  // namespace

bool ChartView::savePng(const QString& path, QString* error) const {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  if (!renderImage().save(&buffer, "PNG")) {
    if (error) *error = tr("could not encode the image");
    return false;
  }
  return writeAtomically(path, bytes, error);
}

bool ChartView::saveSvg(const QString& path, QString* error) const {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  QSvgGenerator generator;
  generator.setOutputDevice(&buffer);
  generator.setSize(size());
  generator.setViewBox(QRect(QPoint(0, 0), size()));
  generator.setTitle(chart()->title().isEmpty() ? tr("VeloxQuant Studio chart") : chart()->title());
  generator.setDescription(tr("Exported from VeloxQuant Studio"));
  {
    QPainter painter(&generator);
    painter.fillRect(QRect(QPoint(0, 0), size()), palette().color(QPalette::Window));
    const_cast<ChartView*>(this)->render(&painter, QRectF(QPointF(0, 0), QSizeF(size())), viewport()->rect());
  }
  return writeAtomically(path, bytes, error);
}

void ChartView::copyToClipboard() const { QApplication::clipboard()->setImage(renderImage()); }

void ChartView::keyPressEvent(QKeyEvent* e) {
  if (m_zoomable) {
    if (e->matches(QKeySequence::ZoomIn) || e->key() == Qt::Key_Plus) return chart()->zoomIn();
    if (e->matches(QKeySequence::ZoomOut) || e->key() == Qt::Key_Minus) return chart()->zoomOut();
    if (e->key() == Qt::Key_0 && (e->modifiers() & Qt::ControlModifier)) return resetZoom();
    switch (e->key()) {
      case Qt::Key_Left: return chart()->scroll(-10, 0);
      case Qt::Key_Right: return chart()->scroll(10, 0);
      case Qt::Key_Up: return chart()->scroll(0, 10);
      case Qt::Key_Down: return chart()->scroll(0, -10);
      default: break;
    }
  }
  QChartView::keyPressEvent(e);
}

void ChartView::mouseDoubleClickEvent(QMouseEvent* e) {
  if (m_zoomable) resetZoom();
  QChartView::mouseDoubleClickEvent(e);
}

void ChartView::resizeEvent(QResizeEvent* e) {
  QChartView::resizeEvent(e);
  emit resized();
}

void ChartView::contextMenuEvent(QContextMenuEvent* e) {
  QMenu menu(this);
  if (m_zoomable) {
    QAction* reset = menu.addAction(tr("Reset Zoom"), this, &ChartView::resetZoom);
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    menu.addSeparator();
  }
  menu.addAction(tr("Copy Image"), this, &ChartView::copyToClipboard);
  auto save = [this](const QString& filter, const QString& suffix) {
    QString path = QFileDialog::getSaveFileName(this, tr("Save Chart"), settings::lastExportFolder(), filter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + suffix;
    settings::setLastExportFolder(QFileInfo(path).absolutePath());
    QString error;
    const bool ok = suffix == QLatin1String("svg") ? saveSvg(path, &error) : savePng(path, &error);
    if (!ok) QToolTip::showText(QCursor::pos(), tr("Could not save %1: %2").arg(path, error), this);
  };
  menu.addAction(tr("Save as PNG…"), this, [save] { save(tr("PNG images (*.png)"), QStringLiteral("png")); });
  menu.addAction(tr("Save as SVG…"), this, [save] { save(tr("SVG images (*.svg)"), QStringLiteral("svg")); });
  menu.exec(e->globalPos());
}

}  // namespace vq::ui
