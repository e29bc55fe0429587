// The Quality table: per layer, uniform vs the allocation — mean cosine and relative MSE of keys
// and values, the attention output error, and the stored bits per value of each.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "ui/jobs/quality_job.h"

namespace vq::ui {

class QualityModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Layer, BpvU, BpvA, CosKU, CosKA, CosVU, CosVA, MseKU, MseKA, MseVU, MseVA, OutU, OutA, OutChange,
                ColumnCount };
  static constexpr int SortRole = Qt::UserRole;

  explicit QualityModel(QObject* parent = nullptr);
  void clear();
  void append(const QualityRow& row);
  const std::vector<QualityRow>& rows() const { return m_rows; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  QVariant value(const QualityRow& r, int column) const;
  std::vector<QualityRow> m_rows;
};

}  // namespace vq::ui
