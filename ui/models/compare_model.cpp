#include "ui/models/compare_model.h"

#include <cmath>

#include "ui/models/sensitivity_model.h"

namespace vq::ui {

namespace {
QVariant optional(const std::optional<double>& v) { return v ? QVariant(*v) : QVariant(std::nan("")); }
}  // namespace

CompareModel::CompareModel(QObject* parent) : QAbstractTableModel(parent) {}

void CompareModel::clear() {
  beginResetModel();
  m_rows.clear();
  endResetModel();
}

void CompareModel::append(const CompareRow& row) {
  const int at = int(m_rows.size());
  beginInsertRows({}, at, at);
  m_rows.push_back(row);
  endInsertRows();
}

int CompareModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int CompareModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CompareModel::value(const CompareRow& r, int column) const {
  const bool ran = r.skipped.empty();
  const double nan = std::nan("");
  switch (column) {
    case Method: return QString::fromStdString(r.method);
    case Bits: return r.bits;
    case Bpv: return ran ? r.bpv : nan;
    case Compression: return ran ? r.compression : nan;
    case RelMseK: return ran ? r.relMseK : nan;
    case RelMseV: return ran ? r.relMseV : nan;
    case CosineK: return ran ? r.cosineK : nan;
    case CosineV: return ran ? r.cosineV : nan;
    case OutputError: return ran ? optional(r.outputError) : nan;
    case OutputErrorK: return ran ? optional(r.outputErrorK) : nan;
    case OutputErrorV: return ran ? optional(r.outputErrorV) : nan;
    case WastedBitsK: return ran ? r.wastedBitsK : nan;
    case Seconds: return ran ? r.seconds : nan;
    case Note: return QString::fromStdString(r.skipped);
    default: break;
  }
  return {};
}

QVariant CompareModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount) return {};
  const CompareRow& r = m_rows[size_t(index.row())];
  const int c = index.column();
  if (role == SortRole) return value(r, c);
  if (role == Qt::DisplayRole) {
    if (c == Method || c == Note) return value(r, c);
    if (c == Bits) return r.bits > 0 ? QString::number(r.bits) : tr("format");
    if (c == Seconds) return formatNumber(value(r, c).toDouble(), 3);
    return formatNumber(value(r, c).toDouble());
  }
  if (role == Qt::TextAlignmentRole)
    return c == Method || c == Note ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole && !r.skipped.empty()) return QString::fromStdString(r.skipped);
  return {};
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case Method: return tr("Method");
      case Bits: return tr("Bits");
      case Bpv: return tr("bpv");
      case Compression: return tr("× fp16");
      case RelMseK: return tr("K rel. MSE");
      case RelMseV: return tr("V rel. MSE");
      case CosineK: return tr("K cosine");
      case CosineV: return tr("V cosine");
      case OutputError: return tr("Output error");
      case OutputErrorK: return tr("K-only");
      case OutputErrorV: return tr("V-only");
      case WastedBitsK: return tr("K wasted bits");
      case Seconds: return tr("Time (s)");
      case Note: return tr("Note");
      default: break;
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case Bpv: return tr("Exact stored bits per value of keys and values (norms, scales, padding counted)");
      case OutputError: return tr("Attention output error ‖o−ô‖²/‖o‖² of real queries with K̂ and V̂");
      case WastedBitsK: return tr("½·log₂(D / 4^−b): bits spent above the Shannon limit of a Gaussian source");
      default: break;
    }
  }
  return {};
}

}  // namespace vq::ui
