// The Allocation bar chart: each group's rate (in the budget's unit) as a bar, with the target as
// a dashed line. Editable: press anywhere in a group's column and the group takes the menu entry
// whose rate is nearest to the pointer's height; keep dragging up/down to change it further.
// Each gesture is one undo step (SetGroupChoiceCommand merging by gesture id).
#pragma once

#include <QObject>

class QLineSeries;

namespace vq::ui {

class ChartView;
class GroupBarChart;
class Session;

class AllocationChart : public QObject {
  Q_OBJECT
 public:
  AllocationChart(Session* session, QWidget* parent);
  ChartView* view() const;
  GroupBarChart* bars() const { return m_bars; }

  void setTarget(double target);
  void refresh();        // groups and bars from the session
  void refreshValues();  // bars only (an edit)

  // The gesture API the mouse uses (tests drive it directly too).
  bool beginDrag(int row);
  void dragTo(double value);
  void endDrag();
  bool dragging() const { return m_dragRow >= 0; }
  // The menu entry whose rate for group `row` is nearest to `value`.
  int entryNearest(int row, double value) const;

 signals:
  void groupPressed(int row);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QString tooltip(int row) const;
  void updateTargetLine();

  Session* m_session;
  GroupBarChart* m_bars;
  QLineSeries* m_target;
  double m_targetValue = 0;
  int m_dragRow = -1;
  quint64 m_gesture = 0;
};

}  // namespace vq::ui
