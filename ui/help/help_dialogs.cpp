#include "ui/help/help_dialogs.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtGlobal>

namespace vq::ui {

QString GuideDialog::guideHtml() {
  return tr(
      "<h2>VeloxQuant Studio in five steps</h2>"
      "<p>VeloxQuant Studio measures how KV-cache quantization methods behave on real attention activations "
      "and chooses how many bits each layer and head gets.</p>"
      "<ol>"
      "<li><b>Open</b> a KV dump: <i>File ▸ Open Dump</i> (Ctrl+O), a recent file, or drop a .npz, .safetensors "
      "or folder of .npy on the window. The app starts on a bundled real sample (TinyStories). The Dataset panel "
      "lists layers, heads, tokens, dtypes and memory.</li>"
      "<li><b>Calibrate</b> in the <i>Sensitivity</i> view: pick a probe, a method and the bit-widths, then "
      "<i>Run</i> (F5). Each group (layer × head, keys and values) gets an error for every bit-width: tall bars are "
      "sensitive groups that need more bits.</li>"
      "<li><b>Allocate</b> in the <i>Allocation</i> view: set the target average bits and run <i>optimal</i>, "
      "<i>ratequant</i> or <i>uniform</i>. Click or drag a bar to change one group by hand; every edit can be "
      "undone (Ctrl+Z).</li>"
      "<li><b>Verify</b>: <i>Verify</i> quantizes the dump with the allocation and measures the real errors; the "
      "<i>Quality</i> view compares them with a uniform allocation of the same size, the <i>Memory</i> view shows "
      "the bytes against fp16 and <i>Compare</i> measures methods side by side.</li>"
      "<li><b>Export</b>: <i>File ▸ Export</i> writes the allocation for llama.cpp, vLLM, Hugging Face, MLX or "
      "VeloxQuant, and <i>File ▸ Save Session</i> keeps the calibration and the allocation (*.vqalloc.json).</li>"
      "</ol>"
      "<h3>The Learn view</h3>"
      "<p>Pick a layer, a KV head, keys or values, a token and a method: the view follows that one vector through "
      "the method — the random rotation, the histogram of rotated coordinates against the density the codebook "
      "was designed for (centroids and decision boundaries drawn), the reconstruction and its error, the "
      "attention of the token's query with the original and quantized keys or values, the rate–distortion curve "
      "against the Shannon limit 4^−b, and what norm correction, the QJL residual, the second RVQ stage, sink "
      "tokens and outlier channels change. Move the bits from 4 to 2 with K selected and watch the attention "
      "weights drift: a score error is exponentiated by the softmax, which is why keys need more bits than "
      "values.</p>"
      "<h3>Tips</h3>"
      "<ul><li>Every long computation runs in the background; Esc cancels it.</li>"
      "<li>Charts: drag to zoom, double-click to reset, right-click to save PNG/SVG or copy.</li>"
      "<li>Tables: Ctrl+C copies the selected cells; <i>File ▸ Export</i> writes a view's table as CSV.</li>"
      "<li>Ctrl+1 shows the Dataset panel, Ctrl+2… the views in tab order.</li></ul>");
}

GuideDialog::GuideDialog(QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("GuideDialog"));
  setWindowTitle(tr("VeloxQuant Studio Guide"));
  m_browser = new QTextBrowser(this);
  m_browser->setOpenExternalLinks(true);
  m_browser->setHtml(guideHtml());
  m_browser->setToolTip(tr("How to go from a KV dump to an exported bit allocation"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_browser);
  layout->addWidget(buttons);
  resize(640, 620);
}

QString AboutDialog::aboutHtml() {
  return tr("<h3>VeloxQuant Studio %1</h3>"
            "<p>A workbench for KV-cache quantization of large language models: load real attention activations, "
            "measure quantization methods (TurboQuant, QJL, PolarQuant, KIVI, llama.cpp and MLX formats), learn how "
            "they work, allocate bits per layer and head, verify and export the allocation.</p>"
            "<p>Built with Qt %2 (running on Qt %3), Eigen and Vulkan compute.</p>"
            "<p>The bundled samples are activations of TinyStories-656K (Apache-2.0); see the LICENSE file beside "
            "them.</p>")
      .arg(QStringLiteral(VQ_VERSION), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()));
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("AboutDialog"));
  setWindowTitle(tr("About VeloxQuant Studio"));
  auto* icon = new QLabel(this);
  icon->setPixmap(QIcon(QStringLiteral(":/icons/veloxquant-studio.svg")).pixmap(96, 96));
  icon->setAlignment(Qt::AlignTop);
  auto* text = new QLabel(aboutHtml(), this);
  text->setWordWrap(true);
  text->setTextFormat(Qt::RichText);
  text->setOpenExternalLinks(true);
  text->setTextInteractionFlags(Qt::TextBrowserInteraction);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* row = new QHBoxLayout;
  row->addWidget(icon);
  row->addWidget(text, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(row);
  layout->addWidget(buttons);
  setMinimumWidth(460);
}

void populateHelpMenu(QMenu* help, QWidget* parent) {
  QAction* guide = help->addAction(GuideDialog::tr("VeloxQuant Studio &Guide"), parent, [parent] {
    auto* d = parent->findChild<GuideDialog*>();
    if (!d) d = new GuideDialog(parent);
    d->show();
    d->raise();
    d->activateWindow();
  });
  guide->setShortcut(QKeySequence::HelpContents);
  guide->setStatusTip(GuideDialog::tr("The workflow from a KV dump to an exported allocation, and the Learn view"));
  help->addSeparator();
  QAction* about = help->addAction(AboutDialog::tr("&About VeloxQuant Studio"), parent, [parent] {
    AboutDialog d(parent);
    d.exec();
  });
  about->setMenuRole(QAction::AboutRole);
  about->setStatusTip(AboutDialog::tr("Version, what the program does and licences"));
}

}  // namespace vq::ui
