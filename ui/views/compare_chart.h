// The rate–distortion scatter of the Compare view: bits per value (x) against a measured error
// (y, logarithmic), one marker series per method, the 4^−b limit of a Gaussian source and the
// Pareto front (configurations no other beats in both storage and error).
#pragma once

#include <QObject>
#include <vector>

#include "ui/jobs/compare_job.h"

class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace vq::ui {

class ChartView;

class CompareChart : public QObject {
  Q_OBJECT
 public:
  enum class Metric { OutputError, RelMseK, RelMseV };

  explicit CompareChart(QWidget* parent);
  ChartView* view() const { return m_view; }
  void setMetric(Metric m);
  void setRows(const std::vector<CompareRow>& rows);

  // The Pareto front of the points (x ascending), for tests: indices into the rows given.
  static std::vector<size_t> paretoFront(const std::vector<double>& x, const std::vector<double>& y);
  int pointCount() const { return m_points; }

 private:
  double metricOf(const CompareRow& r) const;
  ChartView* m_view;
  QValueAxis* m_x;
  QLogValueAxis* m_y;
  std::vector<CompareRow> m_rows;
  Metric m_metric = Metric::OutputError;
  int m_points = 0;
};

}  // namespace vq::ui
