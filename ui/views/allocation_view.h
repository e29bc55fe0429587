// The Allocation view: the target average rate (slider + spin box), the allocators (optimal,
// ratequant, uniform), protected first/last layers, separate K/V budgets; an editable bar chart
// and table of the per-group settings; live average rate, memory and predicted distortion; Verify
// (measures the allocation on the dump, predicted vs measured). Every change to the allocation is
// an undo command on the session's stack; solvers and verify run on the worker.
#pragma once

#include <QFuture>
#include "ui/views/analysis_view.h"

#include "core/alloc/allocator.h"
#include "core/alloc/verify.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSortFilterProxyModel;
class QSpinBox;

namespace vq::ui {

class AllocationChart;
class AllocationModel;
class JobRunner;
class Session;
class TableView;

class AllocationView : public AnalysisView {
  Q_OBJECT
 public:
  AllocationView(Session* session, QWidget* parent = nullptr);
  ~AllocationView() override;

  TableView* tableView() const override;
  ChartView* chartView() const override;
  QString exportName() const override { return QStringLiteral("allocation"); }

  JobRunner* runner() const { return m_runner; }
  AllocationModel* model() const { return m_model; }
  AllocationChart* chart() const { return m_chart; }
  TableView* table() const { return m_table; }

  // The request the controls describe (unit from the table's menu).
  alloc::AllocationRequest request() const;
  void setTarget(double target);
  void setProtectedLayers(int first, int last);
  // Separate average rates for the K and the V groups (K/V separate calibrations only).
  void setSeparateBudgets(bool on, double k = 0, double v = 0);
  QString summaryText() const;  // the live summary line (tests)
  // Gives every group selected in the table menu entry `entry`, as one undo step.
  void setSelectedChoice(int entry);
  std::vector<int> selectedGroups() const;

 public slots:
  void solve(alloc::AllocatorKind kind);
  void verify();

 signals:
  void message(const QString& text);

 private:
  void buildControls();
  void onTableChanged();
  void updateSummary();
  void updateEnabled();
  void showRequest(const alloc::AllocationRequest& r);  // the controls follow a solved/reopened allocation

  Session* m_session;
  JobRunner* m_runner;
  AllocationModel* m_model;
  QSortFilterProxyModel* m_proxy;
  AllocationChart* m_chart;
  TableView* m_table;
  QFuture<alloc::Allocation> m_solving;
  QFuture<alloc::VerifyResult> m_verifying;
  std::vector<int> m_verifyingChoice;
  alloc::AllocatorKind m_kind = alloc::AllocatorKind::Optimal;
  bool m_verifyJob = false;
  bool m_settingBaseline = false;  // the uniform start after a calibration: controls keep the user's choices

  QSlider* m_slider;
  QDoubleSpinBox* m_target;
  QLabel* m_unit;
  QSpinBox* m_first;
  QSpinBox* m_last;
  QCheckBox* m_split;
  QDoubleSpinBox* m_targetK;
  QDoubleSpinBox* m_targetV;
  QPushButton* m_optimal;
  QPushButton* m_ratequant;
  QPushButton* m_uniform;
  QPushButton* m_verify;
  QLabel* m_summary;
  QLabel* m_verifyText;
};

}  // namespace vq::ui
