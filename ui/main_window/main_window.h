// The main window: menus, the Dataset panel, the status bar (backend/device, load progress),
// drag-and-drop and recent files. Wiring only; each area lives in its own class.
#pragma once

#include <QFutureWatcher>
#include <QMainWindow>
#include <QThreadPool>
#include <memory>
#include <optional>

#include "core/common/error.h"
#include "core/io/dump.h"

class QLabel;
class QMenu;

namespace vq::ui {

class DatasetPanel;

struct LoadResult {
  QString path;
  std::shared_ptr<const Dump> dump;
  std::optional<vq::Error> error;
};

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a dump on a worker thread; the current dump stays until the new one loaded.
  void openDump(const QString& path);
  std::shared_ptr<const Dump> currentDump() const { return m_dump; }
  DatasetPanel* datasetPanel() const { return m_dataset; }
  QString backendText() const;

 signals:
  void dumpLoaded(const QString& path);
  void dumpFailed(const QString& path, const QString& message);

 protected:
  void dragEnterEvent(QDragEnterEvent* e) override;
  void dropEvent(QDropEvent* e) override;
  void closeEvent(QCloseEvent* e) override;

 private:
  void createActions();
  void updateRecentMenu();
  void onLoadFinished();
  void showOpenDialog(bool folder);
  void probeBackend();

  QThreadPool m_pool;
  QFutureWatcher<LoadResult> m_loadWatcher;
  QFutureWatcher<QString> m_backendWatcher;
  std::shared_ptr<const Dump> m_dump;
  DatasetPanel* m_dataset;
  QMenu* m_recentMenu = nullptr;
  QLabel* m_backendLabel;
  QLabel* m_dumpLabel;
};

}  // namespace vq::ui
