#include "ui/views/memory_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QValueAxis>
#include <QVBoxLayout>
#include <cmath>

#include "ui/charts/chart_view.h"
#include "ui/common/refresh_throttle.h"
#include "ui/common/table_view.h"
#include "ui/models/memory_model.h"
#include "ui/models/sensitivity_model.h"
#include "ui/session/session.h"
#include "ui/settings/settings.h"
#include "ui/theme/theme.h"

namespace vq::ui {

namespace {
const QString kView = QStringLiteral("memory");
}

MemoryView::MemoryView(Session* session, QWidget* parent)
    : AnalysisView(parent), m_session(session), m_model(new MemoryModel(session, this)) {
  auto* proxy = new QSortFilterProxyModel(this);
  proxy->setSourceModel(m_model);
  proxy->setSortRole(MemoryModel::SortRole);
  m_table = new TableView(this);
  m_table->setModel(proxy);
  m_table->sortByColumn(-1, Qt::AscendingOrder);
  m_view = new ChartView(this);
  m_view->setZoomable(true, true);
  m_series = new QBarSeries(this);
  m_view->chart()->addSeries(m_series);
  m_categories = new QBarCategoryAxis(this);
  m_values = new QValueAxis(this);
  m_values->setLabelFormat(QStringLiteral("%.3g"));
  m_view->chart()->addAxis(m_categories, Qt::AlignBottom);
  m_view->chart()->addAxis(m_values, Qt::AlignLeft);
  m_series->attachAxis(m_categories);
  m_series->attachAxis(m_values);
  m_view->chart()->legend()->setAlignment(Qt::AlignTop);
  m_view->setBarTooltip(m_series, [this](int index, QBarSet* set) {
    if (index < 0 || size_t(index) >= m_model->rows().size()) return QString();
    const auto& r = m_model->rows()[size_t(index)];
    return tr("<b>Layer %1</b> (%2 tokens)<br>%3: %4 %5")
        .arg(r.layer)
        .arg(r.tokens)
        .arg(set->label(), QLocale().toString(set->at(index), 'g', 4), m_values->titleText());
  });
  m_throttle = new RefreshThrottle([this] { refreshChart(); }, 50, this);
  connect(m_view, &ChartView::themeApplied, this, [this] { m_throttle->request(); });

  m_context = new QSpinBox(this);
  m_context->setRange(1, 16 * 1024 * 1024);
  m_context->setSingleStep(1024);
  m_context->setGroupSeparatorShown(true);
  m_context->setSuffix(tr(" tokens"));
  m_context->setValue(settings::viewOption(kView, QStringLiteral("context"), 32768).toInt());
  m_context->setToolTip(tr("Context length to project the KV-cache memory to"));
  m_batch = new QSpinBox(this);
  m_batch->setRange(1, 4096);
  m_batch->setPrefix(tr("batch "));
  m_batch->setValue(settings::viewOption(kView, QStringLiteral("batch"), 1).toInt());
  m_batch->setToolTip(tr("Sequences held at once (the projection multiplies by it)"));
  m_projected = new QCheckBox(tr("Chart the projection"), this);
  m_projected->setToolTip(tr("Chart the bytes at the projected context and batch instead of the dump's own size"));
  auto apply = [this] { m_model->setProjection(m_context->value(), m_batch->value()); };
  connect(m_context, &QSpinBox::valueChanged, this, apply);
  connect(m_batch, &QSpinBox::valueChanged, this, apply);
  connect(m_projected, &QCheckBox::toggled, this, [this] { m_throttle->request(); });
  connect(m_model, &MemoryModel::recomputed, this, [this] { m_throttle->request(); });
  m_summary = new QLabel(this);
  m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_summary->setWordWrap(true);

  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Project to"), this));
  controls->addWidget(m_context);
  controls->addWidget(m_batch);
  controls->addWidget(m_projected);
  controls->addStretch(1);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(m_view);
  split->addWidget(m_table);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(m_summary);
  layout->addWidget(split, 1);
  apply();
}

MemoryView::~MemoryView() {
  settings::setViewOption(kView, QStringLiteral("context"), m_context->value());
  settings::setViewOption(kView, QStringLiteral("batch"), m_batch->value());
}

void MemoryView::setProjection(int contextTokens, int batch) {
  m_context->setValue(contextTokens);
  m_batch->setValue(batch);
}

QString MemoryView::summaryText() const { return m_summary->text(); }

void MemoryView::refreshChart() {
  const auto& rows = m_model->rows();
  const bool projected = m_projected->isChecked();
  // Scale: the largest value decides the unit.
  double top = 0;
  for (const auto& r : rows) top = std::max(top, projected ? m_model->projected(r, r.fp16) : r.fp16);
  const double unit = top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : top >= 1e3 ? 1e3 : 1.0;
  const QString unitName = unit == 1e9 ? tr("GB") : unit == 1e6 ? tr("MB") : unit == 1e3 ? tr("kB") : tr("bytes");
  m_values->setTitleText(unitName);
  auto scaled = [&](const MemoryModel::Row& r, double bytes) {
    const double b = projected ? m_model->projected(r, bytes) : bytes;
    return std::isnan(b) ? 0.0 : b / unit;
  };
  m_series->clear();
  QStringList names;
  for (const auto& r : rows) names << tr("L%1").arg(r.layer);
  auto* fp16 = new QBarSet(tr("fp16"));
  fp16->setColor(QColor(0x99, 0x99, 0x99));
  for (const auto& r : rows) fp16->append(scaled(r, r.fp16));
  m_series->append(fp16);
  const bool split = m_model->hasAllocation() && !rows.empty() && !std::isnan(rows.front().k);
  if (m_model->hasAllocation()) {
    if (split) {
      auto* k = new QBarSet(tr("allocation K"));
      auto* v = new QBarSet(tr("allocation V"));
      k->setColor(ThemeManager::keyColor());
      v->setColor(ThemeManager::valueColor());
      for (const auto& r : rows) {
        k->append(scaled(r, r.k));
        v->append(scaled(r, r.v));
      }
      m_series->append(k);
      m_series->append(v);
    } else {
      auto* kv = new QBarSet(tr("allocation K+V"));
      kv->setColor(ThemeManager::jointColor());
      for (const auto& r : rows) kv->append(scaled(r, r.kv));
      m_series->append(kv);
    }
  }
  if (m_categories->categories() != names) {
    m_categories->clear();
    m_categories->append(names);
  }
  m_values->setRange(0, top > 0 ? top / unit * 1.08 : 1.0);
  m_view->chart()->setTitle(projected ? tr("Bytes per layer at %1 tokens × batch %2")
                                            .arg(QLocale().toString(qint64(m_model->contextTokens())))
                                            .arg(m_model->batch())
                                      : tr("Bytes per layer at the dump's length"));

  // Totals.
  const double fp16Total = m_model->totalFp16();
  const double allocTotal = m_model->totalAllocated();
  double fp16Projected = 0, allocProjected = 0;
  for (const auto& r : rows) {
    fp16Projected += m_model->projected(r, r.fp16);
    if (!std::isnan(r.kv)) allocProjected += m_model->projected(r, r.kv);
  }
  const QString at = tr("%1 tokens × batch %2").arg(QLocale().toString(qint64(m_model->contextTokens()))).arg(m_model->batch());
  if (rows.empty()) {
    m_summary->setText(tr("Open a dump (File → Open, or drop it on the window) to see its memory."));
  } else if (!m_model->hasAllocation()) {
    m_summary->setText(tr("fp16 K+V: %1 at the dump's length, %2 at %3. Calibrate and allocate to compare.")
                           .arg(formatBytes(fp16Total), formatBytes(fp16Projected), at));
  } else {
    m_summary->setText(tr("<b>Allocation %1</b> vs fp16 %2 (%3× smaller) at the dump's length · at %4: "
                          "<b>%5</b> vs fp16 %6")
                           .arg(formatBytes(allocTotal), formatBytes(fp16Total),
                                formatNumber(allocTotal > 0 ? fp16Total / allocTotal : 0.0, 3), at,
                                formatBytes(allocProjected), formatBytes(fp16Projected)));
  }
  m_table->resizeColumnsToContents();
}

}  // namespace vq::ui
