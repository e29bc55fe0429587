#include "ui/views/sensitivity_chart.h"

#include <QChart>
#include <algorithm>

#include "ui/charts/chart_view.h"
#include "ui/charts/group_bar_chart.h"
#include "ui/models/sensitivity_model.h"

namespace vq::ui {

SensitivityChart::SensitivityChart(SensitivityModel* model, QWidget* parent)
    : QObject(parent), m_model(model), m_bars(new GroupBarChart(parent)) {
  m_bars->view()->setZoomable(true);
  m_bars->setTooltip([this](int row) { return tooltip(row); });
}

ChartView* SensitivityChart::view() const { return m_bars->view(); }

void SensitivityChart::setQuantity(Quantity q, int entry) {
  m_quantity = q;
  m_entry = entry;
  refresh();
}

void SensitivityChart::setLogScale(bool on) {
  m_bars->setLogScale(on);
  refresh();
}

double SensitivityChart::value(int row) const {
  const auto& r = m_model->rows().at(size_t(row));
  const size_t e = r.distortion.empty() ? 0 : std::min(size_t(std::max(m_entry, 0)), r.distortion.size() - 1);
  switch (m_quantity) {
    case Quantity::Distortion: return r.distortion.empty() ? 0 : r.distortion[e];
    case Quantity::Weighted: return r.distortion.empty() ? 0 : r.weight * r.distortion[e];
    case Quantity::Weight: return r.weight;
    case Quantity::Beta: return r.fit.valid ? r.fit.beta : 0;
  }
  return 0;
}

int SensitivityChart::barCount() const { return m_bars->barCount(); }

void SensitivityChart::setExpectedGroups(const std::vector<calib::GroupKey>& keys) {
  m_expected = keys;
  m_expectedIndex.clear();
  for (size_t i = 0; i < keys.size(); ++i) m_expectedIndex[keys[i].id()] = i;
}

void SensitivityChart::refresh() {
  const auto& rows = m_model->rows();
  std::vector<calib::GroupKey> keys;
  std::vector<double> values;
  // Rows of the expected run fill their bars; anything else lays the bars out from the rows.
  bool expected = !m_expected.empty();
  for (size_t i = 0; i < rows.size() && expected; ++i) expected = m_expectedIndex.count(rows[i].group.id) > 0;
  if (expected) {
    keys = m_expected;
    values.assign(keys.size(), 0.0);
    for (size_t i = 0; i < rows.size(); ++i) values[m_expectedIndex[rows[i].group.id]] = value(int(i));
  } else {
    keys.reserve(rows.size());
    values.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      keys.push_back(rows[i].group.key);
      values.push_back(value(int(i)));
    }
  }
  m_bars->setGroups(keys);
  m_bars->setValues(values);
  static const char* const titles[] = {QT_TR_NOOP("Distortion D per group"), QT_TR_NOOP("Weighted distortion w·D per group"),
                                       QT_TR_NOOP("Weight / probe score per group"), QT_TR_NOOP("Fitted β per group")};
  m_bars->view()->chart()->setTitle(rows.empty() && keys.empty() ? tr("No calibration yet: choose a probe and a menu, then Run (F5)")
                                                                 : tr(titles[int(m_quantity)]));
}

QString SensitivityChart::tooltip(int row) const {
  if (row < 0 || size_t(row) >= m_model->rows().size()) return {};
  const auto& r = m_model->rows()[size_t(row)];
  QString text = QStringLiteral("<b>%1</b>").arg(QString::fromStdString(r.group.id));
  for (size_t e = 0; e < r.distortion.size() && e < m_model->menu().size(); ++e)
    text += tr("<br>D @%1 = %2").arg(shortEntryLabel(m_model->menu()[e], m_model->menu()), formatNumber(r.distortion[e]));
  text += tr("<br>w = %1").arg(formatNumber(r.weight));
  if (r.fit.valid)
    text += tr("<br>α = %1, β = %2, R² = %3").arg(formatNumber(r.fit.alpha), formatNumber(r.fit.beta, 3), formatNumber(r.fit.r2, 3));
  return text;
}

}  // namespace vq::ui
