// The Sensitivity bar chart: per group (layer or layer × KV head; K, V or K+V bars) the chosen
// quantity of the SensitivityModel's rows. refresh() re-reads the model (the view throttles it).
#pragma once

#include <QObject>

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
  Quantity m_quantity = Quantity::Distortion;
  int m_entry = 0;
};

}  // namespace vq::ui
