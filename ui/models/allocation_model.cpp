#include "ui/models/allocation_model.h"

#include <QUndoStack>
#include <cmath>

#include "ui/commands/set_group_choice_command.h"
#include "ui/models/sensitivity_model.h"
#include "ui/session/session.h"

namespace vq::ui {

AllocationModel::AllocationModel(Session* session, QObject* parent) : QAbstractTableModel(parent), m_session(session) {
  auto reset = [this] {
    beginResetModel();
    m_rows = m_session->table() && m_session->hasAllocation() ? int(m_session->table()->groupCount()) : 0;
    endResetModel();
  };
  connect(session, &Session::tableChanged, this, reset);
  connect(session, &Session::allocationChanged, this, reset);
  connect(session, &Session::choiceChanged, this, [this](int g) {
    if (g < m_rows) emit dataChanged(index(g, 0), index(g, ColumnCount - 1));
  });
  connect(session, &Session::verifiedChanged, this, [this] {
    if (m_rows > 0) emit dataChanged(index(0, Measured), index(m_rows - 1, Measured));
  });
  reset();
}

int AllocationModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_rows; }
int AllocationModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AllocationModel::sortValue(int row, int column) const {
  const auto& t = *m_session->table();
  const auto& a = m_session->allocation();
  const auto g = size_t(row);
  const auto c = size_t(a.choice[g]);
  switch (column) {
    case Group: return QString::fromStdString(t.groups[g].id);
    case Layer: return t.groups[g].key.layer;
    case Head: return t.groups[g].key.head;
    case Role: return QString::fromUtf8(calib::groupRoleName(t.groups[g].key.role).data());
    case Setting: return a.choice[g];
    case Rate: return m_session->groupRate(row);
    case Bpv: return t.bpv[g][c];
    case Weight: return t.weight[g];
    case Predicted: return t.distortion[g][c];
    case Measured: {
      const auto& v = m_session->verified();
      return v && g < v->groupDistortion.size() ? v->groupDistortion[g] : std::nan("");
    }
    case Pinned: return g < a.pinned.size() && a.pinned[g];
    default: break;
  }
  return {};
}

QVariant AllocationModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= m_rows || index.column() >= ColumnCount) return {};
  const int row = index.row(), col = index.column();
  if (role == SortRole) return sortValue(row, col);
  const auto& t = *m_session->table();
  const auto& a = m_session->allocation();
  if (role == EntryRole || (role == Qt::EditRole && col == Setting)) return a.choice[size_t(row)];
  if (role == Qt::DisplayRole) {
    switch (col) {
      case Group:
      case Layer:
      case Role: return sortValue(row, col);
      case Head: return t.groups[size_t(row)].key.head < 0 ? tr("all") : QString::number(t.groups[size_t(row)].key.head);
      case Setting: return QString::fromStdString(t.menu[size_t(a.choice[size_t(row)])].label);
      case Pinned: return a.pinned.size() > size_t(row) && a.pinned[size_t(row)] ? tr("pinned") : QString();
      default: return formatNumber(sortValue(row, col).toDouble());
    }
  }
  if (role == Qt::TextAlignmentRole)
    return col == Group || col == Role || col == Setting || col == Pinned ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                                                                        : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
  if (role == Qt::ToolTipRole) {
    if (col == Setting) return tr("Double-click (or F2) to choose another setting; drag the bar in the chart");
    if (col == Measured && !m_session->verified()) return tr("Run Verify to measure");
  }
  return {};
}

bool AllocationModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!index.isValid() || index.column() != Setting || (role != Qt::EditRole && role != EntryRole)) return false;
  bool ok = false;
  const int entry = value.toInt(&ok);
  const auto t = m_session->table();
  if (!ok || !t || entry < 0 || size_t(entry) >= t->entryCount()) return false;
  if (entry == m_session->choice(index.row())) return true;
  m_session->undoStack()->push(new SetGroupChoiceCommand(m_session, index.row(), entry));
  return true;  // the session's choiceChanged emits dataChanged
}

Qt::ItemFlags AllocationModel::flags(const QModelIndex& index) const {
  Qt::ItemFlags f = QAbstractTableModel::flags(index);
  if (index.isValid() && index.column() == Setting) f |= Qt::ItemIsEditable;
  return f;
}

QVariant AllocationModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
  const bool bits = m_session->hasAllocation() && m_session->allocation().request.unit == calib::RateUnit::Bits;
  if (role == Qt::DisplayRole) {
    switch (section) {
      case Group: return tr("Group");
      case Layer: return tr("Layer");
      case Head: return tr("Head");
      case Role: return tr("K/V");
      case Setting: return tr("Setting");
      case Rate: return bits ? tr("Bits") : tr("Rate (bpv)");
      case Bpv: return tr("Stored bpv");
      case Weight: return tr("Weight w");
      case Predicted: return tr("Predicted D");
      case Measured: return tr("Measured D");
      case Pinned: return tr("Pin");
      default: break;
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case Rate: return tr("The group's rate in the budget's unit");
      case Bpv: return tr("Exact stored bits per value (norms, scales and padding counted)");
      case Predicted: return tr("Calibrated distortion at the chosen setting (estimated)");
      case Measured: return tr("Distortion measured by Verify with the whole allocation applied");
      default: break;
    }
  }
  return {};
}

}  // namespace vq::ui
