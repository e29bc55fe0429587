// The main window: the Dataset panel (a dock), the analysis views in tabs (Sensitivity,
// Allocation, …), menus, the status bar (background jobs with Cancel, backend/device),
// drag-and-drop and recent files, the unsaved-changes prompt. Wiring only: the document is the
// Session, each view owns its controls and its JobRunner.
#pragma once

#include <QFuture>
#include <QMainWindow>
#include <memory>

#include "core/io/dump.h"

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QUndoView;

namespace vq::ui {

class AllocationView;
class AnalysisView;
class Autosave;
class CompareView;
class DatasetPanel;
class JobPanel;
class JobRunner;
class LearnView;
class JobsDock;
class PreferencesDialog;
class MemoryView;
class QualityView;
class SensitivityView;
class Session;
class SessionFiles;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  enum ViewIndex { Sensitivity, Allocation, Compare, Memory, Quality, Learn, ViewCount };

  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a dump on a worker thread; the current dump stays until the new one loaded.
  void openDump(const QString& path);
  // A session (*.vqalloc.json) or a dump, by name.
  void openPath(const QString& path);
  std::shared_ptr<const Dump> currentDump() const;
  Session* session() const { return m_session; }
  DatasetPanel* datasetPanel() const { return m_dataset; }
  SensitivityView* sensitivityView() const { return m_sensitivity; }
  AllocationView* allocationView() const { return m_allocation; }
  CompareView* compareView() const { return m_compare; }
  MemoryView* memoryView() const { return m_memory; }
  QualityView* qualityView() const { return m_quality; }
  LearnView* learnView() const { return m_learn; }
  QTabWidget* views() const { return m_views; }
  JobPanel* jobPanel() const { return m_jobs; }
  JobsDock* jobsDock() const { return m_jobsDock; }
  // Edit ▸ Preferences: opens the dialog (window-modal, deletes itself) and returns it.
  PreferencesDialog* showPreferences();
  QString backendText() const;
  // Shows view `index` (ViewIndex) in the tab widget; -1 shows the Dataset panel.
  void showView(int index);
  // Skip the unsaved-changes question on close (tests, --screenshot).
  void setAskToSave(bool ask) { m_askToSave = ask; }
  SessionFiles* sessionFiles() const { return m_files; }
  Autosave* autosave() const { return m_autosave; }
  // Asks whether to restore the session a crash left unsaved (Autosave::hasRecovery()); shown by
  // the constructor when there is one. Restore reopens it as an unsaved session; Discard deletes it.
  void offerRecovery();

  // Sessions (*.vqalloc.json): opening loads the dump it was made from and the allocation.
  void openSession(const QString& path);
  bool saveSessionTo(const QString& path);
  void copyChart();

 signals:
  void dumpLoaded(const QString& path);
  void dumpFailed(const QString& path, const QString& message);
  void sessionOpened(const QString& path);
  void sessionFailed(const QString& path, const QString& message);

 protected:
  void dragEnterEvent(QDragEnterEvent* e) override;
  void dropEvent(QDropEvent* e) override;
  void closeEvent(QCloseEvent* e) override;

 private:
  // file_actions.cpp
  void createFileActions(QMenu* file);
  bool saveSession(bool askPath);
  AnalysisView* currentView() const;
  QString defaultExportPath(const QString& what, const QString& suffix) const;
  // main_menus.cpp
  void createActions();
  void createViewMenu(QMenu* view);
  void updateRecentMenu();
  void showOpenDialog(bool folder);
  // workbench_actions.cpp
  void addPreferencesAction(QMenu* edit);
  void addJobsDock(QMenu* view);
  void rememberViewLayout();
  // main_window.cpp
  void onLoadFinished();
  void probeBackend();
  void refreshBackendLabel();  // after a job: the backend it ran on (a GPU lost mid-run shows here)
  void updateTitle();
  bool maybeSave();

  Session* m_session;
  SessionFiles* m_files;
  Autosave* m_autosave;
  JobRunner* m_loader;
  JobRunner* m_prober;
  QFuture<std::shared_ptr<const Dump>> m_loading;
  QFuture<QString> m_probing;
  QString m_loadingPath;
  QString m_pendingPath;
  DatasetPanel* m_dataset;
  QDockWidget* m_datasetDock;
  QDockWidget* m_historyDock = nullptr;
  QTabWidget* m_views;
  SensitivityView* m_sensitivity;
  AllocationView* m_allocation;
  CompareView* m_compare;
  MemoryView* m_memory;
  QualityView* m_quality;
  LearnView* m_learn;
  JobPanel* m_jobs;
  JobsDock* m_jobsDock = nullptr;
  QMenu* m_recentMenu = nullptr;
  QAction* m_cancelAction = nullptr;
  QAction* m_saveAction = nullptr;
  QAction* m_saveAsAction = nullptr;
  QMenu* m_exportMenu = nullptr;
  QLabel* m_backendLabel;
  QLabel* m_dumpLabel;
  bool m_askToSave = true;
};

}  // namespace vq::ui
