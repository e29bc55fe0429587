#include "ui/views/quality_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLogValueAxis>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QValueAxis>
#include <QVBoxLayout>
#include <cmath>

#include "core/alloc/allocator.h"
#include "ui/charts/chart_view.h"
#include "ui/common/error_text.h"
#include "ui/common/refresh_throttle.h"
#include "ui/common/table_view.h"
#include "ui/jobs/job_runner.h"
#include "ui/models/quality_model.h"
#include "ui/models/sensitivity_model.h"
#include "ui/session/session.h"
#include "ui/theme/theme.h"

namespace vq::ui {

QualityView::QualityView(Session* session, QWidget* parent)
    : AnalysisView(parent), m_session(session), m_runner(new JobRunner(this)), m_model(new QualityModel(this)) {
  auto* proxy = new QSortFilterProxyModel(this);
  proxy->setSourceModel(m_model);
  proxy->setSortRole(QualityModel::SortRole);
  m_table = new TableView(this);
  m_table->setModel(proxy);
  m_table->sortByColumn(-1, Qt::AscendingOrder);
  m_view = new ChartView(this);
  m_view->setZoomable(true, true);
  m_series = new QBarSeries(this);
  m_view->chart()->addSeries(m_series);
  m_categories = new QBarCategoryAxis(this);
  m_view->chart()->addAxis(m_categories, Qt::AlignBottom);
  m_series->attachAxis(m_categories);
  m_view->chart()->legend()->setAlignment(Qt::AlignTop);
  m_view->setBarTooltip(m_series, [this](int index, QBarSet* set) {
    if (index < 0 || size_t(index) >= m_model->rows().size()) return QString();
    return tr("<b>Layer %1</b><br>%2: %3").arg(m_model->rows()[size_t(index)].layer).arg(set->label(), formatNumber(set->at(index)));
  });
  m_throttle = new RefreshThrottle([this] { refreshChart(); }, 100, this);
  connect(m_view, &ChartView::themeApplied, this, [this] { m_throttle->request(); });

  m_metric = new QComboBox(this);
  m_metric->addItem(tr("Attention output error"), int(Metric::OutputError));
  m_metric->addItem(tr("Key relative MSE"), int(Metric::RelMseK));
  m_metric->addItem(tr("Value relative MSE"), int(Metric::RelMseV));
  m_metric->addItem(tr("Key 1 − cosine"), int(Metric::OneMinusCosK));
  m_metric->addItem(tr("Value 1 − cosine"), int(Metric::OneMinusCosV));
  m_log = new QCheckBox(tr("Log scale"), this);
  m_metric->setToolTip(tr("The error per layer shown on the chart"));
  m_log->setToolTip(tr("Logarithmic value axis"));
  connect(m_metric, &QComboBox::currentIndexChanged, this, [this] { m_throttle->request(); });
  connect(m_log, &QCheckBox::toggled, this, [this] { m_throttle->request(); });
  m_run = new QPushButton(tr("Measure"), this);
  m_run->setToolTip(tr("Quantize every layer as allocated and as uniform at the same target, and measure"));
  connect(m_run, &QPushButton::clicked, this, &QualityView::run);
  m_status = new QLabel(this);
  m_status->setWordWrap(true);

  auto* controls = new QHBoxLayout;
  controls->addWidget(m_run);
  controls->addWidget(new QLabel(tr("Chart"), this));
  controls->addWidget(m_metric);
  controls->addWidget(m_log);
  controls->addStretch(1);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(m_view);
  split->addWidget(m_table);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(m_status);
  layout->addWidget(split, 1);

  connect(m_runner, &JobRunner::resultsReady, this, [this](int begin, int end) {
    for (int i = begin; i < end; ++i) m_model->append(m_future.resultAt(i));
    m_throttle->request();
  });
  connect(m_runner, &JobRunner::succeeded, this, [this] {
    m_throttle->flush();
    m_table->resizeColumnsToContents();
    updateState();
  });
  connect(m_runner, &JobRunner::cancelled, this, [this] {
    m_model->clear();
    m_measured.clear();
    m_throttle->request();
    updateState();
  });
  connect(m_runner, &JobRunner::failed, this, [this](const QString& msg) {
    m_status->setText(QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(msg.toHtmlEscaped()));
  });
  connect(m_runner, &JobRunner::busyChanged, this, &QualityView::updateState);
  connect(m_session, &Session::tableChanged, this, [this] {
    m_runner->cancel();
    m_model->clear();
    m_measured.clear();
    m_throttle->request();
    updateState();
  });
  connect(m_session, &Session::allocationSummaryChanged, this, &QualityView::updateState);
  updateState();
  refreshChart();
}

QString QualityView::statusText() const { return m_status->text(); }

void QualityView::run() {
  const auto table = m_session->table();
  const auto dump = m_session->dump();
  if (!table || !dump || !m_session->hasAllocation() || m_runner->isBusy()) return;
  const alloc::Allocation& a = m_session->allocation();
  alloc::Allocation uniform;
  try {
    uniform = alloc::uniformBaseline(*table, a.request.unit, a.request.target);
  } catch (const Error& e) {
    m_status->setText(errorText(e).toHtmlEscaped());
    return;
  }
  m_model->clear();
  m_measured = a.choice;
  m_future = startQuality(*m_runner, dump, table, a, uniform);
}

void QualityView::updateState() {
  const bool ready = m_session->table() && m_session->hasAllocation() && m_session->dump();
  m_run->setEnabled(ready && !m_runner->isBusy());
  if (m_runner->isBusy()) {
    m_status->setText(tr("Measuring…"));
  } else if (!ready) {
    m_status->setText(tr("Calibrate and allocate first; then Measure compares the allocation with uniform per layer."));
  } else if (m_model->rowCount() == 0) {
    m_status->setText(tr("Measure compares the allocation with the uniform setting at the same target, per layer."));
  } else if (m_session->allocation().choice != m_measured) {
    m_status->setText(tr("<b>The allocation changed since it was measured</b>: Measure again."));
  } else {
    const auto& a = m_session->allocation();
    double errU = 0, refU = 0, errA = 0, refA = 0;
    for (const auto& r : m_model->rows()) {
      errU += r.uniform.outputErr2;
      refU += r.uniform.outputRef2;
      errA += r.allocation.outputErr2;
      refA += r.allocation.outputRef2;
    }
    QString text = tr("Measured: <b>%1</b> allocation vs <b>uniform</b> at %2 %3")
                       .arg(QString::fromStdString(a.allocator), formatNumber(a.request.target),
                            a.request.unit == calib::RateUnit::Bits ? tr("bits/value") : tr("bpv"));
    if (refU > 0 && refA > 0)
      text += tr(" · whole dump attention output error: uniform %1, allocation <b>%2</b>")
                  .arg(formatNumber(errU / refU), formatNumber(errA / refA));
    m_status->setText(text);
  }
}

void QualityView::refreshChart() {
  const auto metric = Metric(m_metric->currentData().toInt());
  auto valueOf = [metric](const LayerQuality& q) {
    switch (metric) {
      case Metric::OutputError: return q.outputError.value_or(0.0);
      case Metric::RelMseK: return q.relMseK;
      case Metric::RelMseV: return q.relMseV;
      case Metric::OneMinusCosK: return 1.0 - q.cosineK;
      case Metric::OneMinusCosV: return 1.0 - q.cosineV;
    }
    return 0.0;
  };
  QChart* chart = m_view->chart();
  if (m_values) {
    m_series->detachAxis(m_values);
    chart->removeAxis(m_values);
    delete m_values;
  }
  if (m_log->isChecked()) {
    auto* axis = new QLogValueAxis(this);
    axis->setLabelFormat(QStringLiteral("%.0e"));
    m_values = axis;
  } else {
    auto* axis = new QValueAxis(this);
    axis->setLabelFormat(QStringLiteral("%.3g"));
    m_values = axis;
  }
  chart->addAxis(m_values, Qt::AlignLeft);
  m_series->attachAxis(m_values);
  m_series->clear();
  auto* uniform = new QBarSet(tr("uniform"));
  auto* allocation = new QBarSet(tr("allocation"));
  uniform->setColor(QColor(0x99, 0x99, 0x99));
  allocation->setColor(ThemeManager::jointColor());
  QStringList names;
  double top = 0, bottom = HUGE_VAL;
  for (const auto& r : m_model->rows()) {
    names << tr("L%1").arg(r.layer);
    for (auto [set, q] : {std::pair{uniform, &r.uniform}, std::pair{allocation, &r.allocation}}) {
      const double v = valueOf(*q);
      set->append(v);
      top = std::max(top, v);
      if (v > 0) bottom = std::min(bottom, v);
    }
  }
  m_series->append(uniform);
  m_series->append(allocation);
  if (m_categories->categories() != names) {
    m_categories->clear();
    m_categories->append(names);
  }
  if (top <= 0) top = 1;
  if (m_log->isChecked()) {
    if (!(bottom < HUGE_VAL)) bottom = top / 10;
    m_values->setRange(std::pow(10.0, std::floor(std::log10(bottom))), std::pow(10.0, std::ceil(std::log10(top))));
  } else {
    m_values->setRange(0.0, top * 1.08);
  }
  chart->setTitle(tr("%1 per layer: uniform vs allocation").arg(m_metric->currentText()));
}

}  // namespace vq::ui
