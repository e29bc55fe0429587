// The Allocation table: one row per calibration group with its chosen menu entry (editable: the
// edit becomes a SetGroupChoiceCommand on the session's undo stack), the rate in the budget's
// unit, the exact stored bpv, the weight, the predicted distortion at the chosen entry and, after
// verify, the measured one. Reads everything from the Session and follows its signals.
#pragma once

#include <QAbstractTableModel>

namespace vq::ui {

class Session;

class AllocationModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Group, Layer, Head, Role, Setting, Rate, Bpv, Weight, Predicted, Measured, Pinned, ColumnCount };
  static constexpr int SortRole = Qt::UserRole;
  static constexpr int EntryRole = Qt::UserRole + 1;  // Setting column: the menu entry index

  explicit AllocationModel(Session* session, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  QVariant sortValue(int row, int column) const;
  Session* m_session;
  int m_rows = 0;
};

}  // namespace vq::ui
