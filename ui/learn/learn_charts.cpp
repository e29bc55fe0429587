#include "ui/learn/learn_charts.h"

#include <QAreaSeries>
#include <QCoreApplication>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "ui/charts/chart_view.h"
#include "ui/models/sensitivity_model.h"
#include "ui/theme/theme.h"

namespace vq::ui::learn_charts {

namespace {

// Text::tr looks texts up under this context, and lupdate files them under it too (it cannot
// see the context of a plain helper function calling QCoreApplication::translate).
struct Text {
  Q_DECLARE_TR_FUNCTIONS(vq::ui::LearnView)
};

// Empties the chart: series and axes.
QChart* reset(ChartView* view, const QString& title) {
  QChart* chart = view->chart();
  chart->removeAllSeries();
  for (QAbstractAxis* a : chart->axes()) {
    chart->removeAxis(a);
    delete a;
  }
  chart->setTitle(title);
  chart->legend()->setAlignment(Qt::AlignBottom);
  QFont f = chart->legend()->font();
  f.setPointSizeF(std::max(7.0, QFont().pointSizeF() * 0.8));
  chart->legend()->setFont(f);
  return chart;
}

QValueAxis* valueAxis(QChart* chart, Qt::Alignment where, const QString& title, double lo, double hi) {
  auto* a = new QValueAxis;
  a->setTitleText(title);
  a->setRange(lo, hi);
  a->setLabelFormat(QStringLiteral("%.3g"));
  chart->addAxis(a, where);
  return a;
}

void attach(QChart* chart, QAbstractSeries* s, QAbstractAxis* x, QAbstractAxis* y, const char* name) {
  s->setObjectName(QString::fromLatin1(name));
  chart->addSeries(s);
  s->attachAxis(x);
  s->attachAxis(y);
}

QLineSeries* line(const QString& name, const QColor& color, Qt::PenStyle style = Qt::SolidLine, double width = 2.0) {
  auto* s = new QLineSeries;
  s->setName(name);
  QPen pen(color);
  pen.setStyle(style);
  pen.setWidthF(width);
  s->setPen(pen);
  return s;
}

void hideLegend(QChart* chart, QAbstractSeries* s) {
  for (QLegendMarker* m : chart->legend()->markers(s)) m->setVisible(false);
}

double absMax(const std::vector<float>& a, double floor) {
  double m = floor;
  for (float v : a) m = std::max(m, double(std::abs(v)));
  return m;
}

QColor textColor(ChartView* view) { return view->palette().color(QPalette::WindowText); }

}  // namespace

void showEmpty(ChartView* view, const QString& title) { reset(view, title); }

void showRotation(ChartView* view, const learn::Walkthrough& w) {
  QChart* chart = reset(view, w.rotates ? Text::tr("Unit vector before/after the rotation")
                                        : Text::tr("Unit vector (this method does not rotate; Π shown for comparison)"));
  const double m = std::max(absMax(w.unit, 0.05), absMax(w.rotated, 0.05)) * 1.1;
  auto* x = valueAxis(chart, Qt::AlignBottom, Text::tr("coordinate"), -0.5, w.headDim - 0.5);
  x->setLabelFormat(QStringLiteral("%d"));
  auto* y = valueAxis(chart, Qt::AlignLeft, Text::tr("value"), -m, m);
  auto* before = line(Text::tr("before"), ThemeManager::seriesColor(3), Qt::SolidLine, 1.5);
  auto* after = line(Text::tr("after rotation"), ThemeManager::keyColor());
  before->setPointsVisible(true);
  after->setPointsVisible(true);
  for (int i = 0; i < w.headDim; ++i) {
    before->append(i, w.unit[size_t(i)]);
    after->append(i, w.rotated[size_t(i)]);
  }
  attach(chart, before, x, y, "unrotated");
  attach(chart, after, x, y, "rotated");
  // ±1/√d: the typical size of a coordinate after the rotation.
  const double s = 1.0 / std::sqrt(double(w.headDim));
  for (double v : {s, -s}) {
    auto* ref = line(Text::tr("±1/√d"), textColor(view), Qt::DotLine, 1.0);
    ref->append(-0.5, v);
    ref->append(w.headDim - 0.5, v);
    attach(chart, ref, x, y, "scale");
    if (v < 0) hideLegend(chart, ref);
  }
}

void showHistogram(ChartView* view, const learn::Walkthrough& w) {
  QChart* chart = reset(view, w.codebook ? Text::tr("Rotated coordinates vs the %1-bit codebook").arg(w.codebook->bits)
                                         : Text::tr("Rotated coordinates (this method has no scalar codebook here)"));
  const learn::Histogram& h = w.rotatedHistogram;
  const double width = h.binWidth();
  auto densityOf = [&](const learn::Histogram& hist, size_t i) {
    return hist.total > 0 ? double(hist.counts[i]) / (double(hist.total) * width) : 0.0;
  };
  double yMax = 0;
  auto* upper = new QLineSeries;
  auto* outline = line(Text::tr("unrotated"), textColor(view), Qt::SolidLine, 1.0);
  for (size_t i = 0; i < h.counts.size(); ++i) {
    const double x0 = h.lo + double(i) * width, x1 = x0 + width;
    const double d = densityOf(h, i), u = densityOf(w.unrotatedHistogram, i);
    upper->append(x0, d);
    upper->append(x1, d);
    outline->append(x0, u);
    outline->append(x1, u);
    yMax = std::max({yMax, d, u});
  }
  auto* lower = new QLineSeries;
  lower->append(h.lo, 0);
  lower->append(h.hi, 0);
  auto* bars = new QAreaSeries(upper, lower);
  bars->setName(Text::tr("rotated"));
  QColor fill = ThemeManager::keyColor();
  fill.setAlpha(110);
  bars->setBrush(fill);
  bars->setPen(QPen(ThemeManager::keyColor(), 1));
  auto* density = line(w.codebook && w.codebook->density == "gaussian" ? Text::tr("N(0, 1/d) pdf")
                                                                       : Text::tr("Beta pdf"),
                       ThemeManager::valueColor(), Qt::SolidLine, 2.0);
  constexpr int kSamples = 240;
  for (int i = 0; i <= kSamples; ++i) {
    const double xv = h.lo + (h.hi - h.lo) * i / kSamples;
    const double d = learn::designDensity(w.headDim, xv);
    density->append(xv, d);
    yMax = std::max(yMax, d);
  }
  yMax *= 1.1;
  auto* x = valueAxis(chart, Qt::AlignBottom, Text::tr("rotated unit coordinate"), h.lo, h.hi);
  auto* y = valueAxis(chart, Qt::AlignLeft, Text::tr("density"), 0, yMax);
  attach(chart, bars, x, y, "histogram");
  // The area series does not own its boundary lines (LeakSanitizer found them orphaned once the
  // chart owns the area): they go with it. Its parent is now the chart's, so no cycle forms.
  if (bars->parent() != upper) {
    upper->setParent(bars);
    lower->setParent(bars);
  }
  attach(chart, outline, x, y, "unrotatedHistogram");
  attach(chart, density, x, y, "density");
  if (w.codebook) {
    bool first = true;
    for (double b : w.codebook->boundaries) {
      auto* s = line(Text::tr("boundaries"), textColor(view), Qt::DashLine, 1.0);
      s->append(b, 0);
      s->append(b, yMax);
      attach(chart, s, x, y, "boundary");
      if (!first) hideLegend(chart, s);
      first = false;
    }
    auto* centroids = new QScatterSeries;
    centroids->setName(Text::tr("centroids"));
    centroids->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    centroids->setMarkerSize(11);
    centroids->setColor(ThemeManager::jointColor());
    for (double c : w.codebook->centroids)
      if (c >= h.lo && c <= h.hi) centroids->append(c, learn::designDensity(w.headDim, c));
    attach(chart, centroids, x, y, "centroids");
  }
  auto* mine = new QScatterSeries;
  mine->setName(Text::tr("this token"));
  mine->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
  mine->setMarkerSize(6);
  mine->setColor(ThemeManager::seriesColor(4));
  for (float v : w.rotated) mine->append(v, yMax * 0.02);
  attach(chart, mine, x, y, "token");
}

void showReconstruction(ChartView* view, const learn::Walkthrough& w) {
  QChart* chart = reset(view, Text::tr("Original vs decoded, per coordinate"));
  const double m = std::max(absMax(w.original, 1e-6), absMax(w.reconstruction, 1e-6)) * 1.1;
  auto* x = valueAxis(chart, Qt::AlignBottom, Text::tr("coordinate"), -0.5, w.headDim - 0.5);
  x->setLabelFormat(QStringLiteral("%d"));
  auto* y = valueAxis(chart, Qt::AlignLeft, Text::tr("value"), -m, m);
  auto* orig = line(Text::tr("original x"), ThemeManager::seriesColor(3), Qt::SolidLine, 1.5);
  auto* rec = line(Text::tr("decoded x̂"), ThemeManager::keyColor());
  auto* err = line(Text::tr("error x̂ − x"), ThemeManager::valueColor(), Qt::DashLine, 1.5);
  for (auto* s : {orig, rec, err}) s->setPointsVisible(true);
  for (int i = 0; i < w.headDim; ++i) {
    orig->append(i, w.original[size_t(i)]);
    rec->append(i, w.reconstruction[size_t(i)]);
    err->append(i, w.error[size_t(i)]);
  }
  attach(chart, orig, x, y, "original");
  attach(chart, rec, x, y, "reconstruction");
  attach(chart, err, x, y, "error");
}

void showAttention(ChartView* view, const learn::Walkthrough& w, Role role) {
  const auto& a = w.attention;
  if (!a.available) {
    reset(view, Text::tr("No queries in this layer: attention cannot be shown"));
    return;
  }
  QChart* chart = reset(view, Text::tr("Weights of query head %1, %2 quantized")
                                  .arg(a.firstQueryHead)
                                  .arg(role == Role::K ? Text::tr("keys") : Text::tr("values")));
  const int n = int(a.probs.size());
  double yMax = 0;
  for (size_t j = 0; j < a.probs.size(); ++j) yMax = std::max({yMax, a.probs[j], a.probsHat[j]});
  auto* x = valueAxis(chart, Qt::AlignBottom, Text::tr("key position"), -0.5, std::max(1, n) - 0.5);
  x->setLabelFormat(QStringLiteral("%d"));
  auto* y = valueAxis(chart, Qt::AlignLeft, Text::tr("weight p_j"), 0, std::max(1e-3, yMax * 1.1));
  auto* p = line(Text::tr("original"), ThemeManager::keyColor(), Qt::SolidLine, 2.0);
  auto* ph = line(role == Role::K ? Text::tr("quantized K") : Text::tr("quantized V"), ThemeManager::valueColor(),
                  Qt::DashLine, 2.0);
  for (int j = 0; j < n; ++j) {
    p->append(j, a.probs[size_t(j)]);
    ph->append(j, a.probsHat[size_t(j)]);
  }
  if (n <= 64) {
    p->setPointsVisible(true);
    ph->setPointsVisible(true);
  }
  attach(chart, p, x, y, "probs");
  attach(chart, ph, x, y, "probsHat");
}

void showRateDistortion(ChartView* view, const LearnResult& r) {
  QChart* chart = reset(view, Text::tr("Rate–distortion of %1 on this head").arg(QString::fromStdString(r.request.options.method.method)));
  double xMax = 4.5, yMin = 1.0, yMax = 1.0;
  for (const auto& p : r.curve)
    if (p.relMse > 0 && std::isfinite(p.relMse)) {
      xMax = std::max(xMax, p.bitsPerValue + 0.5);
      yMin = std::min(yMin, p.relMse);
      yMax = std::max(yMax, p.relMse);
    }
  for (const auto& ref : r.reference) yMin = std::min(yMin, ref.shannon);
  yMin = std::pow(10.0, std::floor(std::log10(yMin * 0.6)));
  yMax = std::pow(10.0, std::ceil(std::log10(yMax * 1.2)));
  auto* x = valueAxis(chart, Qt::AlignBottom, Text::tr("bits per value (stored)"), 0, std::ceil(xMax));
  auto* y = new QLogValueAxis;
  y->setTitleText(Text::tr("relative MSE (log)"));
  y->setLabelFormat(QStringLiteral("%.0e"));
  y->setRange(yMin, yMax);
  chart->addAxis(y, Qt::AlignLeft);
  auto* shannon = line(Text::tr("4^−b limit"), textColor(view), Qt::DotLine, 1.5);
  for (double b = 0.25; b <= std::ceil(xMax) + 1e-9; b += 0.05)
    if (std::pow(4.0, -b) >= yMin) shannon->append(b, std::pow(4.0, -b));
  attach(chart, shannon, x, y, "shannon");
  auto* lloyd = line(Text::tr("Lloyd–Max"), ThemeManager::jointColor(), Qt::DashLine, 1.5);
  lloyd->setPointsVisible(true);
  for (const auto& ref : r.reference) lloyd->append(ref.bits, ref.lloydMax);
  attach(chart, lloyd, x, y, "lloydMax");
  auto* measured = line(Text::tr("measured"), ThemeManager::keyColor(), Qt::SolidLine, 2.0);
  measured->setPointsVisible(true);
  auto* current = new QScatterSeries;
  current->setName(Text::tr("current"));
  current->setMarkerSize(16);
  current->setColor(Qt::transparent);
  current->setBorderColor(ThemeManager::valueColor());
  current->setPen(QPen(ThemeManager::valueColor(), 2.5));
  for (const auto& p : r.curve) {
    if (!(p.relMse > 0) || !std::isfinite(p.relMse)) continue;
    measured->append(p.bitsPerValue, p.relMse);
    if (p.current) current->append(p.bitsPerValue, p.relMse);
  }
  attach(chart, measured, x, y, "measured");
  attach(chart, current, x, y, "current");
  view->setPointTooltip(measured, [](const QPointF& pt) {
    return Text::tr("%1 bits per value, relative MSE %2").arg(formatNumber(pt.x()), formatNumber(pt.y()));
  });
}

}  // namespace vq::ui::learn_charts
