// The Compare view: the registry's methods side by side on the open dump — pick methods and
// bit-widths, Run, and rows stream into the table and the rate–distortion scatter (with the 4^−b
// limit and the Pareto front) as each method finishes.
#pragma once

#include <QFuture>

#include "ui/jobs/compare_job.h"
#include "ui/views/analysis_view.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;

namespace vq::ui {

class CompareChart;
class CompareModel;
class JobRunner;
class RefreshThrottle;
class Session;

class CompareView : public AnalysisView {
  Q_OBJECT
 public:
  CompareView(Session* session, QWidget* parent = nullptr);
  ~CompareView() override;

  TableView* tableView() const override { return m_table; }
  ChartView* chartView() const override;
  QString exportName() const override { return QStringLiteral("compare"); }

  JobRunner* runner() const { return m_runner; }
  CompareModel* model() const { return m_model; }
  CompareChart* chart() const { return m_chart; }
  CompareRequest request() const;
  void setRequest(const QStringList& methods, const QString& bits, int queries);

 public slots:
  void run();

 private:
  void updateEnabled();
  Session* m_session;
  JobRunner* m_runner;
  CompareModel* m_model;
  QSortFilterProxyModel* m_proxy;
  CompareChart* m_chart;
  RefreshThrottle* m_throttle;
  TableView* m_table;
  QFuture<CompareRow> m_future;
  QListWidget* m_methods;
  QLineEdit* m_bits;
  QSpinBox* m_queries;
  QComboBox* m_metric;
  QPushButton* m_run;
  QLabel* m_status;
};

}  // namespace vq::ui
