// The Calibration + Sensitivity view: choose a probe, a menu (a method's bit-widths or a list of
// formats), the granularity, K/V joint or separate and the query sample, then Run (F5). Rows
// stream into the table and the bar chart while calibration runs on the worker; the finished
// table becomes the session's calibration (which the Allocation view allocates from).
#pragma once

#include <QFuture>
#include "ui/views/analysis_view.h"
#include <memory>

#include "core/calib/calibration_table.h"
#include "ui/jobs/calibration_job.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;

namespace vq::ui {

class JobRunner;
class RefreshThrottle;
class Session;
class SensitivityChart;
class SensitivityModel;
class TableView;

class SensitivityView : public AnalysisView {
  Q_OBJECT
 public:
  SensitivityView(Session* session, QWidget* parent = nullptr);
  ~SensitivityView() override;

  TableView* tableView() const override;
  ChartView* chartView() const override;
  QString exportName() const override { return QStringLiteral("sensitivity"); }

  QAction* runAction() const { return m_run; }
  JobRunner* runner() const { return m_runner; }
  SensitivityModel* model() const { return m_model; }
  SensitivityChart* chart() const { return m_chart; }
  TableView* table() const { return m_table; }
  int chartRefreshCount() const;  // throttled refreshes so far (tests)
  QComboBox* entryCombo() const { return m_entry; }  // the chart's "at" menu entry

  // The options the controls describe; throws vq::Error(InvalidArgument) for a bad bit list.
  calib::CalibrationOptions options() const;
  // Sets the controls (tests, --screenshot).
  void setOptions(calib::Probe probe, const QString& method, const QString& bitsOrFormats, calib::Granularity g,
                  calib::KvMode kv, int queries);

 public slots:
  void run();

 signals:
  void message(const QString& text);  // one line for the status bar

 private:
  void buildControls();
  void onMethodChanged();
  void onResults(int begin, int end);
  void onEnded();
  void showSessionTable();
  void updateChartQuantity();
  void updateNotes();
  void previewMenuEntries();  // fills the "at" entries from the controls' menu (no calibration yet)
  void saveOptions() const;
  void restoreOptions();

  Session* m_session;
  JobRunner* m_runner;
  SensitivityModel* m_model;
  QSortFilterProxyModel* m_proxy;
  SensitivityChart* m_chart;
  RefreshThrottle* m_throttle;
  TableView* m_table;
  QFuture<CalibrationUpdate> m_future;
  std::shared_ptr<const calib::CalibrationTable> m_finished;

  QComboBox* m_probe;
  QComboBox* m_method;
  QLineEdit* m_bits;
  QComboBox* m_granularity;
  QComboBox* m_kv;
  QSpinBox* m_queries;
  QPushButton* m_runButton;
  QAction* m_run;
  QComboBox* m_quantity;
  QComboBox* m_entry;
  QCheckBox* m_log;
  QLabel* m_notes;
};

}  // namespace vq::ui
