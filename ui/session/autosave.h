// Autosave of an edited, unsaved session, and its recovery after a crash.
//
// While the session's undo stack is not clean (an allocation was edited and not saved), every
// change of the stack (re)starts a short timer (debounce, delay()); when it fires the session is
// written atomically, in the ordinary session format (*.vqalloc.json: calibration, allocation,
// verify result), to recoveryPath() in QStandardPaths::AppDataLocation. A clean stack (saved,
// a session or dump opened, every edit undone) removes the file, and so does a normal close.
// A file still there at the next start is what a crash left: the main window offers to restore it
// (it is then reopened as an unsaved session) or to discard it.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace vq::ui {

class Session;

class Autosave : public QObject {
  Q_OBJECT
 public:
  static constexpr int kDefaultDelayMs = 2000;

  explicit Autosave(Session* session, QObject* parent = nullptr);

  // <AppDataLocation>/autosave.vqalloc.json
  static QString recoveryPath();
  static bool hasRecovery();
  static void discardRecovery();

  int delay() const { return m_timer.interval(); }
  void setDelay(int ms) { m_timer.setInterval(ms); }
  // Writes the session now when it has unsaved edits; false (and `error`) when writing failed.
  bool saveNow(QString* error = nullptr);

 signals:
  void saved(const QString& path);
  void failed(const QString& message);

 private:
  void onStackChanged();

  Session* m_session;
  QTimer m_timer;
};

}  // namespace vq::ui
