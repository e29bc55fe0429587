#include "ui/views/compare_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include "core/quant/registry.h"
#include "ui/charts/chart_view.h"
#include "ui/common/refresh_throttle.h"
#include "ui/common/table_view.h"
#include "ui/jobs/job_runner.h"
#include "ui/models/compare_model.h"
#include "ui/session/session.h"
#include "ui/settings/settings.h"
#include "ui/views/compare_chart.h"

namespace vq::ui {

namespace {
const QString kView = QStringLiteral("compare");
}

CompareView::CompareView(Session* session, QWidget* parent)
    : AnalysisView(parent), m_session(session), m_runner(new JobRunner(this)), m_model(new CompareModel(this)) {
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->setSortRole(CompareModel::SortRole);
  m_table = new TableView(this);
  m_table->setModel(m_proxy);
  m_table->sortByColumn(-1, Qt::AscendingOrder);
  m_chart = new CompareChart(this);
  m_throttle = new RefreshThrottle([this] {
    m_chart->setRows(m_model->rows());
    m_table->resizeColumnsToContents();
  }, 100, this);

  m_methods = new QListWidget(this);
  const QStringList saved = settings::viewOption(kView, QStringLiteral("methods")).toStringList();
  for (const auto& m : quant::methodRegistry()) {
    auto* item = new QListWidgetItem(QString::fromStdString(m.name), m_methods);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    const bool on = saved.isEmpty() ? m.family != "baseline" || m.name == "fp8_e4m3" : saved.contains(item->text());
    item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(QString::fromStdString(m.summary + "\n" + m.storageFormula));
  }
  m_methods->setMaximumWidth(190);
  m_methods->setToolTip(tr("Methods to compare: tick them, then Run"));
  m_bits = new QLineEdit(settings::viewOption(kView, QStringLiteral("bits"), QStringLiteral("2,3,4")).toString(), this);
  m_bits->setToolTip(tr("Bit-widths for methods that have one; fixed formats run once"));
  m_queries = new QSpinBox(this);
  m_queries->setRange(0, 1 << 20);
  m_queries->setSpecialValueText(tr("all"));
  m_queries->setValue(256);
  m_queries->setToolTip(tr("Query positions sampled per head for the attention metrics (0: all)"));
  m_metric = new QComboBox(this);
  m_metric->addItem(tr("Attention output error"), int(CompareChart::Metric::OutputError));
  m_metric->addItem(tr("Key relative MSE"), int(CompareChart::Metric::RelMseK));
  m_metric->addItem(tr("Value relative MSE"), int(CompareChart::Metric::RelMseV));
  connect(m_metric, &QComboBox::currentIndexChanged, this,
          [this] { m_chart->setMetric(CompareChart::Metric(m_metric->currentData().toInt())); });
  m_run = new QPushButton(tr("Run"), this);
  m_metric->setToolTip(tr("The error on the chart's vertical axis"));
  m_run->setToolTip(tr("Measure every ticked method at each bit-width on the whole dump"));
  connect(m_run, &QPushButton::clicked, this, &CompareView::run);
  m_status = new QLabel(this);
  m_status->setWordWrap(true);

  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Bits"), this));
  controls->addWidget(m_bits);
  controls->addWidget(new QLabel(tr("Queries"), this));
  controls->addWidget(m_queries);
  controls->addWidget(new QLabel(tr("Chart"), this));
  controls->addWidget(m_metric);
  controls->addStretch(1);
  controls->addWidget(m_run);
  auto* right = new QSplitter(Qt::Vertical, this);
  right->addWidget(m_chart->view());
  right->addWidget(m_table);
  right->setStretchFactor(0, 3);
  right->setStretchFactor(1, 2);
  auto* body = new QHBoxLayout;
  body->addWidget(m_methods);
  body->addWidget(right, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addLayout(body, 1);
  layout->addWidget(m_status);

  connect(m_runner, &JobRunner::resultsReady, this, [this](int begin, int end) {
    for (int i = begin; i < end; ++i) m_model->append(m_future.resultAt(i));
    m_throttle->request();
  });
  connect(m_runner, &JobRunner::succeeded, this, [this] {
    m_throttle->flush();
    int skipped = 0;
    for (const auto& r : m_model->rows()) skipped += !r.skipped.empty();
    m_status->setText(tr("%n configuration(s) measured", nullptr, int(m_model->rows().size()) - skipped) +
                      (skipped ? tr("; %n skipped (see the Note column)", nullptr, skipped) : QString()));
  });
  connect(m_runner, &JobRunner::cancelled, this, [this] {
    m_throttle->flush();
    m_status->setText(tr("Cancelled: the table shows the methods finished before."));
  });
  connect(m_runner, &JobRunner::failed, this, [this](const QString& msg) {
    m_throttle->flush();
    m_status->setText(QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(msg.toHtmlEscaped()));
  });
  connect(m_runner, &JobRunner::busyChanged, this, &CompareView::updateEnabled);
  connect(m_session, &Session::dumpChanged, this, [this] {
    m_runner->cancel();
    m_model->clear();
    m_chart->setRows({});
    m_status->setText(m_session->dump() ? tr("Pick methods and bit-widths, then Run.") : tr("Open a dump first (File → Open, or drop it on the window), then pick methods and Run."));
    updateEnabled();
  });
  m_status->setText(tr("Open a dump first (File → Open, or drop it on the window), then pick methods and Run."));
  updateEnabled();
}

CompareView::~CompareView() {
  QStringList on;
  for (int i = 0; i < m_methods->count(); ++i)
    if (m_methods->item(i)->checkState() == Qt::Checked) on << m_methods->item(i)->text();
  settings::setViewOption(kView, QStringLiteral("methods"), on);
  settings::setViewOption(kView, QStringLiteral("bits"), m_bits->text());
}

ChartView* CompareView::chartView() const { return m_chart->view(); }

CompareRequest CompareView::request() const {
  CompareRequest r;
  for (int i = 0; i < m_methods->count(); ++i)
    if (m_methods->item(i)->checkState() == Qt::Checked) r.methods.push_back(m_methods->item(i)->text().toStdString());
  for (const QString& part : m_bits->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    bool ok = false;
    const int b = part.trimmed().toInt(&ok);
    if (ok) r.bits.push_back(b);
  }
  r.queries = m_queries->value();
  return r;
}

void CompareView::setRequest(const QStringList& methods, const QString& bits, int queries) {
  for (int i = 0; i < m_methods->count(); ++i)
    m_methods->item(i)->setCheckState(methods.contains(m_methods->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
  m_bits->setText(bits);
  m_queries->setValue(queries);
}

void CompareView::run() {
  const auto dump = m_session->dump();
  if (!dump || m_runner->isBusy()) return;
  const CompareRequest r = request();
  if (compareConfigs(r).empty()) {
    m_status->setText(tr("Nothing to run: pick at least one method (and bit-widths it offers)."));
    return;
  }
  m_model->clear();
  m_chart->setRows({});
  m_status->setText(tr("Comparing %n configuration(s)…", nullptr, int(compareConfigs(r).size())));
  m_future = startCompare(*m_runner, dump, r);
}

void CompareView::updateEnabled() { m_run->setEnabled(m_session->dump() && !m_runner->isBusy()); }

}  // namespace vq::ui
