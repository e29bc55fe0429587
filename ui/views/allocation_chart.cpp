#include "ui/views/allocation_chart.h"

#include <QBarSeries>
#include <QChart>
#include <QLineSeries>
#include <QMouseEvent>
#include <QUndoStack>
#include <QValueAxis>
#include <cmath>

#include "ui/charts/chart_view.h"
#include "ui/charts/group_bar_chart.h"
#include "ui/commands/set_group_choice_command.h"
#include "ui/models/sensitivity_model.h"
#include "ui/session/session.h"

namespace vq::ui {

AllocationChart::AllocationChart(Session* session, QWidget* parent)
    : QObject(parent), m_session(session), m_bars(new GroupBarChart(parent)) {
  m_bars->setTooltip([this](int row) { return tooltip(row); });
  m_target = new QLineSeries(this);
  m_target->setName(tr("Target"));
  QChart* chart = m_bars->view()->chart();
  chart->addSeries(m_target);
  for (QAbstractAxis* axis : chart->axes()) m_target->attachAxis(axis);
  auto restyle = [this] {
    QPen pen(m_bars->view()->palette().color(QPalette::WindowText));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.5);
    m_target->setPen(pen);
  };
  restyle();
  connect(m_bars->view(), &ChartView::themeApplied, this, restyle);
  m_bars->view()->viewport()->installEventFilter(this);
  m_bars->view()->viewport()->setCursor(Qt::SizeVerCursor);
  m_bars->view()->setToolTip(QString());
}

ChartView* AllocationChart::view() const { return m_bars->view(); }

void AllocationChart::setTarget(double target) {
  m_targetValue = target;
  updateTargetLine();
}

void AllocationChart::updateTargetLine() {
  const int n = m_bars->categoryCount();
  if (n == 0 || m_targetValue <= 0) {
    m_target->clear();
    return;
  }
  m_target->replace(QList<QPointF>{{-0.5, m_targetValue}, {n - 0.5, m_targetValue}});
}

void AllocationChart::refresh() {
  const auto table = m_session->table();
  std::vector<calib::GroupKey> keys;
  if (table && m_session->hasAllocation())
    for (const auto& g : table->groups) keys.push_back(g.key);
  m_bars->setGroups(keys);
  double top = 1;
  if (table && m_session->hasAllocation()) {
    const auto unit = m_session->allocation().request.unit;
    for (size_t g = 0; g < table->groupCount(); ++g)
      for (size_t c = 0; c < table->entryCount(); ++c) top = std::max(top, table->rate(g, c, unit));
    m_bars->view()->chart()->setTitle(unit == calib::RateUnit::Bits ? tr("Bits per group (drag a bar to change it)")
                                                                    : tr("Stored bits per value per group (drag a bar to change it)"));
  } else {
    m_bars->view()->chart()->setTitle(tr("No allocation yet: calibrate in the Sensitivity view (F5), then Optimal"));
  }
  // A fixed range: the axis must not move under the pointer while dragging.
  m_bars->setRange(0, std::ceil(top * 1.1 + 0.01));
  refreshValues();
}

void AllocationChart::refreshValues() {
  std::vector<double> values;
  if (m_session->table() && m_session->hasAllocation())
    for (int g = 0; g < int(m_session->table()->groupCount()); ++g) values.push_back(m_session->groupRate(g));
  m_bars->setValues(values);
  updateTargetLine();
}

int AllocationChart::entryNearest(int row, double value) const {
  const auto table = m_session->table();
  if (!table || !m_session->hasAllocation() || row < 0 || size_t(row) >= table->groupCount()) return -1;
  const auto unit = m_session->allocation().request.unit;
  int best = -1;
  double bestDistance = HUGE_VAL;
  for (size_t c = 0; c < table->entryCount(); ++c) {
    const double d = std::fabs(table->rate(size_t(row), c, unit) - value);
    if (d < bestDistance) {
      bestDistance = d;
      best = int(c);
    }
  }
  return best;
}

bool AllocationChart::beginDrag(int row) {
  if (!m_session->table() || !m_session->hasAllocation() || row < 0 || size_t(row) >= m_session->table()->groupCount())
    return false;
  m_dragRow = row;
  m_gesture = SetGroupChoiceCommand::nextGesture();
  emit groupPressed(row);
  return true;
}

void AllocationChart::dragTo(double value) {
  if (m_dragRow < 0) return;
  const int entry = entryNearest(m_dragRow, value);
  if (entry < 0 || entry == m_session->choice(m_dragRow)) return;
  m_session->undoStack()->push(new SetGroupChoiceCommand(m_session, m_dragRow, entry, m_gesture));
}

void AllocationChart::endDrag() {
  m_dragRow = -1;
  m_gesture = 0;
}

bool AllocationChart::eventFilter(QObject* watched, QEvent* event) {
  if (watched != m_bars->view()->viewport()) return false;
  switch (event->type()) {
    case QEvent::MouseButtonPress: {
      auto* e = static_cast<QMouseEvent*>(event);
      if (e->button() != Qt::LeftButton) return false;
      const QPoint pos = e->position().toPoint();
      if (!beginDrag(m_bars->rowAt(pos))) return false;
      dragTo(m_bars->valueAt(pos));
      return true;
    }
    case QEvent::MouseMove: {
      if (m_dragRow < 0) return false;
      dragTo(m_bars->valueAt(static_cast<QMouseEvent*>(event)->position().toPoint()));
      return true;
    }
    case QEvent::MouseButtonRelease: {
      if (m_dragRow < 0) return false;
      endDrag();
      return true;
    }
    default: break;
  }
  return false;
}

QString AllocationChart::tooltip(int row) const {
  const auto table = m_session->table();
  if (!table || !m_session->hasAllocation() || row < 0 || size_t(row) >= table->groupCount()) return {};
  const auto g = size_t(row);
  const auto c = size_t(m_session->choice(row));
  return tr("<b>%1</b><br>%2<br>%3 bpv stored<br>predicted D = %4<br>w = %5")
      .arg(QString::fromStdString(table->groups[g].id), QString::fromStdString(table->menu[c].label),
           formatNumber(table->bpv[g][c]), formatNumber(table->distortion[g][c]), formatNumber(table->weight[g]));
}

}  // namespace vq::ui
