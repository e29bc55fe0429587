#include "ui/models/memory_model.h"

#include <QLocale>
#include <cmath>

#include "ui/models/sensitivity_model.h"
#include "ui/session/session.h"

namespace vq::ui {

QString formatBytes(double bytes) {
  if (std::isnan(bytes)) return QStringLiteral("—");
  return QLocale().formattedDataSize(qint64(std::llround(bytes)), 2, QLocale::DataSizeSIFormat);
}

MemoryModel::MemoryModel(Session* session, QObject* parent) : QAbstractTableModel(parent), m_session(session) {
  connect(session, &Session::dumpChanged, this, &MemoryModel::recompute);
  connect(session, &Session::allocationChanged, this, &MemoryModel::recompute);
  connect(session, &Session::allocationSummaryChanged, this, &MemoryModel::recompute);
  recompute();
}

void MemoryModel::setProjection(int64_t contextTokens, int batch) {
  m_context = std::max<int64_t>(1, contextTokens);
  m_batch = std::max(1, batch);
  if (!m_rows.empty()) emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
  emit headerDataChanged(Qt::Horizontal, ProjectedFp16, Projected);
  emit recomputed();
}

void MemoryModel::recompute() {
  std::vector<Row> rows;
  const auto dump = m_session->dump();
  const auto table = m_session->table();
  m_allocated = table && m_session->hasAllocation();
  if (dump) {
    for (const auto& l : dump->info().layers) {
      Row r;
      r.layer = l.index;
      r.tokens = l.tokens;
      r.fp16 = 2.0 * double(l.tokens) * double(l.headDim) * double(l.kvHeads) * 2.0;
      r.k = r.v = r.kv = std::nan("");
      rows.push_back(r);
    }
    if (m_allocated) {
      for (auto& r : rows) r.k = r.v = r.kv = 0;
      bool joint = false;
      for (size_t g = 0; g < table->groupCount(); ++g) {
        const auto& key = table->groups[g].key;
        if (key.layer < 0 || size_t(key.layer) >= rows.size()) continue;
        Row& r = rows[size_t(key.layer)];
        const double bytes = m_session->groupBytes(int(g));
        r.kv += bytes;
        if (key.role == calib::GroupRole::K) r.k += bytes;
        else if (key.role == calib::GroupRole::V) r.v += bytes;
        else joint = true;
      }
      if (joint)
        for (auto& r : rows) r.k = r.v = std::nan("");
      // Layers the calibration left out are not allocated.
      std::vector<bool> covered(rows.size(), false);
      for (const auto& g : table->groups)
        if (g.key.layer >= 0 && size_t(g.key.layer) < rows.size()) covered[size_t(g.key.layer)] = true;
      for (size_t l = 0; l < rows.size(); ++l)
        if (!covered[l]) rows[l].k = rows[l].v = rows[l].kv = std::nan("");
    }
  }
  const bool sameShape = rows.size() == m_rows.size();
  if (sameShape) {
    m_rows = std::move(rows);
    if (!m_rows.empty()) emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
  } else {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
  }
  emit recomputed();
}

double MemoryModel::projected(const Row& r, double bytes) const {
  return r.tokens > 0 ? bytes / double(r.tokens) * double(m_context) * double(m_batch) : std::nan("");
}

double MemoryModel::totalFp16() const {
  double s = 0;
  for (const auto& r : m_rows) s += r.fp16;
  return s;
}

double MemoryModel::totalAllocated() const {
  double s = 0;
  for (const auto& r : m_rows) s += std::isnan(r.kv) ? 0.0 : r.kv;
  return s;
}

int MemoryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int MemoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant MemoryModel::value(const Row& r, int column) const {
  switch (column) {
    case Layer: return r.layer;
    case Tokens: return qint64(r.tokens);
    case Fp16: return r.fp16;
    case AllocK: return r.k;
    case AllocV: return r.v;
    case Alloc: return r.kv;
    case Compression: return r.kv > 0 ? r.fp16 / r.kv : std::nan("");
    case ProjectedFp16: return projected(r, r.fp16);
    case Projected: return projected(r, r.kv);
    default: break;
  }
  return {};
}

QVariant MemoryModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount) return {};
  const Row& r = m_rows[size_t(index.row())];
  const int c = index.column();
  if (role == SortRole) return value(r, c);
  if (role == Qt::DisplayRole) {
    if (c == Layer || c == Tokens) return value(r, c);
    if (c == Compression) return formatNumber(value(r, c).toDouble(), 3);
    return formatBytes(value(r, c).toDouble());
  }
  if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

QVariant MemoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
  if (role == Qt::DisplayRole) {
    const QString at = tr("%1 tok × %2").arg(QLocale().toString(qint64(m_context))).arg(m_batch);
    switch (section) {
      case Layer: return tr("Layer");
      case Tokens: return tr("Tokens");
      case Fp16: return tr("fp16 K+V");
      case AllocK: return tr("K");
      case AllocV: return tr("V");
      case Alloc: return tr("K+V");
      case Compression: return tr("× fp16");
      case ProjectedFp16: return tr("fp16 at %1").arg(at);
      case Projected: return tr("K+V at %1").arg(at);
      default: break;
    }
  }
  if (role == Qt::ToolTipRole && (section == AllocK || section == AllocV || section == Alloc))
    return tr("Exact stored bytes of the allocation at the dump's length");
  return {};
}

}  // namespace vq::ui
