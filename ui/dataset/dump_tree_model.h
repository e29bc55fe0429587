// Tree model of an opened dump: layers → tensors (q, k, v, k_pre_rope) → heads, with heads,
// tokens, head_dim, dtype and memory per row.
#pragma once

#include <QAbstractItemModel>
#include <memory>
#include <vector>

#include "core/io/dump.h"

namespace vq::ui {

class DumpTreeModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  enum Column { Name, Heads, Tokens, HeadDim, Dtype, Memory, ColumnCount };
  explicit DumpTreeModel(QObject* parent = nullptr);

  void setDump(std::shared_ptr<const Dump> dump);
  std::shared_ptr<const Dump> dump() const { return m_dump; }

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

 private:
  struct Node {
    int parent = -1;  // index into m_nodes; -1 for top-level
    int row = 0;
    std::vector<int> children;
    QString name;
    int heads = 0;
    qint64 tokens = 0;
    int headDim = 0;
    QString dtype;
    quint64 bytes = 0;
    QString tooltip;
  };
  void rebuild();
  int addNode(int parent, Node n);
  std::shared_ptr<const Dump> m_dump;
  std::vector<Node> m_nodes;
  std::vector<int> m_top;
};

}  // namespace vq::ui
