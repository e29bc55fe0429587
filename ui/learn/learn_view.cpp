#include "ui/learn/learn_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/quant/registry.h"
#include "ui/charts/chart_view.h"
#include "ui/common/table_view.h"
#include "ui/jobs/job_runner.h"
#include "ui/learn/learn_charts.h"
#include "ui/learn/learn_texts.h"
#include "ui/models/sensitivity_model.h"
#include "ui/session/session.h"
#include "ui/settings/settings.h"

namespace vq::ui {

namespace {

const QString kView = QStringLiteral("learn");
constexpr int kSinkTokens = 4;
constexpr int kOutlierChannels = 2;

QString number(double v) { return std::isfinite(v) ? formatNumber(v) : QStringLiteral("—"); }

QString optionName(learn::Effect::Option o) {
  switch (o) {
    case learn::Effect::Option::NormCorrection: return LearnView::tr("Norm correction");
    case learn::Effect::Option::QjlResidual: return LearnView::tr("QJL residual");
    case learn::Effect::Option::SecondStage: return LearnView::tr("Second RVQ stage");
    case learn::Effect::Option::SinkTokens: return LearnView::tr("%1 sink tokens").arg(kSinkTokens);
    case learn::Effect::Option::OutlierChannels: return LearnView::tr("%1 outlier channels").arg(kOutlierChannels);
  }
  return {};
}

}  // namespace

LearnView::LearnView(Session* session, QWidget* parent)
    : AnalysisView(parent), m_session(session), m_runner(new JobRunner(this)), m_cache(std::make_shared<LayerCache>()) {
  // Controls.
  m_layer = new QSpinBox(this);
  m_layer->setToolTip(tr("Layer of the dump whose keys or values are shown"));
  m_head = new QSpinBox(this);
  m_head->setToolTip(tr("KV head of the layer (its query heads are used for the attention panel)"));
  m_role = new QComboBox(this);
  m_role->addItem(tr("K (keys)"), int(Role::K));
  m_role->addItem(tr("V (values)"), int(Role::V));
  m_role->setToolTip(tr("Quantize the keys or the values of this head; the attention panel shows why keys are more fragile"));
  m_token = new QSlider(Qt::Horizontal, this);
  m_token->setToolTip(tr("Token (position) whose vector is followed step by step; its query is used for the attention panel"));
  m_token->setMinimumWidth(140);
  m_tokenBox = new QSpinBox(this);
  m_tokenBox->setToolTip(m_token->toolTip());
  m_method = new QComboBox(this);
  for (const auto& m : quant::methodRegistry()) {
    m_method->addItem(QString::fromStdString(m.name));
    m_method->setItemData(m_method->count() - 1, QString::fromStdString(m.summary + "\n" + m.storageFormula),
                          Qt::ToolTipRole);
  }
  m_method->setToolTip(tr("Quantization method (turboquant_mse, turboquant_prod and turboquant_rvq show every step)"));
  m_bits = new QComboBox(this);
  m_bits->setToolTip(tr("Bits per coordinate of the method's codebook (fixed formats have none)"));
  m_normCorrection = new QCheckBox(tr("Norm correction"), this);
  m_normCorrection->setToolTip(tr("turboquant_mse: store ‖x‖/‖x̂_unit‖ instead of ‖x‖, so decoded vectors keep their length"));
  m_qjl = new QCheckBox(tr("QJL residual"), this);
  m_qjl->setChecked(true);
  m_qjl->setToolTip(tr("turboquant_prod: the 1-bit QJL sketch of the residual (off: its (b−1)-bit first stage alone)"));
  m_secondStage = new QCheckBox(tr("2nd RVQ stage"), this);
  m_secondStage->setChecked(true);
  m_secondStage->setToolTip(tr("turboquant_rvq: quantize the first stage's residual again (off: stage 1 alone)"));
  m_sinks = new QCheckBox(tr("Sink tokens"), this);
  m_sinks->setToolTip(tr("Keep the first %1 tokens (attention sinks) in fp16").arg(kSinkTokens));
  m_outliers = new QCheckBox(tr("Outlier channels"), this);
  m_outliers->setToolTip(tr("Keep the %1 channels with the largest mean |x| apart as int8 with a per-token scale").arg(kOutlierChannels));

  const QString savedMethod = settings::viewOption(kView, QStringLiteral("method"), QStringLiteral("turboquant_mse")).toString();
  m_method->setCurrentIndex(std::max(0, m_method->findText(savedMethod)));
  onMethodChanged();
  const int savedBits = settings::viewOption(kView, QStringLiteral("bits"), 2).toInt();
  if (int i = m_bits->findData(savedBits); i >= 0) m_bits->setCurrentIndex(i);

  auto* row1 = new QHBoxLayout;
  auto label = [this](const QString& text, QWidget* buddy) {
    auto* l = new QLabel(text, this);
    l->setBuddy(buddy);
    return l;
  };
  row1->addWidget(label(tr("&Layer"), m_layer));
  row1->addWidget(m_layer);
  row1->addWidget(label(tr("KV &head"), m_head));
  row1->addWidget(m_head);
  row1->addWidget(m_role);
  row1->addWidget(label(tr("&Token"), m_token));
  row1->addWidget(m_token, 1);
  row1->addWidget(m_tokenBox);
  row1->addWidget(label(tr("&Method"), m_method));
  row1->addWidget(m_method);
  row1->addWidget(label(tr("&Bits"), m_bits));
  row1->addWidget(m_bits);
  auto* row2 = new QHBoxLayout;
  row2->addWidget(new QLabel(tr("Options:"), this));
  for (QCheckBox* c : {m_normCorrection, m_qjl, m_secondStage, m_sinks, m_outliers}) row2->addWidget(c);
  row2->addStretch(1);

  // Panels.
  auto makeChart = [this] {
    auto* c = new ChartView(this);
    c->setMinimumSize(260, 190);
    return c;
  };
  m_rotation = makeChart();
  m_histogram = makeChart();
  m_reconstruction = makeChart();
  m_attention = makeChart();
  m_rd = makeChart();
  m_effects = new QStandardItemModel(0, 7, this);
  m_effects->setHorizontalHeaderLabels({tr("Option"), tr("State"), tr("Cosine"), tr("Rel. err."), tr("Head MSE"),
                                        tr("Out. err."), tr("Bytes")});
  m_effectsTable = new TableView(this);
  m_effectsTable->setModel(m_effects);
  m_effectsTable->setToolTip(tr("Each option measured off and on, everything else as selected"));
  m_effectsTable->setSortingEnabled(false);  // off/on pairs stay together
  m_vectorMetrics = new QLabel(this);
  m_vectorMetrics->setWordWrap(true);
  m_vectorMetrics->setToolTip(tr("Cosine similarity and relative error ‖x−x̂‖²/‖x‖² of this vector, the head's mean "
                                 "relative MSE, and the bytes stored per vector"));
  m_attentionMetrics = new QLabel(this);
  m_attentionMetrics->setWordWrap(true);
  m_attentionMetrics->setToolTip(tr("Score error relative to the spread of the scores, KL divergence of the weights "
                                    "and relative error of the attention output, over the query heads of this KV head"));

  auto* grid = new QGridLayout;
  grid->addWidget(panel(tr("1 · Rotation"), m_rotation, nullptr, learn_texts::rotation()), 0, 0);
  grid->addWidget(panel(tr("2 · Codebook"), m_histogram, nullptr, learn_texts::histogram()), 0, 1);
  grid->addWidget(panel(tr("3 · Reconstruction"), m_reconstruction, m_vectorMetrics, learn_texts::reconstruction()), 0, 2);
  grid->addWidget(panel(tr("4 · Attention"), m_attention, m_attentionMetrics, learn_texts::attention(true), &m_attentionText), 1, 0);
  grid->addWidget(panel(tr("5 · Rate–distortion"), m_rd, nullptr, learn_texts::rateDistortion()), 1, 1);
  grid->addWidget(panel(tr("6 · Options"), m_effectsTable, nullptr, learn_texts::effects()), 1, 2);
  for (int c = 0; c < 3; ++c) grid->setColumnStretch(c, 1);
  auto* content = new QWidget(this);
  content->setLayout(grid);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(content);

  m_status = new QLabel(this);
  m_status->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(row1);
  layout->addLayout(row2);
  layout->addWidget(scroll, 1);
  layout->addWidget(m_status);

  // Every control recomputes at once.
  for (QSpinBox* s : {m_layer, m_head})
    connect(s, &QSpinBox::valueChanged, this, [this] { requestUpdate(); });
  connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
    m_attentionText->setText(learn_texts::attention(Role(m_role->currentData().toInt()) == Role::K));
    requestUpdate();
  });
  connect(m_token, &QSlider::valueChanged, m_tokenBox, &QSpinBox::setValue);
  connect(m_tokenBox, &QSpinBox::valueChanged, m_token, &QSlider::setValue);
  connect(m_token, &QSlider::valueChanged, this, [this] { requestUpdate(); });
  connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
    onMethodChanged();
    requestUpdate();
  });
  connect(m_bits, &QComboBox::currentIndexChanged, this, [this] { requestUpdate(); });
  for (QCheckBox* c : {m_normCorrection, m_qjl, m_secondStage, m_sinks, m_outliers})
    connect(c, &QCheckBox::toggled, this, [this] { requestUpdate(); });

  connect(m_runner, &JobRunner::resultsReady, this, [this](int begin, int) {
    if (m_future.resultCount() > begin) showResult(m_future.resultAt(begin));
  });
  connect(m_runner, &JobRunner::succeeded, this, &LearnView::finishRound);
  connect(m_runner, &JobRunner::cancelled, this, &LearnView::finishRound);
  connect(m_runner, &JobRunner::failed, this, [this](const QString& msg) {
    m_status->setText(QStringLiteral("<span style='color:#c0392b'>%1</span> %2")
                          .arg(msg.toHtmlEscaped(),
                               tr("Pick another method or bit-width, or another layer.").toHtmlEscaped()));
    finishRound();
  });
  connect(m_session, &Session::dumpChanged, this, &LearnView::onDumpChanged);
  for (ChartView* c : {m_rotation, m_histogram, m_reconstruction, m_attention, m_rd})
    connect(c, &ChartView::themeApplied, this, [this] {
      if (m_result) showResult(*m_result);
    });
  onDumpChanged();
}

LearnView::~LearnView() {
  settings::setViewOption(kView, QStringLiteral("method"), m_method->currentText());
  settings::setViewOption(kView, QStringLiteral("bits"), m_bits->currentData());
  m_runner->cancel();
  m_runner->waitForFinished();
}

QWidget* LearnView::panel(const QString& title, QWidget* body, QLabel* metrics, const QString& text, QLabel** textLabel) {
  auto* box = new QGroupBox(title, this);
  auto* v = new QVBoxLayout(box);
  v->setContentsMargins(6, 6, 6, 6);
  v->addWidget(body, 1);
  if (metrics) v->addWidget(metrics);
  auto* explain = new QLabel(text, box);
  explain->setWordWrap(true);
  explain->setTextFormat(Qt::RichText);
  QFont f = explain->font();
  f.setPointSizeF(f.pointSizeF() * 0.9);
  explain->setFont(f);
  explain->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  v->addWidget(explain);
  if (textLabel) *textLabel = explain;
  return box;
}

LearnRequest LearnView::request() const {
  LearnRequest r;
  r.layer = m_layer->value();
  auto& o = r.options;
  o.kvHead = m_head->value();
  o.role = Role(m_role->currentData().toInt());
  o.token = m_token->value();
  o.method.method = m_method->currentText().toStdString();
  o.method.bits = m_bits->currentData().isValid() ? m_bits->currentData().toInt() : 0;
  o.method.normCorrection = m_normCorrection->isEnabled() && m_normCorrection->isChecked();
  o.qjlResidual = m_qjl->isChecked();
  o.secondStage = m_secondStage->isChecked();
  o.protection.sinkTokens = m_sinks->isChecked() ? kSinkTokens : 0;
  o.protection.outlierChannels = m_outliers->isChecked() ? kOutlierChannels : 0;
  return r;
}

bool LearnView::isUpToDate() const { return !m_dirty && !m_runner->isBusy(); }

void LearnView::setSelection(int layer, int kvHead, Role role, int token) {
  m_loading = true;
  m_layer->setValue(layer);
  m_head->setValue(kvHead);
  m_role->setCurrentIndex(m_role->findData(int(role)));
  m_token->setValue(token);
  m_loading = false;
  requestUpdate();
}

void LearnView::setMethod(const QString& method, int bits) {
  m_loading = true;
  m_method->setCurrentIndex(std::max(0, m_method->findText(method)));
  if (int i = m_bits->findData(bits); i >= 0) m_bits->setCurrentIndex(i);
  m_loading = false;
  requestUpdate();
}

void LearnView::onMethodChanged() {
  const QVariant previous = m_bits->currentData();
  const bool wasLoading = m_loading;
  m_loading = true;
  m_bits->clear();
  const quant::MethodInfo* info = quant::findMethod(m_method->currentText().toStdString());
  if (info)
    for (int b : info->bits) m_bits->addItem(QString::number(b), b);
  if (m_bits->count() == 0) m_bits->addItem(tr("fixed"));
  int keep = m_bits->findData(previous);
  if (keep < 0) keep = std::max(0, m_bits->findData(2));
  m_bits->setCurrentIndex(keep);
  m_bits->setEnabled(info && !info->bits.empty());
  m_loading = wasLoading;
  updateToggles();
}

void LearnView::updateToggles() {
  const QString m = m_method->currentText();
  m_normCorrection->setEnabled(m == QLatin1String("turboquant_mse"));
  m_qjl->setEnabled(m == QLatin1String("turboquant_prod"));
  m_secondStage->setEnabled(m == QLatin1String("turboquant_rvq"));
}

void LearnView::onDumpChanged() {
  m_runner->cancel();
  m_cache->clear();
  m_result.reset();
  const auto dump = m_session->dump();
  m_loading = true;
  const bool has = dump && dump->numLayers() > 0;
  for (QWidget* w : std::initializer_list<QWidget*>{m_layer, m_head, m_role, m_token, m_tokenBox, m_method})
    w->setEnabled(has);
  if (has) {
    const auto& info = dump->info();
    m_layer->setRange(0, info.numLayers - 1);
    m_head->setRange(0, std::max(0, info.kvHeads - 1));
    const int tokens = int(std::max<int64_t>(1, info.layers.front().tokens));
    m_token->setRange(0, tokens - 1);
    m_tokenBox->setRange(0, tokens - 1);
    m_token->setValue(tokens - 1);  // the last token's query reads every key
  }
  m_loading = false;
  if (!has) {
    showEmptyState(tr("Open a dump (File → Open, or drop a file here) to follow one of its vectors through a method."));
    return;
  }
  requestUpdate();
}

void LearnView::showEmptyState(const QString& text) {
  for (ChartView* c : {m_rotation, m_histogram, m_reconstruction, m_attention, m_rd}) learn_charts::showEmpty(c, QString());
  m_effects->setRowCount(0);
  m_vectorMetrics->clear();
  m_attentionMetrics->clear();
  m_status->setText(text);
}

void LearnView::requestUpdate() {
  if (m_loading || !m_session->dump()) return;
  m_dirty = true;
  if (m_runner->isBusy()) {
    m_runner->cancel();  // superseded: finishRound() starts the newest request
    return;
  }
  startNext();
}

void LearnView::startNext() {
  const auto dump = m_session->dump();
  if (!dump) return;
  LearnRequest r = request();
  // Layers may differ in heads and tokens: keep the selection inside this layer.
  const auto& info = dump->layer(std::clamp(r.layer, 0, dump->numLayers() - 1));
  r.options.kvHead = std::min(r.options.kvHead, std::max(0, info.kvHeads - 1));
  r.options.token = std::min<int64_t>(r.options.token, std::max<int64_t>(0, info.tokens - 1));
  m_dirty = false;
  m_future = startLearn(*m_runner, dump, m_cache, r);
}

void LearnView::finishRound() {
  if (m_dirty) {
    startNext();
    return;
  }
  if (m_result) emit updated();
}

void LearnView::showResult(const LearnResult& r) {
  m_result = r;
  const auto& w = r.walkthrough;
  learn_charts::showRotation(m_rotation, w);
  learn_charts::showHistogram(m_histogram, w);
  learn_charts::showReconstruction(m_reconstruction, w);
  learn_charts::showAttention(m_attention, w, r.request.options.role);
  learn_charts::showRateDistortion(m_rd, r);

  const auto& m = w.metrics;
  m_vectorMetrics->setText(tr("cosine <b>%1</b> · relative error <b>%2</b> · head rel. MSE %3<br>"
                              "<b>%4</b> bytes per vector (fp16: %5) · %6 bits per value%7")
                               .arg(number(m.cosine), number(m.relError), number(m.headRelMse),
                                    formatNumber(m.bytesPerVector, 3), QString::number(2 * w.headDim),
                                    formatNumber(m.bitsPerValue, 3),
                                    w.tokenKeptFp16 ? tr(" · this token is kept in fp16") : QString()));
  const auto& a = w.attention;
  m_attentionMetrics->setText(a.available ? tr("score error <b>%1</b> of the score spread · KL %2 nats · output "
                                               "error <b>%3</b> · largest weight change ×%4")
                                                .arg(number(a.logitErrorRel), number(a.klMean), number(a.outputError),
                                                     formatNumber(a.maxWeightFactor, 3))
                                          : learn_texts::noQueries());

  m_effects->setRowCount(0);
  for (const auto& e : w.effects) {
    for (bool on : {false, true}) {
      const learn::VectorMetrics& v = on ? e.on : e.off;
      const bool missing = !e.unavailable.empty() && on != e.current;
      QList<QStandardItem*> row;
      row << new QStandardItem(optionName(e.option));
      row << new QStandardItem((on ? tr("on") : tr("off")) + (on == e.current ? tr(" (selected)") : QString()));
      if (missing) {
        auto* why = new QStandardItem(tr("cannot run: %1").arg(QString::fromStdString(e.unavailable)));
        row << why;
      } else {
        for (double x : {v.cosine, v.relError, v.headRelMse, v.outputError}) row << new QStandardItem(number(x));
        row << new QStandardItem(formatNumber(v.bytesPerVector, 3));
      }
      if (on == e.current) {
        QFont bold = row.front()->font();
        bold.setBold(true);
        for (auto* item : row) item->setFont(bold);
      }
      for (auto* item : row) item->setEditable(false);
      m_effects->appendRow(row);
    }
  }
  m_effectsTable->resizeColumnsToContents();
  const QString cfg = QString::fromStdString(w.config.method) +
                      (w.config.bits > 0 && !quant::findMethod(w.config.method)->bits.empty()
                           ? QStringLiteral(" %1b").arg(w.config.bits)
                           : QString());
  m_status->setText(tr("Layer %1, KV head %2, %3, token %4 of %5 · ran %6 · head_dim %7")
                        .arg(r.request.layer)
                        .arg(r.request.options.kvHead)
                        .arg(r.request.options.role == Role::K ? tr("keys") : tr("values"))
                        .arg(r.request.options.token)
                        .arg(w.tokens)
                        .arg(cfg)
                        .arg(w.headDim));
}

}  // namespace vq::ui
