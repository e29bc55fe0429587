#include "ui/charts/group_bar_chart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QFontMetrics>
#include <QLocale>
#include <QLogValueAxis>
#include <QPainter>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <map>

#include "ui/charts/chart_view.h"
#include "ui/theme/theme.h"

namespace vq::ui {

namespace {
int roleIndex(calib::GroupRole r) { return r == calib::GroupRole::K ? 0 : r == calib::GroupRole::V ? 1 : 2; }
}  // namespace

GroupBarChart::GroupBarChart(QWidget* parent) : QObject(parent), m_view(new ChartView(parent)) {
  m_series = new QBarSeries(this);
  m_series->setBarWidth(0.85);
  m_view->chart()->addSeries(m_series);
  m_categories = new QBarCategoryAxis(this);
  m_view->chart()->addAxis(m_categories, Qt::AlignBottom);
  m_series->attachAxis(m_categories);
  m_index = new QValueAxis(this);
  m_index->setLabelsVisible(false);
  m_index->setGridLineVisible(false);
  m_index->setTickCount(2);
  setLogScale(false);
  m_view->chart()->legend()->setAlignment(Qt::AlignTop);
  m_view->setBarTooltip(m_series, [this](int category, QBarSet* set) {
    const auto it = std::find(m_sets.begin(), m_sets.end(), set);
    if (it == m_sets.end() || !m_tooltip) return QString();
    const int row = rowOf(category, m_roles[size_t(it - m_sets.begin())]);
    return row >= 0 ? m_tooltip(row) : QString();
  });
  connect(m_view, &ChartView::themeApplied, this, &GroupBarChart::recolor);
  connect(m_view->chart(), &QChart::plotAreaChanged, this, &GroupBarChart::fitLabels);
}

void GroupBarChart::fitLabels() {
  const QStringList names = m_categories->categories();
  if (names.isEmpty()) return;
  const QFontMetrics fm(m_categories->labelsFont());
  int widest = 0;
  for (const QString& n : names) widest = std::max(widest, fm.horizontalAdvance(n));
  const double perCategory = m_view->chart()->plotArea().width() / double(names.size());
  // Labels that cannot be read even upright are left out: the tooltips and the crosshair name
  // every bar. The category axis then makes way for an unlabelled index axis: Qt Charts lays out
  // every category label on each repaint even when hidden (192 groups held the GUI thread in
  // text shaping for 50-100 ms at a time).
  const bool readable = perCategory >= fm.height() * 0.9;
  QChart* chart = m_view->chart();
  const bool onAxis = m_series->attachedAxes().contains(m_categories);
  if (readable != onAxis) {
    QAbstractAxis* from = onAxis ? static_cast<QAbstractAxis*>(m_categories) : m_index;
    QAbstractAxis* to = onAxis ? static_cast<QAbstractAxis*>(m_index) : m_categories;
    m_series->detachAxis(from);
    chart->removeAxis(from);
    from->setParent(this);  // the chart gives it up; this object keeps both axes
    chart->addAxis(to, Qt::AlignBottom);
    m_series->attachAxis(to);
    m_view->setCrosshairText(readable ? std::function<QString(const QPointF&)>() : [this](const QPointF& v) {
      const QStringList all = m_categories->categories();
      const qsizetype i = qsizetype(std::lround(v.x()));
      if (i < 0 || i >= all.size()) return QString();
      return QStringLiteral("%1: %2").arg(all[i], QLocale().toString(v.y(), 'g', 4));
    });
  }
  m_index->setRange(-0.5, double(names.size()) - 0.5);
  if (!readable) return;
  m_categories->setLabelsVisible(true);
  const int angle = widest * 1.25 + 12 > perCategory ? -90 : 0;  // Qt Charts elides before the exact fit
  if (m_categories->labelsAngle() != angle) m_categories->setLabelsAngle(angle);
}

bool GroupBarChart::categoryLabelsOnAxis() const { return m_series->attachedAxes().contains(m_categories); }

int GroupBarChart::rowOf(int category, int role) const {
  if (category < 0 || size_t(category) >= m_rowOf.size() || role < 0 || role > 2) return -1;
  return m_rowOf[size_t(category)][size_t(role)];
}

void GroupBarChart::setGroups(const std::vector<calib::GroupKey>& keys) {
  if (keys == m_keys && !keys.empty()) return;  // the common case while data streams: only values change
  m_keys = keys;
  std::map<std::pair<int, int>, int> categoryOf;
  QStringList names;
  m_rowOf.clear();
  bool present[3] = {false, false, false};
  for (size_t i = 0; i < keys.size(); ++i) {
    const auto& key = keys[i];
    auto [it, inserted] = categoryOf.try_emplace({key.layer, key.head}, int(names.size()));
    if (inserted) {
      names << (key.head < 0 ? QStringLiteral("L%1").arg(key.layer)
                             : QStringLiteral("L%1.H%2").arg(key.layer).arg(key.head));
      m_rowOf.push_back({-1, -1, -1});
    }
    m_rowOf[size_t(it->second)][size_t(roleIndex(key.role))] = int(i);
    present[roleIndex(key.role)] = true;
  }
  std::vector<int> roles;
  for (int r = 0; r < 3; ++r)
    if (present[r]) roles.push_back(r);
  // A new layout is built in one go: the series is emptied, the categories set, then every set is
  // added already filled — Qt Charts lays the bars out once instead of once per change.
  m_series->clear();  // deletes the sets
  m_sets.clear();
  m_roles = roles;
  if (m_categories->categories() != names) {
    m_categories->clear();
    m_categories->append(names);
  }
  m_valuesByRow.resize(m_keys.size(), 0.0);
  static const char* const roleNames[] = {QT_TR_NOOP("K"), QT_TR_NOOP("V"), QT_TR_NOOP("K+V")};
  QList<QBarSet*> sets;
  for (int r : m_roles) {
    auto* set = new QBarSet(tr(roleNames[r]));
    QList<qreal> list(qsizetype(m_rowOf.size()), 0.0);
    for (size_t c = 0; c < m_rowOf.size(); ++c)
      if (const int row = m_rowOf[c][size_t(r)]; row >= 0) list[qsizetype(c)] = m_valuesByRow[size_t(row)];
    set->append(list);
    sets.append(set);
    m_sets.push_back(set);
  }
  recolor();
  // Hundreds of axis-aligned bars draw sharp without antialiasing, and faster.
  m_view->setRenderHint(QPainter::Antialiasing, m_keys.size() <= 128);
  m_series->append(sets);
  fitLabels();
  setValues(m_valuesByRow);
}

void GroupBarChart::setValues(const std::vector<double>& values) {
  m_valuesByRow = values;
  m_valuesByRow.resize(m_keys.size(), 0.0);
  double top = 0, bottom = HUGE_VAL;
  for (size_t s = 0; s < m_sets.size(); ++s) {
    QList<qreal> list(qsizetype(m_rowOf.size()), 0.0);
    for (size_t c = 0; c < m_rowOf.size(); ++c) {
      const int row = m_rowOf[c][size_t(m_roles[s])];
      if (row < 0) continue;
      const double v = m_valuesByRow[size_t(row)];
      list[qsizetype(c)] = v;
      top = std::max(top, v);
      if (v > 0) bottom = std::min(bottom, v);
    }
    QBarSet* set = m_sets[s];
    if (set->count() == list.size()) {
      for (qsizetype i = 0; i < list.size(); ++i)
        if (set->at(i) != list[i]) set->replace(i, list[i]);
    } else {
      set->remove(0, set->count());
      set->append(list);
    }
  }
  if (!m_fixed) {
    if (top <= 0) top = 1;
    if (!(bottom < HUGE_VAL)) bottom = top / 10;
    m_min = m_log ? std::pow(10.0, std::floor(std::log10(bottom))) : 0.0;
    m_max = m_log ? std::pow(10.0, std::ceil(std::log10(top))) : top * 1.08;
  }
  applyRange();
}

void GroupBarChart::setLogScale(bool on) {
  if (m_values && on == m_log) return;
  m_log = on;
  QChart* chart = m_view->chart();
  if (m_values) {
    m_series->detachAxis(m_values);
    chart->removeAxis(m_values);
    delete m_values;
  }
  if (m_log) {
    auto* axis = new QLogValueAxis(this);
    axis->setLabelFormat(QStringLiteral("%.0e"));
    m_values = axis;
  } else {
    auto* axis = new QValueAxis(this);
    axis->setLabelFormat(QStringLiteral("%.3g"));
    m_values = axis;
  }
  chart->addAxis(m_values, Qt::AlignLeft);
  m_series->attachAxis(m_values);
  setValues(m_valuesByRow);
}

void GroupBarChart::setRange(double min, double max) {
  m_fixed = true;
  m_min = min;
  m_max = max;
  applyRange();
}

void GroupBarChart::autoRange() {
  m_fixed = false;
  setValues(m_valuesByRow);
}

void GroupBarChart::applyRange() {
  if (m_values) m_values->setRange(m_min, m_max);
}

void GroupBarChart::recolor() {
  for (size_t s = 0; s < m_sets.size(); ++s) {
    const int r = m_roles[s];
    const QColor c = r == 0 ? ThemeManager::keyColor() : r == 1 ? ThemeManager::valueColor() : ThemeManager::jointColor();
    m_sets[s]->setColor(c);
    m_sets[s]->setBorderColor(c.darker(130));
  }
}

int GroupBarChart::rowAt(const QPoint& viewportPos) const {
  if (m_rowOf.empty() || m_sets.empty()) return -1;
  QChart* chart = m_view->chart();
  const QPointF scene = m_view->mapToScene(viewportPos);
  const QPointF inChart = chart->mapFromScene(scene);
  if (!chart->plotArea().contains(inChart)) return -1;
  const QPointF v = chart->mapToValue(inChart, m_series);
  const int category = int(std::lround(v.x()));
  if (category < 0 || size_t(category) >= m_rowOf.size()) return -1;
  const double width = m_series->barWidth();
  const double offset = v.x() - category + width / 2;
  if (offset < 0 || offset > width) return -1;
  const int set = std::clamp(int(offset / (width / double(m_sets.size()))), 0, int(m_sets.size()) - 1);
  return rowOf(category, m_roles[size_t(set)]);
}

double GroupBarChart::valueAt(const QPoint& viewportPos) const {
  QChart* chart = m_view->chart();
  const QPointF inChart = chart->mapFromScene(m_view->mapToScene(viewportPos));
  return chart->mapToValue(inChart, m_series).y();
}

int GroupBarChart::barCount() const {
  int n = 0;
  for (const auto& row : m_rowOf)
    for (int r : row) n += r >= 0;
  return n;
}

}  // namespace vq::ui
