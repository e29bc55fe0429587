#include "ui/settings/settings.h"

#include <QDir>
#include <QSettings>

namespace vq::ui::settings {

namespace {
constexpr auto kRecent = "recent/files";
constexpr auto kGeometry = "window/geometry";
constexpr auto kState = "window/state";
constexpr auto kLastFolder = "recent/lastOpenFolder";
}  // namespace

QStringList recentFiles() { return QSettings().value(kRecent).toStringList(); }

void setRecentFiles(const QStringList& files) { QSettings().setValue(kRecent, files.mid(0, kMaxRecentFiles)); }

QStringList addRecentFile(const QString& path) {
  QStringList files = recentFiles();
  const QString clean = QDir::cleanPath(path);
  files.removeAll(clean);
  files.prepend(clean);
  files = files.mid(0, kMaxRecentFiles);
  setRecentFiles(files);
  return files;
}

QByteArray windowGeometry() { return QSettings().value(kGeometry).toByteArray(); }
void setWindowGeometry(const QByteArray& g) { QSettings().setValue(kGeometry, g); }
QByteArray windowState() { return QSettings().value(kState).toByteArray(); }
void setWindowState(const QByteArray& s) { QSettings().setValue(kState, s); }

QString lastOpenFolder() { return QSettings().value(kLastFolder, QDir::homePath()).toString(); }
void setLastOpenFolder(const QString& dir) { QSettings().setValue(kLastFolder, dir); }

}  // namespace vq::ui::settings
