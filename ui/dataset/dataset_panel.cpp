#include "ui/dataset/dataset_panel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTextDocument>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/common/thread_pool.h"
#include "core/metrics/dump_metrics.h"
#include "ui/dataset/dump_tree_model.h"
#include "ui/jobs/job_runner.h"

namespace vq::ui {

namespace {

// "3 NaN and 1 Inf values in L2 k, L5 v" or empty when every value is finite.
QString scanNonFinite(const Dump& dump, const Progress& progress) {
  const auto stats = metrics::computeDumpValueStats(dump, 0, defaultThreadPool(), progress.stopToken());
  int64_t nan = 0, inf = 0;
  QStringList where;
  for (const auto& s : stats) {
    if (s.stats.nanCount == 0 && s.stats.infCount == 0) continue;
    nan += s.stats.nanCount;
    inf += s.stats.infCount;
    where << QStringLiteral("L%1 %2").arg(s.layer).arg(QString::fromUtf8(roleName(s.role).data()));
  }
  if (where.isEmpty()) return {};
  constexpr int kShown = 6;
  const QString list = where.size() > kShown ? where.mid(0, kShown).join(QStringLiteral(", ")) + QStringLiteral(", …")
                                              : where.join(QStringLiteral(", "));
  return DatasetPanel::tr("Non-finite values: %1 NaN and %2 Inf in %n tensor(s) (%3). Metrics skip them; "
                          "quantizers may not.", nullptr, int(where.size()))
      .arg(nan)
      .arg(inf)
      .arg(list);
}

}  // namespace

DatasetPanel::DatasetPanel(QWidget* parent) : QWidget(parent), m_scanner(new JobRunner(this)) {
  m_stack = new QStackedWidget(this);
  auto* empty = new QLabel(tr("<h3>No dump open</h3><p>Drop a KV dump (.npz, .safetensors or a folder of .npy "
                              "files) here, or use File → Open (Ctrl+O).</p>"),
                           m_stack);
  empty->setAlignment(Qt::AlignCenter);
  empty->setWordWrap(true);
  m_stack->addWidget(empty);

  auto* page = new QWidget(m_stack);
  m_facts = new QLabel(page);
  m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_facts->setWordWrap(true);
  m_warnings = new QLabel(page);
  m_warnings->setWordWrap(true);
  m_warnings->setStyleSheet(QStringLiteral("QLabel { color: #b35900; }"));
  m_warnings->installEventFilter(this);
  m_model = new DumpTreeModel(this);
  m_tree = new QTreeView(page);
  m_tree->setModel(m_model);
  m_tree->setAlternatingRowColors(true);
  m_tree->setUniformRowHeights(true);
  // Every column fits its contents (tensor names stay readable; a narrow panel scrolls).
  m_tree->header()->setStretchLastSection(true);
  m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  auto* pageLayout = new QVBoxLayout(page);
  pageLayout->addWidget(m_facts);
  pageLayout->addWidget(m_warnings);
  pageLayout->addWidget(m_tree, 1);
  m_stack->addWidget(page);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_stack);

  connect(m_scanner, &JobRunner::succeeded, this, [this] {
    if (m_scanning == m_dump && m_scan.resultCount() > 0) {
      m_scanWarning = m_scan.result();
      showWarnings();
    }
  });
  connect(m_scanner, &JobRunner::busyChanged, this, [this](bool busy) {
    if (!busy && m_dump && m_scanning != m_dump) startScan();  // a newer dump arrived meanwhile
  });
}

void DatasetPanel::startScan() {
  if (m_scanner->isBusy()) {
    m_scanner->cancel();  // restarts with the new dump once it has ended
    return;
  }
  m_scanning = m_dump;
  m_scan = m_scanner->start<QString>(tr("Checking values of %1").arg(QString::fromStdString(m_dump->info().path.filename().string())),
                                     [dump = m_dump](QPromise<QString>& promise, const Progress& progress) {
                                       promise.addResult(scanNonFinite(*dump, progress));
                                     });
}

void DatasetPanel::showWarnings() {
  QStringList all = m_infoWarnings;
  if (!m_scanWarning.isEmpty()) all << m_scanWarning;
  m_warnings->setText(all.join(QLatin1Char('\n')));
  m_warnings->setVisible(!all.isEmpty());
  fitWarnings();
}

bool DatasetPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_warnings && event->type() == QEvent::Resize) fitWarnings();
  return QWidget::eventFilter(watched, event);
}

void DatasetPanel::fitWarnings() {
  const int h = m_warnings->text().isEmpty() ? 0 : m_warnings->heightForWidth(m_warnings->width());
  if (h > 0 && m_warnings->minimumHeight() != h) m_warnings->setMinimumHeight(h);
}

QString DatasetPanel::warningsText() const { return m_warnings->text(); }

void DatasetPanel::setDump(std::shared_ptr<const Dump> dump) {
  m_model->setDump(dump);
  m_dump = dump;
  m_scanWarning.clear();
  if (!dump) {
    m_stack->setCurrentIndex(0);
    return;
  }
  const DumpInfo& i = dump->info();
  const QLocale loc;
  auto size = [&](quint64 b) { return loc.formattedDataSize(qint64(b), 1, QLocale::DataSizeSIFormat); };
  QString model = i.modelName.empty() ? tr("(not named in the metadata)") : QString::fromStdString(i.modelName).toHtmlEscaped();
  if (i.synthetic) model += QStringLiteral(" <b style='color:#b35900'>%1</b>").arg(tr("SYNTHETIC"));
  QString tokens = QString::number(i.maxTokens);
  if (!i.uniformShapes) tokens += tr(" (maximum; layers differ)");
  m_facts->setText(
      tr("<table>"
         "<tr><td><b>Model</b></td><td>%1</td></tr>"
         "<tr><td><b>File</b></td><td>%2 (%3, %4)</td></tr>"
         "<tr><td><b>Layers</b></td><td>%5</td></tr>"
         "<tr><td><b>Heads</b></td><td>%6 query / %7 key-value</td></tr>"
         "<tr><td><b>Head dim</b></td><td>%8</td></tr>"
         "<tr><td><b>Tokens</b></td><td>%9</td></tr>"
         "<tr><td><b>Type</b></td><td>%10</td></tr>"
         "<tr><td><b>KV memory</b></td><td>%11 (all tensors %12)</td></tr>"
         "</table>")
          .arg(model, QString::fromStdString(i.path.filename().string()).toHtmlEscaped(),
               QString::fromStdString(i.container), size(i.fileBytes))
          .arg(i.numLayers)
          .arg(i.qHeads)
          .arg(i.kvHeads)
          .arg(i.headDim)
          .arg(tokens, QString::fromUtf8(dtypeName(i.dtype).data()), size(i.kvBytes), size(i.tensorBytes)));
  QStringList warnings;
  if (!i.hasQueries)
    warnings << tr("This dump has no queries: key metrics fall back to reconstruction error.");
  if (i.mixedDtypes) warnings << tr("Tensors use different element types.");
  m_infoWarnings = warnings;
  showWarnings();
  m_tree->expandToDepth(0);
  m_stack->setCurrentIndex(1);
  startScan();
}

QString DatasetPanel::factsText() const {
  QTextDocument doc;
  doc.setHtml(m_facts->text());
  return doc.toPlainText();
}

}  // namespace vq::ui
