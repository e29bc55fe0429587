#include "ui/main_window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrent>

#include "gpu/device_info.h"
#include "ui/common/error_text.h"
#include "ui/dataset/dataset_panel.h"
#include "ui/settings/settings.h"

namespace vq::ui {

namespace {
LoadResult loadOnWorker(const QString& path) {
  LoadResult r;
  r.path = path;
  try {
    r.dump = std::make_shared<const Dump>(Dump::open(path.toStdString()));
  } catch (const vq::Error& e) {
    r.error = e;
  } catch (const std::exception& e) {
    r.error = vq::Error(ErrorCode::Internal, e.what(), path.toStdString());
  }
  return r;
}

QString describeBackend() {
  const gpu::DeviceList list = gpu::listDevices();
  const int pick = gpu::pickAutomatic(list);
  for (const auto& d : list.devices)
    if (d.index == pick) return QObject::tr("Vulkan: %1").arg(QString::fromStdString(d.name));
  const QString why = list.unavailableReason.empty() ? QObject::tr("no GPU qualifies")
                                                     : QString::fromStdString(list.unavailableReason);
  return QObject::tr("CPU (Vulkan unavailable: %1)").arg(why);
}
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("VeloxQuant Studio"));
  setAcceptDrops(true);
  m_pool.setMaxThreadCount(2);
  m_dataset = new DatasetPanel(this);
  setCentralWidget(m_dataset);
  m_dumpLabel = new QLabel(this);
  m_backendLabel = new QLabel(tr("Backend: probing…"), this);
  statusBar()->addWidget(m_dumpLabel, 1);
  statusBar()->addPermanentWidget(m_backendLabel);
  createActions();
  connect(&m_loadWatcher, &QFutureWatcher<LoadResult>::finished, this, &MainWindow::onLoadFinished);
  if (!restoreGeometry(settings::windowGeometry())) resize(1100, 720);
  restoreState(settings::windowState());
  probeBackend();
}

MainWindow::~MainWindow() {
  m_loadWatcher.waitForFinished();
  m_backendWatcher.waitForFinished();
}

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open Dump…"), this, [this] { showOpenDialog(false); });
  open->setShortcut(QKeySequence::Open);
  open->setStatusTip(tr("Open a KV dump (.npz, .safetensors, .npy)"));
  QAction* openFolder = file->addAction(tr("Open &Folder of .npy…"), this, [this] { showOpenDialog(true); });
  openFolder->setStatusTip(tr("Open a folder holding one .npy file per tensor"));
  m_recentMenu = file->addMenu(tr("Open &Recent"));
  updateRecentMenu();
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About VeloxQuant Studio"), this, [this] {
    QMessageBox::about(this, tr("About VeloxQuant Studio"),
                       tr("<h3>VeloxQuant Studio %1</h3><p>A workbench for KV-cache quantization of "
                          "large language models: load real attention activations, measure methods, "
                          "allocate bits and export allocation files.</p>")
                           .arg(QStringLiteral(VQ_VERSION)));
  });
}

void MainWindow::updateRecentMenu() {
  m_recentMenu->clear();
  const QStringList files = settings::recentFiles();
  for (const QString& f : files) {
    QAction* a = m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] { openDump(f); });
    a->setToolTip(f);
    a->setStatusTip(f);
    if (!QFileInfo::exists(f)) {
      a->setEnabled(false);
      a->setStatusTip(tr("%1 (missing)").arg(f));
    }
  }
  if (!files.isEmpty()) {
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear Recent"), this, [this] {
      settings::setRecentFiles({});
      updateRecentMenu();
    });
  }
  m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::showOpenDialog(bool folder) {
  const QString start = settings::lastOpenFolder();
  const QString path =
      folder ? QFileDialog::getExistingDirectory(this, tr("Open Folder of .npy Tensors"), start)
             : QFileDialog::getOpenFileName(this, tr("Open KV Dump"), start,
                                            tr("KV dumps (*.npz *.safetensors *.npy);;All files (*)"));
  if (path.isEmpty()) return;
  settings::setLastOpenFolder(QFileInfo(path).absolutePath());
  openDump(path);
}

void MainWindow::openDump(const QString& path) {
  if (m_loadWatcher.isRunning()) m_loadWatcher.waitForFinished();
  m_dumpLabel->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
  m_loadWatcher.setFuture(QtConcurrent::run(&m_pool, loadOnWorker, path));
}

void MainWindow::onLoadFinished() {
  const LoadResult r = m_loadWatcher.result();
  if (r.error) {
    const QString msg = errorText(*r.error);
    m_dumpLabel->setText(tr("Could not open %1").arg(QFileInfo(r.path).fileName()));
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Could not open dump"), msg, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit dumpFailed(r.path, msg);
    return;
  }
  m_dump = r.dump;
  m_dataset->setDump(m_dump);
  const auto& info = m_dump->info();
  setWindowFilePath(r.path);
  setWindowTitle(tr("%1 — VeloxQuant Studio").arg(QFileInfo(r.path).fileName()));
  m_dumpLabel->setText(tr("%1: %n layer(s), K+V %2", nullptr, info.numLayers)
                           .arg(QFileInfo(r.path).fileName(),
                                QLocale().formattedDataSize(qint64(info.kvBytes), 1, QLocale::DataSizeSIFormat)));
  settings::addRecentFile(QFileInfo(r.path).absoluteFilePath());
  updateRecentMenu();
  emit dumpLoaded(r.path);
}

void MainWindow::probeBackend() {
  connect(&m_backendWatcher, &QFutureWatcher<QString>::finished, this,
          [this] { m_backendLabel->setText(m_backendWatcher.result()); });
  m_backendWatcher.setFuture(QtConcurrent::run(&m_pool, describeBackend));
}

QString MainWindow::backendText() const { return m_backendLabel->text(); }

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
  if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
  const auto urls = e->mimeData()->urls();
  for (const QUrl& u : urls) {
    if (u.isLocalFile()) {
      openDump(u.toLocalFile());  // a folder of .npy opens as one dump
      e->acceptProposedAction();
      return;
    }
  }
}

void MainWindow::closeEvent(QCloseEvent* e) {
  settings::setWindowGeometry(saveGeometry());
  settings::setWindowState(saveState());
  QMainWindow::closeEvent(e);
}

}  // namespace vq::ui
