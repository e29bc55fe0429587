#include "ui/models/quality_model.h"

#include <cmath>

#include "ui/models/sensitivity_model.h"

namespace vq::ui {

QualityModel::QualityModel(QObject* parent) : QAbstractTableModel(parent) {}

void QualityModel::clear() {
  beginResetModel();
  m_rows.clear();
  endResetModel();
}

void QualityModel::append(const QualityRow& row) {
  const int at = int(m_rows.size());
  beginInsertRows({}, at, at);
  m_rows.push_back(row);
  endInsertRows();
}

int QualityModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int QualityModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant QualityModel::value(const QualityRow& r, int column) const {
  const double nan = std::nan("");
  switch (column) {
    case Layer: return r.layer;
    case BpvU: return r.uniform.bpv;
    case BpvA: return r.allocation.bpv;
    case CosKU: return r.uniform.cosineK;
    case CosKA: return r.allocation.cosineK;
    case CosVU: return r.uniform.cosineV;
    case CosVA: return r.allocation.cosineV;
    case MseKU: return r.uniform.relMseK;
    case MseKA: return r.allocation.relMseK;
    case MseVU: return r.uniform.relMseV;
    case MseVA: return r.allocation.relMseV;
    case OutU: return r.uniform.outputError.value_or(nan);
    case OutA: return r.allocation.outputError.value_or(nan);
    case OutChange:
      return r.uniform.outputError && r.allocation.outputError && *r.uniform.outputError > 0
                 ? 100.0 * (*r.allocation.outputError / *r.uniform.outputError - 1.0)
                 : nan;
    default: break;
  }
  return {};
}

QVariant QualityModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount) return {};
  const QualityRow& r = m_rows[size_t(index.row())];
  const int c = index.column();
  if (role == SortRole) return value(r, c);
  if (role == Qt::DisplayRole) {
    if (c == Layer) return r.layer;
    if (c == OutChange) {
      const double v = value(r, c).toDouble();
      return std::isnan(v) ? QStringLiteral("—") : (v > 0 ? QStringLiteral("+") : QString()) + formatNumber(v, 3) + QLatin1Char('%');
    }
    if (c == CosKU || c == CosKA || c == CosVU || c == CosVA) return formatNumber(value(r, c).toDouble(), 5);
    return formatNumber(value(r, c).toDouble());
  }
  if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

QVariant QualityModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case Layer: return tr("Layer");
      case BpvU: return tr("bpv uniform");
      case BpvA: return tr("bpv alloc.");
      case CosKU: return tr("K cos uniform");
      case CosKA: return tr("K cos alloc.");
      case CosVU: return tr("V cos uniform");
      case CosVA: return tr("V cos alloc.");
      case MseKU: return tr("K MSE uniform");
      case MseKA: return tr("K MSE alloc.");
      case MseVU: return tr("V MSE uniform");
      case MseVA: return tr("V MSE alloc.");
      case OutU: return tr("Output err. uniform");
      case OutA: return tr("Output err. alloc.");
      case OutChange: return tr("Δ output err.");
      default: break;
    }
  }
  if (role == Qt::ToolTipRole) {
    if (section >= MseKU && section <= MseVA) return tr("Mean relative MSE ‖x−x̂‖²/‖x‖² of the layer's vectors");
    if (section >= OutU) return tr("Attention output error ‖o−ô‖²/‖o‖² of the layer's real queries, K̂ and V̂ together");
    if (section >= CosKU) return tr("Mean cosine similarity of original and reconstructed vectors");
  }
  return {};
}

}  // namespace vq::ui
