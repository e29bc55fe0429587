// The Memory table: per layer, the K and V bytes of the current allocation (exact stored bits of
// each group's chosen setting) against fp16, at the dump's length and projected to a chosen
// context length and batch (bytes grow linearly with tokens). Without an allocation it shows the
// dump as stored and fp16. Reads the Session; follows its allocation.
#pragma once

#include <QAbstractTableModel>
#include <vector>

namespace vq::ui {

class Session;

class MemoryModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Layer, Tokens, Fp16, AllocK, AllocV, Alloc, Compression, ProjectedFp16, Projected, ColumnCount };
  static constexpr int SortRole = Qt::UserRole;

  struct Row {
    int layer = 0;
    int64_t tokens = 0;
    double fp16 = 0;            // K+V bytes at fp16
    double k = 0, v = 0, kv = 0;  // allocation bytes (k/v split unknown for joint groups: k = v = NaN)
  };

  explicit MemoryModel(Session* session, QObject* parent = nullptr);
  void setProjection(int64_t contextTokens, int batch);
  int64_t contextTokens() const { return m_context; }
  int batch() const { return m_batch; }
  bool hasAllocation() const { return m_allocated; }
  const std::vector<Row>& rows() const { return m_rows; }
  double projected(const Row& r, double bytes) const;  // bytes at the projection
  double totalFp16() const;
  double totalAllocated() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 signals:
  void recomputed();

 private:
  void recompute();
  QVariant value(const Row& r, int column) const;
  Session* m_session;
  std::vector<Row> m_rows;
  bool m_allocated = false;
  int64_t m_context = 32768;
  int m_batch = 1;
};

QString formatBytes(double bytes);

}  // namespace vq::ui
