#include "ui/views/compare_chart.h"

#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "ui/charts/chart_view.h"
#include "ui/models/sensitivity_model.h"
#include "ui/theme/theme.h"

namespace vq::ui {

CompareChart::CompareChart(QWidget* parent) : QObject(parent), m_view(new ChartView(parent)) {
  m_view->setZoomable(true);
  m_x = new QValueAxis(this);
  m_x->setTitleText(tr("bits per value (stored)"));
  m_x->setLabelFormat(QStringLiteral("%.3g"));
  m_y = new QLogValueAxis(this);
  m_y->setLabelFormat(QStringLiteral("%.0e"));
  m_view->chart()->addAxis(m_x, Qt::AlignBottom);
  m_view->chart()->addAxis(m_y, Qt::AlignLeft);
  m_view->chart()->legend()->setAlignment(Qt::AlignRight);
  QFont legendFont = m_view->chart()->legend()->font();
  legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
  m_view->chart()->legend()->setFont(legendFont);
  connect(m_view, &ChartView::themeApplied, this, [this] { setRows(m_rows); });
  setRows({});
}

void CompareChart::setMetric(Metric m) {
  m_metric = m;
  setRows(m_rows);
}

double CompareChart::metricOf(const CompareRow& r) const {
  switch (m_metric) {
    case Metric::OutputError: return r.outputError.value_or(std::nan(""));
    case Metric::RelMseK: return r.relMseK;
    case Metric::RelMseV: return r.relMseV;
  }
  return std::nan("");
}

std::vector<size_t> CompareChart::paretoFront(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return x[a] != x[b] ? x[a] < x[b] : y[a] < y[b]; });
  std::vector<size_t> front;
  double best = HUGE_VAL;
  for (size_t i : order)
    if (y[i] < best) {
      best = y[i];
      front.push_back(i);
    }
  return front;
}

void CompareChart::setRows(const std::vector<CompareRow>& rows) {
  m_rows = rows;
  QChart* chart = m_view->chart();
  chart->removeAllSeries();
  static const char* const titles[] = {QT_TR_NOOP("Attention output error vs storage"),
                                       QT_TR_NOOP("Key relative MSE vs storage"),
                                       QT_TR_NOOP("Value relative MSE vs storage")};
  chart->setTitle(tr(titles[int(m_metric)]));
  m_y->setTitleText(m_metric == Metric::OutputError ? tr("output error (log)") : tr("relative MSE (log)"));
  // Usable points by method, in the order methods first appear.
  std::vector<std::string> methods;
  std::map<std::string, QScatterSeries*> series;
  std::vector<double> xs, ys;
  std::vector<const CompareRow*> used;
  for (const auto& r : rows) {
    const double y = metricOf(r);
    if (!r.skipped.empty() || !(y > 0) || !std::isfinite(y)) continue;
    QScatterSeries*& s = series[r.method];
    if (!s) {
      const int i = int(methods.size());
      methods.push_back(r.method);
      s = new QScatterSeries;
      s->setName(QString::fromStdString(r.method));
      s->setColor(ThemeManager::seriesColor(i));
      s->setBorderColor(ThemeManager::seriesColor(i).darker(140));
      s->setMarkerSize(9);
      static const QScatterSeries::MarkerShape shapes[] = {QScatterSeries::MarkerShapeCircle,
                                                           QScatterSeries::MarkerShapeRectangle,
                                                           QScatterSeries::MarkerShapeTriangle};
      s->setMarkerShape(shapes[(i / 8) % 3]);
    }
    s->append(r.bpv, y);
    xs.push_back(r.bpv);
    ys.push_back(y);
    used.push_back(&r);
  }
  m_points = int(xs.size());
  double xMin = 0, xMax = 8, yMin = 1e-4, yMax = 1;
  if (!xs.empty()) {
    xMin = std::max(0.0, std::floor(*std::min_element(xs.begin(), xs.end()) - 0.5));
    xMax = std::ceil(*std::max_element(xs.begin(), xs.end()) + 0.5);
    // A margin so no point sits on the frame.
    yMin = std::pow(10.0, std::floor(std::log10(*std::min_element(ys.begin(), ys.end()) * 0.6)));
    yMax = std::pow(10.0, std::ceil(std::log10(*std::max_element(ys.begin(), ys.end()) * 1.6)));
  }
  // The Shannon limit of a Gaussian source: D = 4^−b.
  auto* limit = new QLineSeries;
  limit->setName(tr("limit 4^−b"));
  QPen pen(m_view->palette().color(QPalette::WindowText));
  pen.setStyle(Qt::DotLine);
  pen.setWidthF(1.5);
  limit->setPen(pen);
  for (double b = std::max(xMin, 0.25); b <= xMax + 1e-9; b += 0.05) {
    const double d = std::pow(4.0, -b);
    if (d >= yMin * 0.999) limit->append(b, d);
  }
  chart->addSeries(limit);
  // The Pareto front.
  auto* front = new QLineSeries;
  front->setName(tr("Pareto front"));
  QPen frontPen(m_view->palette().color(QPalette::WindowText));
  frontPen.setWidthF(1.2);
  front->setPen(frontPen);
  for (size_t i : paretoFront(xs, ys)) front->append(xs[i], ys[i]);
  chart->addSeries(front);
  for (const auto& name : methods) {
    QScatterSeries* s = series[name];
    chart->addSeries(s);
    m_view->setPointTooltip(s, [this, name](const QPointF& p) {
      for (const auto& r : m_rows)
        if (r.method == name && std::abs(r.bpv - p.x()) < 1e-9)
          return tr("<b>%1%2</b><br>%3 bpv (%4× fp16)<br>output error %5<br>K rel. MSE %6, V rel. MSE %7")
              .arg(QString::fromStdString(r.method), r.bits > 0 ? QStringLiteral(" %1b").arg(r.bits) : QString(),
                   formatNumber(r.bpv), formatNumber(r.compression, 3),
                   r.outputError ? formatNumber(*r.outputError) : QStringLiteral("—"), formatNumber(r.relMseK),
                   formatNumber(r.relMseV));
      return QString();
    });
  }
  for (QAbstractSeries* s : chart->series()) {
    s->attachAxis(m_x);
    s->attachAxis(m_y);
  }
  m_x->setRange(xMin, xMax);
  m_y->setRange(yMin, yMax);
}

}  // namespace vq::ui
