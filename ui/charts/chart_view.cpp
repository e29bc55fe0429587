#include "ui/charts/chart_view.h"

#include <QAbstractBarSeries>
#include <QApplication>
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
  applyTheme();
  connect(&ThemeManager::instance(), &ThemeManager::themeChanged, this, &ChartView::applyTheme);
}

void ChartView::applyTheme() {
  chart()->setTheme(ThemeManager::instance().chartTheme());
  chart()->setBackgroundRoundness(0);
  chart()->layout()->setContentsMargins(0, 0, 0, 0);
  emit themeApplied();
}

void ChartView::setZoomable(bool on, bool horizontalOnly) {
  m_zoomable = on;
  setRubberBand(on ? (horizontalOnly ? QChartView::HorizontalRubberBand : QChartView::RectangleRubberBand)
                   : QChartView::NoRubberBand);
}

void ChartView::resetZoom() { chart()->zoomReset(); }

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
