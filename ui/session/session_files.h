// Sessions on disk: Save writes the calibration + allocation (+ verify result) as a *.vqalloc.json
// allocation file (core/io/allocation_file.h, atomic); Open reads one on the worker, finds and
// opens the dump it was made from (the open dump when its content hash matches, else the
// recorded path, else a file of that name beside the session) and restores the calibration
// table, the allocation and the measurements. Exports: every runtime format of
// core/io/allocation_export.h, CSV of a table model, all written atomically.
#pragma once

#include <QFuture>
#include <QObject>
#include <QStringList>
#include <memory>
#include <optional>

#include "core/io/allocation_export.h"
#include "core/io/allocation_file.h"

class QAbstractItemModel;

namespace vq::ui {

class JobRunner;
class Session;

struct OpenedSession {
  QString path;      // the session file
  QString dumpPath;  // the dump it was applied to
  io::AllocationFile file;
  std::shared_ptr<const Dump> dump;  // freshly opened, or null when the session's open dump is reused
  std::shared_ptr<const calib::CalibrationTable> table;
  QStringList warnings;
};

class SessionFiles : public QObject {
  Q_OBJECT
 public:
  SessionFiles(Session* session, QObject* parent = nullptr);
  JobRunner* runner() const { return m_runner; }

  bool canSave() const;  // a calibration and an allocation exist
  // Writes the session; on success marks the undo stack clean and remembers the path.
  bool save(const QString& path, QString* error);
  // Opens a session file on the worker; opened() or failed() follows.
  void open(const QString& path);

  // The allocation in a runtime's format; `approximations` lists what the runtime cannot express.
  bool exportAllocation(io::ExportFormat format, const QString& path, QStringList* approximations, QString* error) const;
  // A table model as CSV (header + display text).
  static bool exportCsv(const QAbstractItemModel* model, const QString& path, QString* error);
  // Atomic text write (QSaveFile).
  static bool writeText(const QString& path, const QByteArray& bytes, QString* error);

  static QString formatTitle(io::ExportFormat f);   // "vLLM engine arguments"
  static QString formatSuffix(io::ExportFormat f);  // "json", "txt"

 signals:
  void opened(const QString& path, const QStringList& warnings);
  void failed(const QString& path, const QString& message);

 private:
  void onOpened();
  Session* m_session;
  JobRunner* m_runner;
  QFuture<OpenedSession> m_opening;
  QString m_openingPath;
};

}  // namespace vq::ui
