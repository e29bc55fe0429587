#include "ui/session/autosave.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QStandardPaths>
#include <QUndoStack>

#include "core/common/error.h"
#include "core/io/allocation_file.h"
#include "ui/session/session.h"

namespace vq::ui {

Autosave::Autosave(Session* session, QObject* parent) : QObject(parent), m_session(session) {
  m_timer.setSingleShot(true);
  m_timer.setInterval(kDefaultDelayMs);
  connect(&m_timer, &QTimer::timeout, this, [this] { saveNow(); });
  QUndoStack* stack = m_session->undoStack();
  connect(stack, &QUndoStack::indexChanged, this, &Autosave::onStackChanged);
  connect(stack, &QUndoStack::cleanChanged, this, &Autosave::onStackChanged);
  // The stack clears itself (and turns clean) while the session is destroyed; that is no saved
  // state, and a window torn down without a close must keep the autosave like a crash does.
  connect(m_session, &QObject::destroyed, this, [this, stack] {
    m_timer.stop();
    disconnect(stack, nullptr, this, nullptr);
    m_session = nullptr;
  });
}

QString Autosave::recoveryPath() {
  return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
      .filePath(QStringLiteral("autosave.vqalloc.json"));
}

bool Autosave::hasRecovery() { return QFile::exists(recoveryPath()); }

void Autosave::discardRecovery() { QFile::remove(recoveryPath()); }

void Autosave::onStackChanged() {
  if (!m_session) return;
  if (m_session->undoStack()->isClean()) {
    m_timer.stop();
    discardRecovery();
    return;
  }
  m_timer.start();  // restarts: one write after a burst of edits
}

bool Autosave::saveNow(QString* error) {
  m_timer.stop();
  if (!m_session || m_session->undoStack()->isClean() || !m_session->table() || !m_session->hasAllocation()) return true;
  const QString path = recoveryPath();
  try {
    QDir().mkpath(QFileInfo(path).absolutePath());
    const auto& v = m_session->verified();
    const io::AllocationFile f = io::makeAllocationFile(*m_session->table(), m_session->allocation(), v ? &*v : nullptr);
    io::saveAllocationFile(f, path.toStdString());  // atomic: a crash mid-write keeps the last one
  } catch (const Error& e) {
    const QString message = tr("Could not autosave to %1: %2").arg(path, QString::fromStdString(e.detail()));
    if (error) *error = message;
    emit failed(message);
    return false;
  }
  emit saved(path);
  return true;
}

}  // namespace vq::ui
