#include "ui/main_window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <utility>

#include "ui/common/error_text.h"
#include "ui/dataset/dataset_panel.h"
#include "ui/jobs/compute.h"
#include "ui/jobs/job_panel.h"
#include "ui/jobs/job_runner.h"
#include "ui/learn/learn_view.h"
#include "ui/session/autosave.h"
#include "ui/preferences/preferences_dialog.h"
#include "ui/session/session.h"
#include "ui/session/session_files.h"
#include "ui/settings/settings.h"
#include "ui/views/allocation_view.h"
#include "ui/views/compare_view.h"
#include "ui/views/memory_view.h"
#include "ui/views/quality_view.h"
#include "ui/views/sensitivity_view.h"

namespace vq::ui {

namespace {
// The status bar's backend line: what jobs run on (ui/jobs/compute.h).
QString backendLine(const QString& status) { return MainWindow::tr("Backend: %1").arg(status); }
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_session(new Session(this)),
      m_files(new SessionFiles(m_session, this)),
      m_autosave(new Autosave(m_session, this)),
      m_loader(new JobRunner(this)),
      m_prober(new JobRunner(this)) {
  setObjectName(QStringLiteral("MainWindow"));
  PreferencesDialog::applyWorkerThreads();
  setAcceptDrops(true);
  m_dataset = new DatasetPanel(this);
  m_datasetDock = new QDockWidget(tr("Dataset"), this);
  m_datasetDock->setObjectName(QStringLiteral("DatasetDock"));
  m_datasetDock->setWidget(m_dataset);
  m_datasetDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                             QDockWidget::DockWidgetClosable);
  addDockWidget(Qt::LeftDockWidgetArea, m_datasetDock);

  m_views = new QTabWidget(this);
  m_views->setDocumentMode(true);
  m_sensitivity = new SensitivityView(m_session, m_views);
  m_allocation = new AllocationView(m_session, m_views);
  m_views->addTab(m_sensitivity, tr("Sensitivity"));
  m_compare = new CompareView(m_session, m_views);
  m_memory = new MemoryView(m_session, m_views);
  m_quality = new QualityView(m_session, m_views);
  m_views->addTab(m_allocation, tr("Allocation"));
  m_views->addTab(m_compare, tr("Compare"));
  m_views->addTab(m_memory, tr("Memory"));
  m_views->addTab(m_quality, tr("Quality"));
  m_learn = new LearnView(m_session, m_views);
  m_views->addTab(m_learn, tr("Learn"));
  setCentralWidget(m_views);

  m_jobs = new JobPanel(this);
  m_jobs->track(m_loader);
  m_jobs->track(m_files->runner());
  m_jobs->track(m_sensitivity->runner());
  m_jobs->track(m_allocation->runner());
  m_jobs->track(m_compare->runner());
  m_jobs->track(m_quality->runner());
  m_jobs->track(m_learn->runner());
  for (JobRunner* r : {m_sensitivity->runner(), m_allocation->runner(), m_compare->runner(), m_quality->runner(), m_learn->runner()})
    connect(r, &JobRunner::busyChanged, this, [this](bool busy) {
      if (!busy) refreshBackendLabel();
    });
  m_jobs->track(m_dataset->scanRunner());
  m_dumpLabel = new QLabel(this);
  m_backendLabel = new QLabel(tr("Backend: probing…"), this);
  // Permanent widgets stay visible while transient messages show on the left.
  statusBar()->addPermanentWidget(m_dumpLabel);
  statusBar()->addPermanentWidget(m_jobs);
  statusBar()->addPermanentWidget(m_backendLabel);
  connect(m_jobs, &JobPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  connect(m_sensitivity, &SensitivityView::message, this, [this](const QString& t) { statusBar()->showMessage(t, 8000); });
  connect(m_allocation, &AllocationView::message, this, [this](const QString& t) { statusBar()->showMessage(t, 8000); });

  createActions();
  connect(m_session->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) { setWindowModified(!clean); });
  auto updateSaveActions = [this] {
    const bool can = m_files->canSave();
    m_saveAction->setEnabled(can);
    m_saveAsAction->setEnabled(can);
    m_exportMenu->setEnabled(m_session->table() != nullptr);
  };
  connect(m_session, &Session::allocationChanged, this, updateSaveActions);
  updateSaveActions();
  connect(m_session, &Session::tableChanged, this, [this] {
    // A new calibration is unsaved work: no undo reaches a clean state again until it is saved
    // (opening a session marks the stack clean once it is loaded).
    if (m_session->table()) {
      m_session->undoStack()->resetClean();
      setWindowModified(true);
    }
  });
  connect(m_autosave, &Autosave::failed, this, [this](const QString& msg) { statusBar()->showMessage(msg, 8000); });
  if (Autosave::hasRecovery()) QTimer::singleShot(0, this, &MainWindow::offerRecovery);
  connect(m_loader, &JobRunner::succeeded, this, &MainWindow::onLoadFinished);
  connect(m_loader, &JobRunner::failed, this, [this](const QString& msg) {
    m_dumpLabel->setText(tr("Could not open %1").arg(QFileInfo(m_loadingPath).fileName()));
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Could not open dump"), msg, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit dumpFailed(m_loadingPath, msg);
  });
  connect(m_loader, &JobRunner::busyChanged, this, [this](bool busy) {
    if (!busy && !m_pendingPath.isEmpty()) openDump(std::exchange(m_pendingPath, QString()));
  });
  updateTitle();
  if (!restoreGeometry(settings::windowGeometry())) resize(1280, 800);
  if (!restoreState(settings::windowState()))  // first run: a Dataset panel wide enough for its tree
    QTimer::singleShot(0, this, [this] { resizeDocks({m_datasetDock}, {330}, Qt::Horizontal); });
  m_views->setCurrentIndex(std::clamp(settings::currentView(), 0, m_views->count() - 1));
  rememberViewLayout();
  probeBackend();
}

MainWindow::~MainWindow() {
  m_jobs->cancelAll();
  for (JobRunner* r : {m_sensitivity->runner(), m_allocation->runner(), m_compare->runner(), m_quality->runner(),
                       m_learn->runner(), m_files->runner(), m_loader, m_prober})
    r->waitForFinished();
}

void MainWindow::refreshBackendLabel() {
  const QString status = lastJobBackendStatus();
  if (!status.isEmpty()) m_backendLabel->setText(backendLine(status));
}

void MainWindow::openPath(const QString& path) {
  if (path.endsWith(QLatin1String(".vqalloc.json"), Qt::CaseInsensitive))
    openSession(path);
  else
    openDump(path);
}

std::shared_ptr<const Dump> MainWindow::currentDump() const { return m_session->dump(); }

void MainWindow::openDump(const QString& path) {
  if (m_loader->isBusy()) {
    m_pendingPath = path;  // opened when the current load ends
    return;
  }
  m_loadingPath = path;
  m_dumpLabel->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
  m_loading = m_loader->start<std::shared_ptr<const Dump>>(
      tr("Opening %1").arg(QFileInfo(path).fileName()),
      [file = path.toStdString()](QPromise<std::shared_ptr<const Dump>>& promise, const Progress&) {
        try {
          promise.addResult(std::make_shared<const Dump>(Dump::open(file)));
        } catch (const Error& e) {
          throw e.file().empty() ? e.withFile(file) : e;
        }
      });
}

void MainWindow::onLoadFinished() {
  if (m_loading.resultCount() == 0) return;
  const auto dump = m_loading.result();
  const QString path = m_loadingPath;
  // Jobs on the previous dump are moot now.
  m_sensitivity->runner()->cancel();
  m_allocation->runner()->cancel();
  m_quality->runner()->cancel();
  m_session->setDump(dump, path);
  m_dataset->setDump(dump);
  const auto& info = dump->info();
  setWindowFilePath(path);
  updateTitle();
  setWindowModified(false);
  m_dumpLabel->setText(tr("%1: %n layer(s), K+V %2", nullptr, info.numLayers)
                           .arg(QFileInfo(path).fileName(),
                                QLocale().formattedDataSize(qint64(info.kvBytes), 1, QLocale::DataSizeSIFormat)));
  settings::addRecentFile(QFileInfo(path).absoluteFilePath());
  updateRecentMenu();
  emit dumpLoaded(path);
}

void MainWindow::updateTitle() {
  const QString file = m_session->filePath().isEmpty() ? m_session->dumpPath() : m_session->filePath();
  setWindowTitle(file.isEmpty() ? tr("VeloxQuant Studio[*]")
                                : tr("%1[*] — VeloxQuant Studio").arg(QFileInfo(file).fileName()));
}

void MainWindow::probeBackend() {
  connect(m_prober, &JobRunner::succeeded, this, [this] {
    if (m_probing.resultCount() > 0) m_backendLabel->setText(backendLine(m_probing.result()));
  });
  m_probing = m_prober->start<QString>(tr("Probing devices"), [](QPromise<QString>& promise, const Progress&) {
    promise.addResult(probeJobBackend());
  });
}

QString MainWindow::backendText() const { return m_backendLabel->text(); }

void MainWindow::showView(int index) {
  if (index < 0) {
    m_datasetDock->show();
    m_datasetDock->raise();
    m_dataset->setFocus();
    return;
  }
  if (index < m_views->count()) m_views->setCurrentIndex(index);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
  if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
  const auto urls = e->mimeData()->urls();
  for (const QUrl& u : urls) {
    if (u.isLocalFile()) {
      openPath(u.toLocalFile());  // a folder of .npy opens as one dump
      e->acceptProposedAction();
      return;
    }
  }
}

bool MainWindow::maybeSave() {
  if (!m_askToSave || !isWindowModified()) return true;
  const auto answer = QMessageBox::warning(
      this, tr("Unsaved changes"),
      tr("The calibration or allocation has unsaved changes.\nDo you want to save them before closing?"),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  if (answer == QMessageBox::Save) return saveSession(false);
  return true;
}

void MainWindow::offerRecovery() {
  if (!Autosave::hasRecovery() || findChild<QMessageBox*>(QStringLiteral("RecoveryBox"))) return;
  const QFileInfo file(Autosave::recoveryPath());
  auto* box = new QMessageBox(QMessageBox::Question, tr("Restore unsaved session?"),
                              tr("VeloxQuant Studio did not close normally. An allocation you edited and did not "
                                 "save was kept at %1.\nRestore it?")
                                  .arg(QLocale().toString(file.lastModified(), QLocale::ShortFormat)),
                              QMessageBox::NoButton, this);
  box->setObjectName(QStringLiteral("RecoveryBox"));
  box->setInformativeText(tr("Discard deletes it."));
  QPushButton* restore = box->addButton(tr("&Restore"), QMessageBox::AcceptRole);
  restore->setObjectName(QStringLiteral("RestoreButton"));
  box->addButton(tr("&Discard"), QMessageBox::DestructiveRole)->setObjectName(QStringLiteral("DiscardButton"));
  box->setDefaultButton(restore);
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::buttonClicked, this, [this, restore](QAbstractButton* b) {
    if (b == restore) {
      openSession(Autosave::recoveryPath());
    } else {
      Autosave::discardRecovery();
    }
  });
  box->open();
}

void MainWindow::closeEvent(QCloseEvent* e) {
  if (!maybeSave()) {
    e->ignore();
    return;
  }
  Autosave::discardRecovery();  // a normal close: saved, or the user chose to discard
  settings::setWindowGeometry(saveGeometry());
  settings::setWindowState(saveState());
  settings::setCurrentView(m_views->currentIndex());
  m_jobs->cancelAll();
  QMainWindow::closeEvent(e);
}

}  // namespace vq::ui
