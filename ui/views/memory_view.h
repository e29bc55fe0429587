// The Memory view: bytes per layer of the current allocation (K and V) against fp16, the totals,
// and the projection to a chosen context length and batch size.
#pragma once

#include "ui/views/analysis_view.h"

class QBarCategoryAxis;
class QBarSeries;
class QCheckBox;
class QLabel;
class QSpinBox;
class QValueAxis;

namespace vq::ui {

class MemoryModel;
class RefreshThrottle;
class Session;

class MemoryView : public AnalysisView {
  Q_OBJECT
 public:
  MemoryView(Session* session, QWidget* parent = nullptr);
  ~MemoryView() override;

  TableView* tableView() const override { return m_table; }
  ChartView* chartView() const override { return m_view; }
  QString exportName() const override { return QStringLiteral("memory"); }

  MemoryModel* model() const { return m_model; }
  void setProjection(int contextTokens, int batch);
  QString summaryText() const;

 private:
  void refreshChart();
  Session* m_session;
  MemoryModel* m_model;
  TableView* m_table;
  ChartView* m_view;
  QBarSeries* m_series;
  QBarCategoryAxis* m_categories;
  QValueAxis* m_values;
  RefreshThrottle* m_throttle;
  QSpinBox* m_context;
  QSpinBox* m_batch;
  QCheckBox* m_projected;
  QLabel* m_summary;
};

}  // namespace vq::ui
