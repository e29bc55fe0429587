// MainWindow's Preferences action, Jobs dock and remembered view layout.
#include <QAction>
#include <QMenu>
#include <QTabWidget>

#include "ui/common/splitter_memory.h"
#include "ui/jobs/job_panel.h"
#include "ui/jobs/jobs_dock.h"
#include "ui/main_window/main_window.h"
#include "ui/preferences/preferences_dialog.h"
#include "ui/views/analysis_view.h"

namespace vq::ui {

void MainWindow::addPreferencesAction(QMenu* edit) {
  QAction* prefs = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
  // Ctrl+, is the usual binding where the platform has no standard one (Linux, Windows).
  prefs->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                          ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                          : QKeySequence::keyBindings(QKeySequence::Preferences));
  prefs->setMenuRole(QAction::PreferencesRole);
  prefs->setStatusTip(tr("Theme, language, compute backend, device and worker threads"));
}

PreferencesDialog* MainWindow::showPreferences() {
  auto* dialog = new PreferencesDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
  return dialog;
}

void MainWindow::addJobsDock(QMenu* view) {
  m_jobsDock = new JobsDock(this);
  for (JobRunner* r : m_jobs->runners()) m_jobsDock->track(r);
  addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
  m_jobsDock->hide();
  QAction* toggle = m_jobsDock->toggleViewAction();
  toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
  toggle->setStatusTip(tr("Show the log of background jobs"));
  view->addAction(toggle);
}

void MainWindow::rememberViewLayout() {
  for (int i = 0; i < m_views->count(); ++i)
    if (auto* v = qobject_cast<AnalysisView*>(m_views->widget(i))) rememberSplitters(v, v->exportName());
}

}  // namespace vq::ui
