// What every analysis view (a tab of the main window) offers the window's Export and Copy
// actions: its table, its chart and a short name for default file names.
#pragma once

#include <QWidget>

namespace vq::ui {

class ChartView;
class TableView;

class AnalysisView : public QWidget {
  Q_OBJECT
 public:
  using QWidget::QWidget;
  virtual TableView* tableView() const = 0;
  virtual ChartView* chartView() const = 0;
  virtual QString exportName() const = 0;  // "sensitivity", "allocation", ...
};

}  // namespace vq::ui
