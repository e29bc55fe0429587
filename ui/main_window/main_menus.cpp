// MainWindow's menus and actions (File, Edit, View, Run, Help) with their shortcuts.
#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>
#include <QUndoStack>
#include <QUndoView>

#include "ui/dataset/dataset_panel.h"
#include "ui/help/help_dialogs.h"
#include "ui/jobs/job_panel.h"
#include "ui/jobs/jobs_dock.h"
#include "ui/main_window/main_window.h"
#include "ui/session/session.h"
#include "ui/settings/settings.h"
#include "ui/theme/theme.h"
#include "ui/views/allocation_view.h"
#include "ui/views/sensitivity_view.h"

namespace vq::ui {

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
  createFileActions(file);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
  quit->setMenuRole(QAction::QuitRole);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
  redo->setShortcuts(QKeySequence::keyBindings(QKeySequence::Redo) << QKeySequence(Qt::CTRL | Qt::Key_Y));
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  QAction* copyChart = edit->addAction(tr("Copy &Chart"), this, &MainWindow::copyChart);
  copyChart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
  copyChart->setStatusTip(tr("Copy the current view's chart to the clipboard as an image"));
  edit->addSeparator();
  addPreferencesAction(edit);

  createViewMenu(menuBar()->addMenu(tr("&View")));

  QMenu* run = menuBar()->addMenu(tr("&Run"));
  run->addAction(m_sensitivity->runAction());
  addAction(m_sensitivity->runAction());
  m_cancelAction = run->addAction(tr("&Cancel Job"), m_jobs, &JobPanel::cancelAll);
  m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
  m_cancelAction->setShortcutContext(Qt::WindowShortcut);
  m_cancelAction->setStatusTip(tr("Stop the running job"));
  m_cancelAction->setEnabled(false);
  connect(m_jobs, &JobPanel::busyChanged, m_cancelAction, &QAction::setEnabled);
  run->addSeparator();
  run->addAction(tr("Allocate &Optimal"), this, [this] {
    showView(Allocation);
    m_allocation->solve(alloc::AllocatorKind::Optimal);
  });
  run->addAction(tr("&Verify Allocation"), this, [this] {
    showView(Allocation);
    m_allocation->verify();
  });

  populateHelpMenu(menuBar()->addMenu(tr("&Help")), this);
}

void MainWindow::createViewMenu(QMenu* view) {
  QAction* dataset = view->addAction(tr("&Dataset"), this, [this] { showView(-1); });
  dataset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
  dataset->setStatusTip(tr("Show the Dataset panel"));
  for (int i = 0; i < m_views->count(); ++i) {
    QAction* a = view->addAction(m_views->tabText(i), this, [this, i] { showView(i); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_2 + i)));
  }
  view->addSeparator();
  view->addAction(m_datasetDock->toggleViewAction());
  m_historyDock = new QDockWidget(tr("Undo History"), this);
  m_historyDock->setObjectName(QStringLiteral("UndoHistoryDock"));
  auto* history = new QUndoView(m_session->undoStack(), m_historyDock);
  history->setEmptyLabel(tr("<start>"));
  m_historyDock->setWidget(history);
  addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
  m_historyDock->hide();
  view->addAction(m_historyDock->toggleViewAction());
  addJobsDock(view);

  QMenu* theme = view->addMenu(tr("&Theme"));
  auto* group = new QActionGroup(this);
  const QString current = settings::theme();
  const std::pair<QString, QString> themes[] = {
      {QStringLiteral("system"), tr("Follow &System")}, {QStringLiteral("light"), tr("&Light")}, {QStringLiteral("dark"), tr("&Dark")}};
  for (const auto& [key, text] : themes) {
    QAction* a = theme->addAction(text);
    a->setCheckable(true);
    a->setChecked(key == current);
    group->addAction(a);
    // The Preferences dialog changes the theme too: the menu follows.
    connect(&ThemeManager::instance(), &ThemeManager::themeChanged, a, [a, key = key] { a->setChecked(key == settings::theme()); });
    connect(a, &QAction::triggered, this, [key = key] {
      settings::setTheme(key);
      ThemeManager::instance().setTheme(key == QLatin1String("dark")    ? Theme::Dark
                                        : key == QLatin1String("light") ? Theme::Light
                                                                        : Theme::System);
    });
  }
  view->addSeparator();
  view->addAction(tr("&Reset Layout"), this, [this] {
    removeDockWidget(m_datasetDock);
    addDockWidget(Qt::LeftDockWidgetArea, m_datasetDock);
    m_datasetDock->setFloating(false);
    m_datasetDock->show();
    m_historyDock->setFloating(false);
    m_historyDock->hide();
    removeDockWidget(m_jobsDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    m_jobsDock->setFloating(false);
    m_jobsDock->hide();
    resize(1280, 800);
  });
}

void MainWindow::updateRecentMenu() {
  m_recentMenu->clear();
  const QStringList files = settings::recentFiles();
  for (const QString& f : files) {
    QAction* a = m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] { openPath(f); });
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

}  // namespace vq::ui
