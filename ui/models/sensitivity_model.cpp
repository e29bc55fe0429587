#include "ui/models/sensitivity_model.h"

#include <QLocale>
#include <cmath>

#include "core/calib/curve_fit.h"
#include "ui/jobs/calibration_job.h"

namespace vq::ui {

QString shortEntryLabel(const calib::MenuEntry& e, const std::vector<calib::MenuEntry>& menu) {
  if (e.bits > 0 && calib::menuHasBitWidths(menu)) {
    bool oneMethod = true;
    for (const auto& m : menu) oneMethod = oneMethod && m.config.method == e.config.method;
    if (oneMethod) return QStringLiteral("%1b").arg(e.bits);
  }
  return QString::fromStdString(e.label);
}

QString formatNumber(double v, int digits) {
  if (std::isnan(v)) return QStringLiteral("—");
  return QLocale().toString(v, 'g', digits);
}

SensitivityModel::SensitivityModel(QObject* parent) : QAbstractTableModel(parent) {}

void SensitivityModel::begin(const std::vector<calib::MenuEntry>& menu, calib::Probe probe) {
  beginResetModel();
  m_menu = menu;
  m_probe = probe;
  m_rows.clear();
  m_final = false;
  endResetModel();
}

void SensitivityModel::append(const CalibrationUpdate& u) {
  Row r;
  r.group = u.group;
  r.distortion = u.distortion;
  r.bpv = u.bpv;
  r.weight = u.rawWeight;
  r.fit = calib::fitRateDistortion(r.bpv, r.distortion);
  const int at = int(m_rows.size());
  beginInsertRows({}, at, at);
  m_rows.push_back(std::move(r));
  endInsertRows();
}

void SensitivityModel::setTable(const calib::CalibrationTable* t) {
  beginResetModel();
  m_rows.clear();
  m_final = t != nullptr;
  if (t) {
    m_menu = t->menu;
    m_probe = t->settings.probe;
    for (size_t g = 0; g < t->groupCount(); ++g)
      m_rows.push_back(Row{t->groups[g], t->distortion[g], t->bpv[g], t->weight[g], t->fit[g]});
  }
  endResetModel();
}

int SensitivityModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int SensitivityModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : weightColumn() + 1;
}

QVariant SensitivityModel::value(const Row& r, int column) const {
  switch (column) {
    case Group: return QString::fromStdString(r.group.id);
    case Layer: return r.group.key.layer;
    case Head: return r.group.key.head;
    case Role: return QString::fromUtf8(calib::groupRoleName(r.group.key.role).data());
    default: break;
  }
  if (column < alphaColumn()) return r.distortion.at(size_t(column - FirstEntry));
  if (column == alphaColumn()) return r.fit.valid ? r.fit.alpha : std::nan("");
  if (column == betaColumn()) return r.fit.valid ? r.fit.beta : std::nan("");
  if (column == r2Column()) return r.fit.valid ? r.fit.r2 : std::nan("");
  return r.weight;
}

QVariant SensitivityModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= columnCount()) return {};
  const Row& r = m_rows[size_t(index.row())];
  const int c = index.column();
  if (role == SortRole) return value(r, c);
  if (role == Qt::DisplayRole) {
    if (c == Head) return r.group.key.head < 0 ? tr("all") : QString::number(r.group.key.head);
    if (c < FirstEntry) return value(r, c);
    return formatNumber(value(r, c).toDouble());
  }
  if (role == Qt::TextAlignmentRole)
    return c == Group || c == Role ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter)) : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
  if (role == Qt::ToolTipRole) {
    if (c >= FirstEntry && c < alphaColumn()) {
      const size_t e = size_t(c - FirstEntry);
      return tr("%1 with %2: D = %3 at %4 bits per value")
          .arg(QString::fromStdString(r.group.id), QString::fromStdString(m_menu[e].label),
               formatNumber(r.distortion[e], 6), formatNumber(r.bpv[e], 4));
    }
    if (c == weightColumn() && !m_final) return tr("Unnormalised until the run ends");
    if (c == Group) return tr("%n value(s)", nullptr, int(std::min<int64_t>(r.group.values, INT32_MAX)));
  }
  return {};
}

QVariant SensitivityModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
  const bool model = m_probe != calib::Probe::Empirical;
  if (role == Qt::DisplayRole) {
    switch (section) {
      case Group: return tr("Group");
      case Layer: return tr("Layer");
      case Head: return tr("Head");
      case Role: return tr("K/V");
      default: break;
    }
    if (section < alphaColumn()) return tr("D @%1").arg(shortEntryLabel(m_menu[size_t(section - FirstEntry)], m_menu));
    if (section == alphaColumn()) return tr("α");
    if (section == betaColumn()) return tr("β");
    if (section == r2Column()) return tr("R²");
    return model ? tr("Score w") : tr("Weight w");
  }
  if (role == Qt::ToolTipRole) {
    if (section >= FirstEntry && section < alphaColumn()) {
      const auto& e = m_menu[size_t(section - FirstEntry)];
      return model ? tr("Model curve β^−rate for %1 (not a measurement)").arg(QString::fromStdString(e.label))
                   : tr("Measured distortion with %1").arg(QString::fromStdString(e.label));
    }
    if (section == alphaColumn() || section == betaColumn() || section == r2Column())
      return tr("Least-squares fit of ln D = ln α − bpv·ln β");
    if (section == weightColumn())
      return m_probe == calib::Probe::KeyNorm ? tr("Mean squared key norm (VeloxQuant-MLX's proxy)")
             : m_probe == calib::Probe::Perturb
                 ? tr("Attention output error per unit of input noise × the group's share of the output")
                 : tr("The group's share of the attention output energy (or of the values)");
  }
  return {};
}

}  // namespace vq::ui
