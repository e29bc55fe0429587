// The Compare table: one row per (method, bits) measured on the whole dump — exact storage (bpv,
// compression vs fp16), reconstruction (relative MSE and cosine of keys and values, bits wasted
// above the Gaussian limit) and the attention output error (both, K-only, V-only), or why the
// configuration could not run. "—" marks what was not measured (no queries), never 0.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "ui/jobs/compare_job.h"

namespace vq::ui {

class CompareModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Method, Bits, Bpv, Compression, RelMseK, RelMseV, CosineK, CosineV, OutputError, OutputErrorK,
                OutputErrorV, WastedBitsK, Seconds, Note, ColumnCount };
  static constexpr int SortRole = Qt::UserRole;

  explicit CompareModel(QObject* parent = nullptr);
  void clear();
  void append(const CompareRow& row);
  const std::vector<CompareRow>& rows() const { return m_rows; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  QVariant value(const CompareRow& r, int column) const;
  std::vector<CompareRow> m_rows;
};

}  // namespace vq::ui
