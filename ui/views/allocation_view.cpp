#include "ui/views/allocation_view.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/calib/menu.h"
#include "ui/charts/chart_view.h"
#include "ui/commands/apply_allocation_command.h"
#include "ui/common/error_text.h"
#include "ui/commands/set_groups_choice_command.h"
#include "ui/common/table_view.h"
#include "ui/jobs/allocation_jobs.h"
#include "ui/jobs/job_runner.h"
#include "ui/models/allocation_model.h"
#include "ui/models/sensitivity_model.h"
#include "ui/session/session.h"
#include "ui/settings/settings.h"
#include "ui/views/allocation_chart.h"
#include "ui/views/menu_entry_delegate.h"

namespace vq::ui {

namespace {
const QString kView = QStringLiteral("allocation");
constexpr int kSliderSteps = 20;  // slider positions per bit

QString bytesText(double bytes) {
  return QLocale().formattedDataSize(qint64(std::llround(bytes)), 1, QLocale::DataSizeSIFormat);
}
}  // namespace

AllocationView::AllocationView(Session* session, QWidget* parent)
    : AnalysisView(parent), m_session(session), m_runner(new JobRunner(this)), m_model(new AllocationModel(session, this)) {
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->setSortRole(AllocationModel::SortRole);
  m_table = new TableView(this);
  m_table->setModel(m_proxy);
  m_table->sortByColumn(-1, Qt::AscendingOrder);
  m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::SelectedClicked);
  auto* delegate = new MenuEntryDelegate([this] {
    QStringList labels;
    if (auto t = m_session->table())
      for (const auto& e : t->menu) labels << QString::fromStdString(e.label);
    return labels;
  }, this);
  // Editing one row of a multi-row selection sets every selected group (one undo step).
  delegate->setApply([this](const QModelIndex& index, int entry) {
    const std::vector<int> groups = selectedGroups();
    const int row = m_proxy->mapToSource(index).row();
    if (groups.size() < 2 || std::find(groups.begin(), groups.end(), row) == groups.end()) return false;
    setSelectedChoice(entry);
    return true;
  });
  m_table->setItemDelegateForColumn(AllocationModel::Setting, delegate);
  m_table->setToolTip(tr("Double-click or F2 on Setting to edit; with several rows selected, the edit applies to all"));
  m_chart = new AllocationChart(session, this);
  buildControls();

  connect(m_session, &Session::tableChanged, this, &AllocationView::onTableChanged);
  connect(m_session, &Session::dumpChanged, this, &AllocationView::updateEnabled);
  connect(m_session, &Session::allocationChanged, this, [this] {
    // The target control follows the allocation shown (a solver result, an undo, a reopened session).
    if (m_session->hasAllocation() && m_session->allocation().request.target > 0 && !m_settingBaseline)
      showRequest(m_session->allocation().request);
    m_chart->refresh();
    m_table->resizeColumnsToContents();
  });
  connect(m_session, &Session::choiceChanged, m_chart, &AllocationChart::refreshValues);
  connect(m_session, &Session::allocationSummaryChanged, this, &AllocationView::updateSummary);
  connect(m_session, &Session::verifiedChanged, this, &AllocationView::updateSummary);
  connect(m_chart, &AllocationChart::groupPressed, this, [this](int row) {
    const QModelIndex i = m_proxy->mapFromSource(m_model->index(row, AllocationModel::Setting));
    m_table->setCurrentIndex(i);
    m_table->scrollTo(i);
  });

  connect(m_runner, &JobRunner::resultsReady, this, [this](int begin, int end) {
    for (int i = begin; i < end; ++i) {
      if (m_verifyJob) {
        const alloc::VerifyResult r = m_verifying.resultAt(i);
        // Only if the allocation is still the one verified (edits during verify drop it).
        if (m_session->hasAllocation() && m_session->allocation().choice == m_verifyingChoice) m_session->setVerified(r);
      } else {
        alloc::Allocation a = m_solving.resultAt(i);
        const QString text = tr("Allocate: %1 at %2").arg(QString::fromStdString(a.allocator), QLocale().toString(a.request.target, 'g', 4));
        m_session->undoStack()->push(new ApplyAllocationCommand(m_session, std::move(a), text));
      }
    }
  });
  connect(m_runner, &JobRunner::failed, this, [this](const QString& msg) {
    m_verifyText->setText(QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(msg.toHtmlEscaped()));
  });
  connect(m_runner, &JobRunner::busyChanged, this, &AllocationView::updateEnabled);
  onTableChanged();
}

AllocationView::~AllocationView() {
  settings::setViewOption(kView, QStringLiteral("first"), m_first->value());
  settings::setViewOption(kView, QStringLiteral("last"), m_last->value());
}

TableView* AllocationView::tableView() const { return m_table; }
ChartView* AllocationView::chartView() const { return m_chart->view(); }

void AllocationView::buildControls() {
  m_slider = new QSlider(Qt::Horizontal, this);
  m_slider->setMinimumWidth(160);
  m_slider->setToolTip(tr("Target average rate over every group (the budget); the solvers use it"));
  m_target = new QDoubleSpinBox(this);
  m_target->setDecimals(3);
  m_target->setSingleStep(0.05);
  m_target->setToolTip(tr("Average rate over every group (the budget)"));
  m_unit = new QLabel(this);
  connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
    const double t = double(v) / kSliderSteps;
    if (std::fabs(m_target->value() - t) > 0.5 / kSliderSteps) m_target->setValue(t);
  });
  connect(m_target, &QDoubleSpinBox::valueChanged, this, [this](double t) {
    const QSignalBlocker block(m_slider);
    m_slider->setValue(int(std::lround(t * kSliderSteps)));
    m_chart->setTarget(t);
  });
  m_first = new QSpinBox(this);
  m_last = new QSpinBox(this);
  m_first->setValue(settings::viewOption(kView, QStringLiteral("first"), 0).toInt());
  m_last->setValue(settings::viewOption(kView, QStringLiteral("last"), 0).toInt());
  m_first->setToolTip(tr("Pin the first N layers to the menu's highest setting"));
  m_last->setToolTip(tr("Pin the last N layers to the menu's highest setting"));
  m_split = new QCheckBox(tr("K/V budgets"), this);
  m_split->setToolTip(tr("Give keys and values separate average rates (K/V separate groups only)"));
  m_targetK = new QDoubleSpinBox(this);
  m_targetV = new QDoubleSpinBox(this);
  for (QDoubleSpinBox* b : {m_targetK, m_targetV}) {
    b->setDecimals(2);
    b->setSingleStep(0.25);
    b->setRange(0.0, 32.0);
    b->setEnabled(false);
  }
  m_targetK->setToolTip(tr("Average rate for the key groups (with K/V budgets)"));
  m_targetV->setToolTip(tr("Average rate for the value groups (with K/V budgets)"));
  m_targetK->setPrefix(tr("K "));
  m_targetV->setPrefix(tr("V "));
  connect(m_split, &QCheckBox::toggled, this, &AllocationView::updateEnabled);

  m_optimal = new QPushButton(tr("&Optimal"), this);
  m_optimal->setToolTip(tr("Exact optimum of the discrete problem on the measured table"));
  m_ratequant = new QPushButton(tr("&RateQuant"), this);
  m_ratequant->setToolTip(tr("VeloxQuant-MLX's closed form (for parity)"));
  m_uniform = new QPushButton(tr("&Uniform"), this);
  m_uniform->setToolTip(tr("The same setting for every group: the baseline"));
  m_verify = new QPushButton(tr("&Verify"), this);
  m_verify->setToolTip(tr("Quantize the dump as allocated and measure (predicted vs measured)"));
  connect(m_optimal, &QPushButton::clicked, this, [this] { solve(alloc::AllocatorKind::Optimal); });
  connect(m_ratequant, &QPushButton::clicked, this, [this] { solve(alloc::AllocatorKind::RateQuant); });
  connect(m_uniform, &QPushButton::clicked, this, [this] { solve(alloc::AllocatorKind::Uniform); });
  connect(m_verify, &QPushButton::clicked, this, &AllocationView::verify);

  auto* controls = new QHBoxLayout;
  auto* targetLabel = new QLabel(tr("&Target"), this);
  targetLabel->setBuddy(m_target);
  controls->addWidget(targetLabel);
  controls->addWidget(m_slider, 1);
  controls->addWidget(m_target);
  controls->addWidget(m_unit);
  controls->addSpacing(12);
  controls->addWidget(new QLabel(tr("Protect first"), this));
  controls->addWidget(m_first);
  controls->addWidget(new QLabel(tr("last"), this));
  controls->addWidget(m_last);
  controls->addSpacing(12);
  controls->addWidget(m_split);
  controls->addWidget(m_targetK);
  controls->addWidget(m_targetV);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(new QLabel(tr("Allocate:"), this));
  buttons->addWidget(m_optimal);
  buttons->addWidget(m_ratequant);
  buttons->addWidget(m_uniform);
  buttons->addSpacing(12);
  buttons->addWidget(m_verify);
  buttons->addStretch(1);

  m_summary = new QLabel(this);
  m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_verifyText = new QLabel(this);
  m_verifyText->setWordWrap(true);
  m_verifyText->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(m_chart->view());
  split->addWidget(m_table);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addLayout(buttons);
  layout->addWidget(m_summary);
  layout->addWidget(split, 1);
  layout->addWidget(m_verifyText);
}

void AllocationView::onTableChanged() {
  const auto table = m_session->table();
  if (table) {
    const bool bits = calib::menuHasBitWidths(table->menu);
    double lo = HUGE_VAL, hi = 0, mid = 0;
    for (size_t c = 0; c < table->entryCount(); ++c) {
      const double r = bits ? double(table->menu[c].bits) : table->menu[c].bpv;
      lo = std::min(lo, r);
      hi = std::max(hi, r);
    }
    mid = bits ? std::clamp(2.0, lo, hi) : (lo + hi) / 2;
    m_unit->setText(bits ? tr("bits / value") : tr("bpv (stored)"));
    m_target->setRange(std::floor(lo * 4) / 4, std::ceil(hi * 4) / 4);
    m_slider->setRange(int(std::floor(lo * kSliderSteps)), int(std::ceil(hi * kSliderSteps)));
    m_target->setValue(mid);
    m_first->setRange(0, int(table->settings.layers.size()));
    m_last->setRange(0, int(table->settings.layers.size()));
    m_targetK->setValue(mid);
    m_targetV->setValue(mid);
    // Start from the uniform baseline (not an edit: no undo step).
    try {
      alloc::Allocation a = alloc::uniformBaseline(*table, bits ? calib::RateUnit::Bits : calib::RateUnit::Bpv, mid);
      m_settingBaseline = true;
      m_session->setAllocation(a);
      m_settingBaseline = false;
    } catch (const Error&) {
      m_settingBaseline = false;
      m_session->clearAllocation();
    }
    m_session->undoStack()->clear();
    m_session->undoStack()->setClean();
  }
  m_verifyText->clear();
  m_chart->setTarget(m_target->value());
  m_chart->refresh();
  updateEnabled();
  updateSummary();
}

alloc::AllocationRequest AllocationView::request() const {
  alloc::AllocationRequest r;
  const auto table = m_session->table();
  r.unit = table && calib::menuHasBitWidths(table->menu) ? calib::RateUnit::Bits : calib::RateUnit::Bpv;
  r.target = m_target->value();
  QStringList rules;
  if (m_first->value() > 0) rules << QStringLiteral("first:%1").arg(m_first->value());
  if (m_last->value() > 0) rules << QStringLiteral("last:%1").arg(m_last->value());
  if (!rules.isEmpty()) r.rules = alloc::parseGroupRules(rules.join(QLatin1Char(',')).toStdString());
  if (m_split->isChecked() && m_split->isEnabled()) {
    r.targetK = m_targetK->value();
    r.targetV = m_targetV->value();
  }
  return r;
}

void AllocationView::setTarget(double target) { m_target->setValue(target); }

void AllocationView::showRequest(const alloc::AllocationRequest& r) {
  m_target->setValue(r.target);
  // The protected layers are the bare "first:N" / "last:N" pins the controls write.
  int first = 0, last = 0;
  for (const auto& rule : r.rules) {
    if (rule.kind != alloc::GroupRule::Kind::Pin || !(rule.value.empty() || rule.value == "max")) continue;
    const QString sel = QString::fromStdString(rule.selector);
    for (auto [prefix, n] : {std::pair{QStringLiteral("first:"), &first}, std::pair{QStringLiteral("last:"), &last}})
      if (sel.startsWith(prefix)) *n = std::max(*n, sel.mid(prefix.size()).toInt());
  }
  setProtectedLayers(first, last);
  setSeparateBudgets(r.targetK || r.targetV, r.targetK.value_or(r.target), r.targetV.value_or(r.target));
}

std::vector<int> AllocationView::selectedGroups() const {
  std::vector<int> groups;
  for (const QModelIndex& i : m_table->selectionModel()->selectedRows()) groups.push_back(m_proxy->mapToSource(i).row());
  std::sort(groups.begin(), groups.end());
  return groups;
}

void AllocationView::setSelectedChoice(int entry) {
  const auto table = m_session->table();
  if (!table || !m_session->hasAllocation() || entry < 0 || size_t(entry) >= table->entryCount()) return;
  auto* command = new SetGroupsChoiceCommand(m_session, selectedGroups(), entry);
  if (command->isEmpty()) {
    delete command;
    return;
  }
  m_session->undoStack()->push(command);
}

void AllocationView::setProtectedLayers(int first, int last) {
  m_first->setValue(first);
  m_last->setValue(last);
}

void AllocationView::setSeparateBudgets(bool on, double k, double v) {
  m_split->setChecked(on);
  if (on) {
    m_targetK->setValue(k);
    m_targetV->setValue(v);
  }
}

void AllocationView::solve(alloc::AllocatorKind kind) {
  const auto table = m_session->table();
  if (!table || m_runner->isBusy()) return;
  m_kind = kind;
  m_verifyJob = false;
  m_verifyText->clear();
  alloc::AllocationRequest r;
  try {
    r = request();
  } catch (const Error& e) {
    m_verifyText->setText(errorText(e).toHtmlEscaped());
    return;
  }
  m_solving = startAllocation(*m_runner, table, r, kind);
}

void AllocationView::verify() {
  const auto table = m_session->table();
  const auto dump = m_session->dump();
  if (!table || !dump || !m_session->hasAllocation() || m_runner->isBusy()) return;
  m_verifyJob = true;
  m_verifyingChoice = m_session->allocation().choice;
  m_verifyText->setText(tr("Verifying…"));
  m_verifying = startVerify(*m_runner, dump, table, m_session->allocation());
}

void AllocationView::updateEnabled() {
  const bool table = m_session->table() != nullptr;
  const bool idle = !m_runner->isBusy();
  for (QPushButton* b : {m_optimal, m_ratequant, m_uniform}) b->setEnabled(table && idle);
  m_verify->setEnabled(table && idle && m_session->hasAllocation() && m_session->dump());
  const bool separate = table && m_session->table()->settings.kv == calib::KvMode::Separate;
  m_split->setEnabled(separate);
  m_targetK->setEnabled(separate && m_split->isChecked());
  m_targetV->setEnabled(separate && m_split->isChecked());
}

QString AllocationView::summaryText() const { return m_summary->text(); }

void AllocationView::updateSummary() {
  if (!m_session->table() || !m_session->hasAllocation()) {
    m_summary->setText(m_session->table() ? tr("No allocation yet: set the target and press Optimal, RateQuant or Uniform.")
                                          : tr("Run a calibration (Sensitivity view, F5) to allocate bits."));
    if (!m_session->table()) m_verifyText->clear();
    return;
  }
  const auto& t = *m_session->table();
  const auto& a = m_session->allocation();
  const bool bits = a.request.unit == calib::RateUnit::Bits;
  double fp16 = 0;
  for (const auto& g : t.groups) fp16 += double(g.values) * 2.0;
  const double bytes = m_session->allocationBytes();
  const QLocale loc;
  QString avg = bits ? tr("%1 bits/value (%2 bpv stored)").arg(loc.toString(a.achieved, 'f', 3), loc.toString(a.achievedBpv, 'f', 3))
                     : tr("%1 bpv").arg(loc.toString(a.achievedBpv, 'f', 3));
  if (a.achieved > a.request.target + 1e-9)
    avg = QStringLiteral("<span style='color:#c0392b'>%1 %2</span>").arg(avg, tr("(over the target)"));
  QString text = tr("<b>%1</b> · average %2 · memory %3 of %4 fp16 (%5×) · predicted distortion %6")
                     .arg(QString::fromStdString(a.allocator), avg, bytesText(bytes), bytesText(fp16),
                          loc.toString(bytes > 0 ? fp16 / bytes : 0.0, 'f', 2), formatNumber(a.predicted));
  m_summary->setText(text);
  if (const auto& v = m_session->verified()) {
    const bool attention = t.settings.metric == calib::Metric::Attention;
    const double measured = attention && v->outputError ? *v->outputError : v->relMseK + v->relMseV;
    m_verifyText->setText(
        tr("<b>Verified</b> (%1 s): predicted %2, measured %3 (%4); stored %5 bpv; output error K-only %6, V-only %7")
            .arg(loc.toString(v->seconds, 'f', 2), formatNumber(a.predicted), formatNumber(measured),
                 attention ? tr("attention output error") : tr("relative MSE of K plus V"), loc.toString(v->bpv, 'f', 3),
                 v->outputErrorK ? formatNumber(*v->outputErrorK) : QStringLiteral("—"),
                 v->outputErrorV ? formatNumber(*v->outputErrorV) : QStringLiteral("—")));
  } else if (!m_runner->isBusy() || !m_verifyJob) {
    if (!m_verifyText->text().contains(QLatin1String("c0392b"))) m_verifyText->setText(tr("Predicted values are estimates from calibration; Verify measures them."));
  }
}

}  // namespace vq::ui
