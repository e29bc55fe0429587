// The Quality view: per layer, what the allocation does to keys, values and the attention output
// compared with the uniform setting at the same budget (cosine, relative MSE, output error),
// measured on the dump on the worker (Measure), bars per layer beside the table.
#pragma once

#include <QFuture>

#include "ui/jobs/quality_job.h"
#include "ui/views/analysis_view.h"

class QBarCategoryAxis;
class QBarSeries;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QAbstractAxis;

namespace vq::ui {

class JobRunner;
class QualityModel;
class RefreshThrottle;
class Session;

class QualityView : public AnalysisView {
  Q_OBJECT
 public:
  enum class Metric { OutputError, RelMseK, RelMseV, OneMinusCosK, OneMinusCosV };

  QualityView(Session* session, QWidget* parent = nullptr);

  TableView* tableView() const override { return m_table; }
  ChartView* chartView() const override { return m_view; }
  QString exportName() const override { return QStringLiteral("quality"); }

  JobRunner* runner() const { return m_runner; }
  QualityModel* model() const { return m_model; }
  QString statusText() const;

 public slots:
  void run();

 private:
  void refreshChart();
  void updateState();
  Session* m_session;
  JobRunner* m_runner;
  QualityModel* m_model;
  TableView* m_table;
  ChartView* m_view;
  QBarSeries* m_series;
  QBarCategoryAxis* m_categories;
  QAbstractAxis* m_values = nullptr;
  RefreshThrottle* m_throttle;
  QFuture<QualityRow> m_future;
  std::vector<int> m_measured;  // the allocation's choice the rows belong to
  QComboBox* m_metric;
  QCheckBox* m_log;
  QPushButton* m_run;
  QLabel* m_status;
};

}  // namespace vq::ui
