// A bar chart of calibration groups: one category per layer (or layer × KV head) and one bar set
// per role present (K, V, or K+V for joint groups), coloured per role. Callers give the groups
// (setGroups) and one value per group (setValues); rows are the groups' positions in that list.
// Also maps a point of the plot to the group whose column it falls in (click-to-edit).
#pragma once

#include <QObject>
#include <QStringList>
#include <array>
#include <functional>
#include <vector>

#include "core/calib/group.h"

class QAbstractAxis;
class QBarCategoryAxis;
class QValueAxis;
class QBarSeries;
class QBarSet;

namespace vq::ui {

class ChartView;

class GroupBarChart : public QObject {
  Q_OBJECT
 public:
  explicit GroupBarChart(QWidget* parent);
  ChartView* view() const { return m_view; }
  QBarSeries* series() const { return m_series; }
  QAbstractAxis* valueAxis() const { return m_values; }

  void setGroups(const std::vector<calib::GroupKey>& keys);
  int groupCount() const { return int(m_keys.size()); }
  int categoryCount() const { return int(m_rowOf.size()); }
  // One value per group (missing trailing values show as 0). Bars are updated in place.
  void setValues(const std::vector<double>& values);
  double valueOf(int row) const { return row >= 0 && size_t(row) < m_valuesByRow.size() ? m_valuesByRow[size_t(row)] : 0; }
  // The value axis: linear from 0 (or [min,max] when given), or logarithmic.
  void setLogScale(bool on);
  bool logScale() const { return m_log; }
  void setRange(double min, double max);  // fixed range; autoRange() returns to automatic
  void autoRange();
  void setTooltip(std::function<QString(int row)> text) { m_tooltip = std::move(text); }

  // The group row under a viewport position (by column: anywhere above or on its bar), or -1.
  int rowAt(const QPoint& viewportPos) const;
  // The value at a viewport position's height.
  double valueAt(const QPoint& viewportPos) const;
  int barCount() const;  // bars shown (tests)
  bool categoryLabelsOnAxis() const;  // false while the groups are too many to label (tests)

 private:
  void recolor();
  void applyRange();
  void fitLabels();  // vertical category labels when they do not fit side by side
  int rowOf(int category, int role) const;

  ChartView* m_view;
  QBarSeries* m_series;
  QBarCategoryAxis* m_categories;
  QValueAxis* m_index;  // stands in for m_categories while the groups are too many to label
  QAbstractAxis* m_values = nullptr;
  std::vector<calib::GroupKey> m_keys;
  std::vector<std::array<int, 3>> m_rowOf;  // category → role (K, V, KV) → row or -1
  std::vector<int> m_roles;                 // roles present, in set order
  std::vector<QBarSet*> m_sets;             // parallel to m_roles
  std::vector<double> m_valuesByRow;
  std::function<QString(int)> m_tooltip;
  bool m_log = false;
  bool m_fixed = false;
  double m_min = 0, m_max = 1;
};

}  // namespace vq::ui
