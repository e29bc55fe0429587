// The Sensitivity bar chart: per group (layer or layer × KV head; K, V or K+V bars) the chosen
// quantity of the SensitivityModel's rows. refresh() re-reads the model (the view throttles it).
#pragma once

#include <QObject>
#include <map>
#include <string>
#include <vector>

#include "core/calib/group.h"

namespace vq::ui {

class ChartView;
class GroupBarChart;
class SensitivityModel;

class SensitivityChart : public QObject {
  Q_OBJECT
 public:
  enum class Quantity { Distortion, Weighted, Weight, Beta };

  SensitivityChart(SensitivityModel* model, QWidget* parent);
  ChartView* view() const;
  GroupBarChart* bars() const { return m_bars; }

  // The groups a run will produce (known before it starts): their bars are laid out at once and
  // fill in as rows arrive, so streaming only changes bar heights (cheap) — never the axes.
  void setExpectedGroups(const std::vector<calib::GroupKey>& keys);
  void setQuantity(Quantity q, int entry);
  void setLogScale(bool on);
  void refresh();

  // The bar value of model row `row` (what the chart shows).
  double value(int row) const;
  int barCount() const;

 private:
  QString tooltip(int row) const;
  SensitivityModel* m_model;
  GroupBarChart* m_bars;
  std::vector<calib::GroupKey> m_expected;
  std::map<std::string, size_t> m_expectedIndex;  // group id → bar
  Quantity m_quantity = Quantity::Distortion;
  int m_entry = 0;
};

}  // namespace vq::ui
