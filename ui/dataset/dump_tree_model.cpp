#include "ui/dataset/dump_tree_model.h"

#include <QLocale>

namespace vq::ui {

DumpTreeModel::DumpTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void DumpTreeModel::setDump(std::shared_ptr<const Dump> dump) {
  beginResetModel();
  m_dump = std::move(dump);
  rebuild();
  endResetModel();
}

int DumpTreeModel::addNode(int parent, Node n) {
  n.parent = parent;
  const int id = int(m_nodes.size());
  auto& siblings = parent < 0 ? m_top : m_nodes[size_t(parent)].children;
  n.row = int(siblings.size());
  siblings.push_back(id);
  m_nodes.push_back(std::move(n));
  return id;
}

void DumpTreeModel::rebuild() {
  m_nodes.clear();
  m_top.clear();
  if (!m_dump) return;
  const auto& info = m_dump->info();
  for (const auto& l : info.layers) {
    Node layer;
    layer.name = tr("Layer %1").arg(l.index);
    layer.heads = l.kvHeads;
    layer.tokens = l.tokens;
    layer.headDim = l.headDim;
    layer.dtype = QString::fromUtf8(dtypeName(l.dtype).data());
    layer.bytes = l.kvBytes;
    layer.tooltip = tr("%1 query heads, %2 KV heads; memory is K+V as stored").arg(l.qHeads).arg(l.kvHeads);
    const int layerId = addNode(-1, layer);
    for (const auto& t : m_dump->tensors()) {
      if (t.layer != l.index) continue;
      Node tensor;
      tensor.name = QString::fromStdString(t.name);
      tensor.heads = m_dump->heads(l.index, t.role);
      tensor.tokens = l.tokens;
      tensor.headDim = l.headDim;
      tensor.dtype = QString::fromUtf8(dtypeName(t.dtype).data());
      tensor.bytes = t.bytes;
      tensor.tooltip = tr("%1, stored as %2").arg(QString::fromUtf8(roleName(t.role).data()),
                                                  QString::fromUtf8(layoutName(t.layout).data()));
      const int tensorId = addNode(layerId, tensor);
      for (int h = 0; h < tensor.heads; ++h) {
        Node head;
        head.name = tr("Head %1").arg(h);
        head.tokens = l.tokens;
        head.headDim = l.headDim;
        head.dtype = tensor.dtype;
        head.bytes = tensor.heads > 0 ? t.bytes / quint64(tensor.heads) : 0;
        addNode(tensorId, head);
      }
    }
  }
}

QModelIndex DumpTreeModel::index(int row, int column, const QModelIndex& parent) const {
  if (column < 0 || column >= ColumnCount || row < 0) return {};
  const auto& siblings = parent.isValid() ? m_nodes[size_t(parent.internalId())].children : m_top;
  if (row >= int(siblings.size())) return {};
  return createIndex(row, column, quintptr(siblings[size_t(row)]));
}

QModelIndex DumpTreeModel::parent(const QModelIndex& child) const {
  if (!child.isValid()) return {};
  const int p = m_nodes[size_t(child.internalId())].parent;
  if (p < 0) return {};
  return createIndex(m_nodes[size_t(p)].row, 0, quintptr(p));
}

int DumpTreeModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() && parent.column() != 0) return 0;
  return int(parent.isValid() ? m_nodes[size_t(parent.internalId())].children.size() : m_top.size());
}

int DumpTreeModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant DumpTreeModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const Node& n = m_nodes[size_t(index.internalId())];
  if (role == Qt::ToolTipRole) return n.tooltip.isEmpty() ? QVariant() : QVariant(n.tooltip);
  if (role == Qt::TextAlignmentRole && index.column() != Name)
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case Name: return n.name;
    case Heads: return n.heads > 0 ? QVariant(n.heads) : QVariant();
    case Tokens: return n.tokens;
    case HeadDim: return n.headDim;
    case Dtype: return n.dtype;
    case Memory: return QLocale().formattedDataSize(qint64(n.bytes), 1, QLocale::DataSizeSIFormat);
  }
  return {};
}

QVariant DumpTreeModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Name: return tr("Layer / tensor / head");
    case Heads: return tr("Heads");
    case Tokens: return tr("Tokens");
    case HeadDim: return tr("Head dim");
    case Dtype: return tr("Type");
    case Memory: return tr("Memory");
  }
  return {};
}

}  // namespace vq::ui
