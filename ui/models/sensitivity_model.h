// The Sensitivity table: one row per calibration group — its id, layer, head and role, the
// distortion D at each menu entry (measured, or the model curve of keynorm/perturb), the fitted
// α, β and R² of D = α·β^−bpv, and the weight w (the probe's sensitivity score). Rows arrive while
// calibration runs (append) and are replaced by the finished table (setTable), whose weights are
// normalised. Display text is formatted; SortRole gives the raw number.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "core/calib/calibration_table.h"

namespace vq::ui {

struct CalibrationUpdate;

class SensitivityModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Group, Layer, Head, Role, FirstEntry };  // then one D column per entry, then Alpha, Beta, R2, Weight
  static constexpr int SortRole = Qt::UserRole;

  struct Row {
    calib::Group group;
    std::vector<double> distortion, bpv;
    double weight = 0;
    calib::CurveFit fit;
  };

  explicit SensitivityModel(QObject* parent = nullptr);

  // Clears the rows and sets the columns for a new run.
  void begin(const std::vector<calib::MenuEntry>& menu, calib::Probe probe);
  void append(const CalibrationUpdate& update);
  // Shows a finished table (nullptr: empty).
  void setTable(const calib::CalibrationTable* table);

  const std::vector<Row>& rows() const { return m_rows; }
  const std::vector<calib::MenuEntry>& menu() const { return m_menu; }
  calib::Probe probe() const { return m_probe; }
  bool weightsFinal() const { return m_final; }

  int entryColumn(int entry) const { return FirstEntry + entry; }
  int alphaColumn() const { return FirstEntry + int(m_menu.size()); }
  int betaColumn() const { return alphaColumn() + 1; }
  int r2Column() const { return alphaColumn() + 2; }
  int weightColumn() const { return alphaColumn() + 3; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  QVariant value(const Row& r, int column) const;
  std::vector<calib::MenuEntry> m_menu;
  calib::Probe m_probe = calib::Probe::Empirical;
  std::vector<Row> m_rows;
  bool m_final = false;
};

// "2b" for a bit-width entry of a bit-width menu, else the label ("q4_0").
QString shortEntryLabel(const calib::MenuEntry& e, const std::vector<calib::MenuEntry>& menu);
// Numbers in tables: 4 significant digits in the current locale; "—" for NaN (not available).
QString formatNumber(double v, int digits = 4);

}  // namespace vq::ui
