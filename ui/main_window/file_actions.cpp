// MainWindow's session and export actions: Open/Save/Save As of *.vqalloc.json sessions, the
// Export submenu (runtime formats, CSV of the current view's table, chart PNG/SVG) and Copy Chart.
#include <QAction>
#include <QApplication>
#include <QDate>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>

#include "ui/charts/chart_view.h"
#include "ui/common/table_view.h"
#include "ui/dataset/dataset_panel.h"
#include "ui/jobs/job_runner.h"
#include "ui/main_window/main_window.h"
#include "ui/session/session.h"
#include "ui/session/autosave.h"
#include "ui/session/session_files.h"
#include "ui/settings/settings.h"
#include "ui/views/analysis_view.h"
#include "ui/views/sensitivity_view.h"

namespace vq::ui {

namespace {
QString sessionFilter() { return MainWindow::tr("VeloxQuant allocations (*.vqalloc.json);;All files (*)"); }
}  // namespace

AnalysisView* MainWindow::currentView() const { return qobject_cast<AnalysisView*>(m_views->currentWidget()); }

QString MainWindow::defaultExportPath(const QString& what, const QString& suffix) const {
  const QString stem = m_session->dumpPath().isEmpty() ? QStringLiteral("veloxquant")
                                                        : QFileInfo(m_session->dumpPath()).completeBaseName();
  return QDir(settings::lastExportFolder())
      .filePath(QStringLiteral("%1-%2-%3.%4").arg(stem, what, QDate::currentDate().toString(Qt::ISODate), suffix));
}

void MainWindow::createFileActions(QMenu* file) {
  QAction* openSessionAction = file->addAction(tr("Open Sess&ion…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Session"), settings::lastSessionFolder(), sessionFilter());
    if (path.isEmpty()) return;
    settings::setLastSessionFolder(QFileInfo(path).absolutePath());
    openSession(path);
  });
  openSessionAction->setStatusTip(tr("Open a saved calibration and allocation (*.vqalloc.json) with its dump"));
  m_saveAction = file->addAction(tr("&Save Session"), this, [this] { saveSession(false); });
  m_saveAction->setShortcut(QKeySequence::Save);
  m_saveAction->setStatusTip(tr("Save the calibration and allocation as a *.vqalloc.json file"));
  m_saveAsAction = file->addAction(tr("Save Session &As…"), this, [this] { saveSession(true); });
  m_saveAsAction->setShortcut(QKeySequence::SaveAs);

  m_exportMenu = file->addMenu(tr("&Export"));
  for (const io::ExportFormat f : io::allExportFormats()) {
    m_exportMenu->addAction(SessionFiles::formatTitle(f) + QStringLiteral("…"), this, [this, f] {
      const QString suffix = SessionFiles::formatSuffix(f);
      const QString path = QFileDialog::getSaveFileName(
          this, tr("Export %1").arg(SessionFiles::formatTitle(f)),
          defaultExportPath(QString::fromUtf8(io::exportFormatName(f).data()), suffix),
          tr("%1 files (*.%1);;All files (*)").arg(suffix));
      if (path.isEmpty()) return;
      settings::setLastExportFolder(QFileInfo(path).absolutePath());
      QStringList approximations;
      QString error;
      if (!m_files->exportAllocation(f, path, &approximations, &error)) {
        QMessageBox::warning(this, tr("Export failed"), tr("Could not export to %1:\n%2").arg(path, error));
        return;
      }
      statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 8000);
      if (!approximations.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Information, tr("Exported with approximations"),
                                    tr("%1 cannot express the allocation exactly:").arg(SessionFiles::formatTitle(f)),
                                    QMessageBox::Ok, this);
        box->setInformativeText(QStringLiteral("• ") + approximations.join(QStringLiteral("\n• ")));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
      }
    });
  }
  m_exportMenu->addSeparator();
  QAction* csv = m_exportMenu->addAction(tr("Table as &CSV…"), this, [this] {
    AnalysisView* view = currentView();
    if (!view) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Table"), defaultExportPath(view->exportName(), QStringLiteral("csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    settings::setLastExportFolder(QFileInfo(path).absolutePath());
    QString error;
    if (!SessionFiles::exportCsv(view->tableView()->model(), path, &error))
      QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1:\n%2").arg(path, error));
  });
  csv->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  csv->setStatusTip(tr("Save the current view's table as CSV"));
  auto chartExport = [this](const QString& suffix) {
    AnalysisView* view = currentView();
    if (!view) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), defaultExportPath(view->exportName(), suffix),
                                                      tr("%1 images (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty()) return;
    settings::setLastExportFolder(QFileInfo(path).absolutePath());
    QString error;
    const bool ok = suffix == QLatin1String("svg") ? view->chartView()->saveSvg(path, &error)
                                                   : view->chartView()->savePng(path, &error);
    if (!ok) QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1:\n%2").arg(path, error));
  };
  m_exportMenu->addAction(tr("Chart as &PNG…"), this, [chartExport] { chartExport(QStringLiteral("png")); });
  m_exportMenu->addAction(tr("Chart as &SVG…"), this, [chartExport] { chartExport(QStringLiteral("svg")); });

  connect(m_files, &SessionFiles::opened, this, [this](const QString& path, const QStringList& warnings) {
    m_dataset->setDump(m_session->dump());
    if (QFileInfo(path) == QFileInfo(Autosave::recoveryPath())) {
      // The autosaved session: unsaved work again (Save asks where; autosave keeps running).
      m_session->setFilePath({});
      m_session->undoStack()->resetClean();
      updateTitle();
      setWindowModified(true);
      showView(Allocation);
      statusBar()->showMessage(tr("Restored the unsaved session"), 8000);
      emit sessionOpened(path);
      return;
    }
    updateTitle();
    setWindowModified(false);
    settings::addRecentFile(QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
    showView(Allocation);
    statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), 8000);
    if (!warnings.isEmpty()) {
      auto* box = new QMessageBox(QMessageBox::Information, tr("Session opened"),
                                  tr("The session was made on a dump that differs in some respects:"), QMessageBox::Ok, this);
      box->setInformativeText(QStringLiteral("• ") + warnings.join(QStringLiteral("\n• ")));
      box->setAttribute(Qt::WA_DeleteOnClose);
      box->open();
    }
    emit sessionOpened(path);
  });
  connect(m_files, &SessionFiles::failed, this, [this](const QString& path, const QString& msg) {
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Could not open session"), msg, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit sessionFailed(path, msg);
  });
}

void MainWindow::openSession(const QString& path) {
  if (!maybeSave()) return;
  m_sensitivity->runner()->cancel();
  m_files->open(path);
}

bool MainWindow::saveSession(bool askPath) {
  if (!m_files->canSave()) {
    QMessageBox::information(this, tr("Nothing to save"), tr("Calibrate the dump first: a session holds a calibration and its allocation."));
    return false;
  }
  QString path = m_session->filePath();
  if (askPath || path.isEmpty()) {
    const QString suggested = path.isEmpty() ? QDir(settings::lastSessionFolder())
                                                   .filePath(QFileInfo(m_session->dumpPath()).completeBaseName() +
                                                             QStringLiteral(".vqalloc.json"))
                                             : path;
    path = QFileDialog::getSaveFileName(this, tr("Save Session"), suggested, sessionFilter());
    if (path.isEmpty()) return false;
    if (!path.endsWith(QLatin1String(".json"))) path += QStringLiteral(".vqalloc.json");
    settings::setLastSessionFolder(QFileInfo(path).absolutePath());
  }
  return saveSessionTo(path);
}

bool MainWindow::saveSessionTo(const QString& path) {
  QString error;
  if (!m_files->save(path, &error)) {
    QMessageBox::warning(this, tr("Save failed"), tr("Could not save %1:\n%2").arg(path, error));
    return false;
  }
  setWindowModified(false);
  updateTitle();
  statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 8000);
  return true;
}

void MainWindow::copyChart() {
  if (AnalysisView* view = currentView()) view->chartView()->copyToClipboard();
}

}  // namespace vq::ui
