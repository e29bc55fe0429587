#include "ui/views/sensitivity_view.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include "core/calib/group.h"
#include "core/calib/menu.h"
#include "core/quant/registry.h"
#include "ui/charts/chart_view.h"
#include "ui/common/error_text.h"
#include "ui/common/refresh_throttle.h"
#include "ui/common/table_view.h"
#include "ui/jobs/job_runner.h"
#include "ui/models/sensitivity_model.h"
#include "ui/session/session.h"
#include "ui/settings/settings.h"
#include "ui/views/sensitivity_chart.h"

namespace vq::ui {

namespace {
const QString kView = QStringLiteral("sensitivity");
const QString kFormats = QStringLiteral("__formats__");

std::vector<int> parseBits(const QString& text) {
  std::vector<int> bits;
  for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    bool ok = false;
    const int b = part.trimmed().toInt(&ok);
    if (!ok)
      throw Error(ErrorCode::InvalidArgument,
                  SensitivityView::tr("Not a bit-width: “%1”").arg(part.trimmed()).toStdString());
    bits.push_back(b);
  }
  return bits;
}
}  // namespace

SensitivityView::SensitivityView(Session* session, QWidget* parent)
    : AnalysisView(parent), m_session(session), m_runner(new JobRunner(this)), m_model(new SensitivityModel(this)) {
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->setSortRole(SensitivityModel::SortRole);
  m_table = new TableView(this);
  m_table->setModel(m_proxy);
  m_table->sortByColumn(-1, Qt::AscendingOrder);
  m_chart = new SensitivityChart(m_model, this);
  m_throttle = new RefreshThrottle([this] { m_chart->refresh(); }, 100, this);
  buildControls();
  restoreOptions();

  connect(m_runner, &JobRunner::resultsReady, this, &SensitivityView::onResults);
  connect(m_runner, &JobRunner::succeeded, this, &SensitivityView::onEnded);
  connect(m_runner, &JobRunner::cancelled, this, &SensitivityView::onEnded);
  connect(m_runner, &JobRunner::failed, this, [this](const QString& msg) {
    onEnded();
    m_notes->setText(QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(msg.toHtmlEscaped()));
  });
  connect(m_runner, &JobRunner::busyChanged, this, [this](bool busy) {
    m_run->setEnabled(!busy && m_session->dump());
    m_runButton->setEnabled(m_run->isEnabled());
  });
  connect(m_session, &Session::dumpChanged, this, [this] {
    m_run->setEnabled(!m_runner->isBusy() && m_session->dump());
    m_runButton->setEnabled(m_run->isEnabled());
  });
  connect(m_session, &Session::tableChanged, this, [this] {
    if (!m_runner->isBusy()) showSessionTable();
  });
  m_run->setEnabled(false);
  m_runButton->setEnabled(false);
  showSessionTable();
}

SensitivityView::~SensitivityView() { saveOptions(); }

int SensitivityView::chartRefreshCount() const { return m_throttle->refreshCount(); }

TableView* SensitivityView::tableView() const { return m_table; }
ChartView* SensitivityView::chartView() const { return m_chart->view(); }

void SensitivityView::buildControls() {
  m_probe = new QComboBox(this);
  m_probe->addItem(tr("Empirical (measured)"), int(calib::Probe::Empirical));
  m_probe->addItem(tr("Perturb (noise)"), int(calib::Probe::Perturb));
  m_probe->addItem(tr("Key norm (proxy)"), int(calib::Probe::KeyNorm));
  m_probe->setToolTip(tr("empirical: quantize each group with each menu entry and measure the attention output "
                         "error;\nperturb: attention output change per unit of Gaussian noise;\nkeynorm: "
                         "VeloxQuant-MLX's mean ‖k‖² proxy (cheap, often wrong)"));
  m_method = new QComboBox(this);
  for (const auto& m : quant::methodRegistry())
    if (m.bits.size() > 1) m_method->addItem(QString::fromStdString(m.name), QString::fromStdString(m.name));
  m_method->addItem(tr("Formats…"), kFormats);
  m_method->setToolTip(tr("The menu: one method's bit-widths, or a list of named formats"));
  m_bits = new QLineEdit(this);
  m_bits->setMinimumWidth(120);
  m_bits->setToolTip(tr("Bit-widths (or formats) of the menu each group is measured at"));
  m_granularity = new QComboBox(this);
  m_granularity->addItem(tr("Layer × head"), int(calib::Granularity::Head));
  m_granularity->addItem(tr("Layer"), int(calib::Granularity::Layer));
  m_kv = new QComboBox(this);
  m_kv->addItem(tr("K, V separate"), int(calib::KvMode::Separate));
  m_kv->addItem(tr("K+V joint"), int(calib::KvMode::Joint));
  m_granularity->setToolTip(tr("One group per layer and KV head, or one per layer (what a runtime can allocate)"));
  m_kv->setToolTip(tr("Keys and values as separate groups (they get their own bits), or together"));
  m_queries = new QSpinBox(this);
  m_queries->setRange(0, 1 << 20);
  m_queries->setSpecialValueText(tr("all"));
  m_queries->setValue(256);
  m_queries->setToolTip(tr("Query positions sampled per head for the attention metric (0: all)"));
  m_run = new QAction(tr("&Run Calibration"), this);
  m_run->setShortcut(QKeySequence(Qt::Key_F5));
  m_run->setStatusTip(tr("Calibrate the open dump with these settings (F5)"));
  connect(m_run, &QAction::triggered, this, &SensitivityView::run);
  m_runButton = new QPushButton(tr("Run (F5)"), this);
  m_runButton->setDefault(true);
  m_runButton->setToolTip(tr("Calibrate the open dump with these settings (F5); Esc cancels"));
  connect(m_runButton, &QPushButton::clicked, m_run, &QAction::trigger);
  connect(m_method, &QComboBox::currentIndexChanged, this, &SensitivityView::onMethodChanged);

  auto* controls = new QHBoxLayout;
  auto add = [&](const QString& label, QWidget* w) {
    auto* l = new QLabel(label, this);
    l->setBuddy(w);
    controls->addWidget(l);
    controls->addWidget(w);
  };
  add(tr("&Probe"), m_probe);
  add(tr("&Menu"), m_method);
  controls->addWidget(m_bits);
  add(tr("&Groups"), m_granularity);
  controls->addWidget(m_kv);
  add(tr("&Queries"), m_queries);
  controls->addStretch(1);
  controls->addWidget(m_runButton);

  m_quantity = new QComboBox(this);
  m_quantity->addItem(tr("Distortion D"), int(SensitivityChart::Quantity::Distortion));
  m_quantity->addItem(tr("Weighted w·D"), int(SensitivityChart::Quantity::Weighted));
  m_quantity->addItem(tr("Weight / score w"), int(SensitivityChart::Quantity::Weight));
  m_quantity->addItem(tr("Fitted β"), int(SensitivityChart::Quantity::Beta));
  m_entry = new QComboBox(this);
  m_log = new QCheckBox(tr("Log scale"), this);
  m_quantity->setToolTip(tr("What the bars show: the measured distortion, weighted by the group's importance, the weight, or the fitted slope β"));
  m_entry->setToolTip(tr("The menu entry (bit-width or format) whose measurement the bars show"));
  m_log->setToolTip(tr("Logarithmic value axis (small and large errors side by side)"));
  connect(m_quantity, &QComboBox::currentIndexChanged, this, &SensitivityView::updateChartQuantity);
  connect(m_entry, &QComboBox::currentIndexChanged, this, &SensitivityView::updateChartQuantity);
  // Before the first calibration the entries preview the menu the controls describe.
  connect(m_bits, &QLineEdit::textChanged, this, [this] {
    if (!m_session->table() && !m_runner->isBusy()) previewMenuEntries();
  });
  connect(m_log, &QCheckBox::toggled, this, [this](bool on) { m_chart->setLogScale(on); });
  auto* chartControls = new QHBoxLayout;
  chartControls->addWidget(new QLabel(tr("Show"), this));
  chartControls->addWidget(m_quantity);
  chartControls->addWidget(new QLabel(tr("at"), this));
  chartControls->addWidget(m_entry);
  chartControls->addWidget(m_log);
  chartControls->addStretch(1);
  auto* chartPane = new QWidget(this);
  auto* chartLayout = new QVBoxLayout(chartPane);
  chartLayout->setContentsMargins(0, 0, 0, 0);
  chartLayout->addLayout(chartControls);
  chartLayout->addWidget(m_chart->view(), 1);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(m_table);
  split->addWidget(chartPane);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  m_notes = new QLabel(this);
  m_notes->setWordWrap(true);
  m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(split, 1);
  layout->addWidget(m_notes);
  onMethodChanged();
}

void SensitivityView::onMethodChanged() {
  const QString method = m_method->currentData().toString();
  if (method == kFormats) {
    m_bits->setText(QStringLiteral("q4_0,q5_0,q8_0,fp16"));
    m_bits->setToolTip(tr("Comma-separated formats, e.g. q4_0,q8_0,fp16 or turboquant_mse:3. llama.cpp block "
                          "formats span all heads of a layer: use Layer groups."));
    m_granularity->setCurrentIndex(m_granularity->findData(int(calib::Granularity::Layer)));
    return;
  }
  const auto* info = quant::findMethod(method.toStdString());
  QStringList bits;
  if (info)
    for (int b : info->bits)
      if (b <= 4) bits << QString::number(b);
  m_bits->setText(bits.join(QLatin1Char(',')));
  m_bits->setToolTip(info ? tr("Bit-widths of %1 (it offers %2)")
                                .arg(method, [&] {
                                  QStringList all;
                                  for (int b : info->bits) all << QString::number(b);
                                  return all.join(QLatin1Char(','));
                                }())
                          : QString());
}

calib::CalibrationOptions SensitivityView::options() const {
  calib::CalibrationOptions o;
  o.probe = calib::Probe(m_probe->currentData().toInt());
  o.granularity = calib::Granularity(m_granularity->currentData().toInt());
  o.kv = calib::KvMode(m_kv->currentData().toInt());
  const QString method = m_method->currentData().toString();
  if (method == kFormats) {
    o.menu.kind = calib::MenuKind::Formats;
    for (const QString& f : m_bits->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
      o.menu.formats.push_back(f.trimmed().toStdString());
  } else {
    o.menu.kind = calib::MenuKind::BitWidths;
    o.menu.method = method.toStdString();
    o.menu.bits = parseBits(m_bits->text());
  }
  o.attention.sampleQueries = m_queries->value();
  return o;
}

void SensitivityView::setOptions(calib::Probe probe, const QString& method, const QString& bitsOrFormats,
                                 calib::Granularity g, calib::KvMode kv, int queries) {
  m_probe->setCurrentIndex(m_probe->findData(int(probe)));
  const int m = m_method->findData(method);
  m_method->setCurrentIndex(m >= 0 ? m : m_method->findData(kFormats));
  m_bits->setText(bitsOrFormats);
  m_granularity->setCurrentIndex(m_granularity->findData(int(g)));
  m_kv->setCurrentIndex(m_kv->findData(int(kv)));
  m_queries->setValue(queries);
}

void SensitivityView::run() {
  const auto dump = m_session->dump();
  if (!dump || m_runner->isBusy()) return;
  calib::CalibrationOptions o;
  std::vector<calib::MenuEntry> menu;
  try {
    o = options();
    menu = calib::buildMenu(o.menu);
    calib::checkMenuGranularity(menu, o.granularity);
  } catch (const Error& e) {
    m_notes->setText(QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(errorText(e).toHtmlEscaped()));
    return;
  }
  m_notes->setText(tr("Calibrating…"));
  m_finished.reset();
  m_model->begin(menu, o.probe);
  std::vector<calib::GroupKey> expected;
  try {
    for (const auto& g : calib::makeGroups(dump->info(), o.granularity, o.kv, o.layers)) expected.push_back(g.key);
  } catch (const Error&) {
    // calibrate() reports it.
  }
  m_chart->setExpectedGroups(expected);
  m_entry->blockSignals(true);
  m_entry->clear();
  for (const auto& e : menu) m_entry->addItem(shortEntryLabel(e, menu));
  m_entry->setCurrentIndex(0);
  for (int i = 0; i < int(menu.size()); ++i)
    if (menu[size_t(i)].bits == 2) m_entry->setCurrentIndex(i);
  m_entry->blockSignals(false);
  m_quantity->setCurrentIndex(m_quantity->findData(int(o.probe == calib::Probe::Empirical
                                                           ? SensitivityChart::Quantity::Distortion
                                                           : SensitivityChart::Quantity::Weight)));
  updateChartQuantity();
  m_future = startCalibration(*m_runner, dump, o);
}

void SensitivityView::onResults(int begin, int end) {
  for (int i = begin; i < end; ++i) {
    const CalibrationUpdate u = m_future.resultAt(i);
    if (u.table)
      m_finished = u.table;
    else
      m_model->append(u);
  }
  m_throttle->request();
}

void SensitivityView::onEnded() {
  if (m_finished) {
    auto table = std::move(m_finished);
    m_session->setTable(table);  // → tableChanged → showSessionTable()
    emit message(tr("Calibrated %n group(s)", nullptr, int(table->groupCount())));
    return;
  }
  // Cancelled or failed: the session keeps its previous calibration; show it again.
  showSessionTable();
  m_notes->setText(tr("Cancelled; the previous calibration is kept."));
}

void SensitivityView::showSessionTable() {
  const auto table = m_session->table();
  m_model->setTable(table.get());
  if (table) {
    const int keep = m_entry->currentIndex();
    m_entry->blockSignals(true);
    m_entry->clear();
    for (const auto& e : table->menu) m_entry->addItem(shortEntryLabel(e, table->menu));
    m_entry->setCurrentIndex(std::clamp(keep, 0, int(table->menu.size()) - 1));
    m_entry->blockSignals(false);
    updateNotes();
  } else if (!m_runner->isBusy()) {
    previewMenuEntries();
    m_notes->setText(m_session->dump() ? tr("Choose a probe and a menu, then Run (F5).")
                                       : tr("Open a dump first (File → Open, or drop it on the window)."));
  }
  updateChartQuantity();
  m_table->resizeColumnsToContents();  // the header samples a bounded number of rows
}

void SensitivityView::previewMenuEntries() {
  m_entry->blockSignals(true);
  m_entry->clear();
  try {
    const auto menu = calib::buildMenu(options().menu);
    for (const auto& e : menu) m_entry->addItem(shortEntryLabel(e, menu));
    m_entry->setCurrentIndex(0);
    for (int i = 0; i < int(menu.size()); ++i)
      if (menu[size_t(i)].bits == 2) m_entry->setCurrentIndex(i);
    m_entry->setToolTip(tr("The menu entry whose distortion is shown"));
  } catch (const Error& e) {
    m_entry->setPlaceholderText(tr("(no menu)"));
    m_entry->setToolTip(tr("The menu is not valid yet: %1").arg(errorText(e)));
  }
  m_entry->blockSignals(false);
}

void SensitivityView::updateNotes() {
  const auto table = m_session->table();
  if (!table) return;
  const auto& s = table->settings;
  QString text = tr("%1 probe, %2 metric, %n group(s)", nullptr, int(table->groupCount()))
                     .arg(QString::fromUtf8(calib::probeName(s.probe).data()),
                          QString::fromUtf8(calib::metricName(s.metric).data()));
  if (s.queries)
    text += tr("; %1 query positions per head").arg(s.queryPositions > 0 ? QString::number(s.queryPositions) : tr("all"));
  for (const auto& n : s.notes) text += QStringLiteral("<br><i>%1</i>").arg(QString::fromStdString(n).toHtmlEscaped());
  m_notes->setText(text);
}

void SensitivityView::updateChartQuantity() {
  const auto q = SensitivityChart::Quantity(m_quantity->currentData().toInt());
  m_entry->setEnabled(q == SensitivityChart::Quantity::Distortion || q == SensitivityChart::Quantity::Weighted);
  m_chart->setQuantity(q, std::max(0, m_entry->currentIndex()));
}

void SensitivityView::saveOptions() const {
  settings::setViewOption(kView, QStringLiteral("probe"), m_probe->currentData());
  settings::setViewOption(kView, QStringLiteral("method"), m_method->currentData());
  settings::setViewOption(kView, QStringLiteral("bits"), m_bits->text());
  settings::setViewOption(kView, QStringLiteral("granularity"), m_granularity->currentData());
  settings::setViewOption(kView, QStringLiteral("kv"), m_kv->currentData());
  settings::setViewOption(kView, QStringLiteral("queries"), m_queries->value());
}

void SensitivityView::restoreOptions() {
  auto pick = [](QComboBox* box, const QVariant& v) {
    const int i = box->findData(v);
    if (i >= 0) box->setCurrentIndex(i);
  };
  pick(m_probe, settings::viewOption(kView, QStringLiteral("probe")));
  pick(m_method, settings::viewOption(kView, QStringLiteral("method")));
  const QString bits = settings::viewOption(kView, QStringLiteral("bits")).toString();
  if (!bits.isEmpty()) m_bits->setText(bits);
  pick(m_granularity, settings::viewOption(kView, QStringLiteral("granularity")));
  pick(m_kv, settings::viewOption(kView, QStringLiteral("kv")));
  m_queries->setValue(settings::viewOption(kView, QStringLiteral("queries"), 256).toInt());
}

}  // namespace vq::ui
