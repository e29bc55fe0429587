// The Jobs dock (View ▸ Jobs): the log of background runs (JobLogModel) in a table, newest last,
// with Cancel for the selected running job (or every running job when none is selected) and
// Clear for the finished rows.
#pragma once

#include <QDockWidget>

class QPushButton;

namespace vq::ui {

class JobLogModel;
class JobRunner;
class TableView;

class JobsDock : public QDockWidget {
  Q_OBJECT
 public:
  explicit JobsDock(QWidget* parent = nullptr);
  void track(JobRunner* runner);
  JobLogModel* model() const { return m_model; }
  TableView* table() const { return m_table; }
  QPushButton* cancelButton() const { return m_cancel; }
  void cancelSelected();

 private:
  void updateButtons();
  JobLogModel* m_model;
  TableView* m_table;
  QPushButton* m_cancel;
  QPushButton* m_clear;
};

}  // namespace vq::ui
