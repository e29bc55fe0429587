#include "ui/settings/settings.h"

#include <QDir>
#include <QSettings>

namespace vq::ui::settings {

namespace {
constexpr auto kRecent = "recent/files";
constexpr auto kGeometry = "window/geometry";
constexpr auto kState = "window/state";
constexpr auto kLastFolder = "recent/lastOpenFolder";
constexpr auto kExportFolder = "export/lastFolder";
constexpr auto kSessionFolder = "recent/lastSessionFolder";
constexpr auto kTheme = "appearance/theme";
constexpr auto kLanguage = "ui/language";
constexpr auto kCurrentView = "window/currentView";
constexpr auto kSplitter = "window/splitter";
constexpr auto kViews = "views/";
constexpr auto kComputeBackend = "compute/backend";
constexpr auto kComputeDevice = "compute/device";
constexpr auto kWorkerThreads = "compute/threads";
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

QString lastExportFolder() { return QSettings().value(kExportFolder, lastOpenFolder()).toString(); }
void setLastExportFolder(const QString& dir) { QSettings().setValue(kExportFolder, dir); }
QString lastSessionFolder() { return QSettings().value(kSessionFolder, lastOpenFolder()).toString(); }
void setLastSessionFolder(const QString& dir) { QSettings().setValue(kSessionFolder, dir); }

QString theme() {
  const QString t = QSettings().value(kTheme, QStringLiteral("system")).toString();
  return t == QLatin1String("light") || t == QLatin1String("dark") ? t : QStringLiteral("system");
}
void setTheme(const QString& theme) { QSettings().setValue(kTheme, theme); }

// A value other than the GUI's languages (edited by hand, or from a newer version) reads as "" (system).
QString language() {
  const QString l = QSettings().value(kLanguage, QString()).toString();
  return l == QLatin1String("en") || l == QLatin1String("de") || l == QLatin1String("zh_CN") ? l : QString();
}
void setLanguage(const QString& language) { QSettings().setValue(kLanguage, language); }

int currentView() { return QSettings().value(kCurrentView, 0).toInt(); }
void setCurrentView(int index) { QSettings().setValue(kCurrentView, index); }
QByteArray splitterState() { return QSettings().value(kSplitter).toByteArray(); }
void setSplitterState(const QByteArray& s) { QSettings().setValue(kSplitter, s); }

QString computeBackend() {
  const QString b = QSettings().value(kComputeBackend, QStringLiteral("auto")).toString();
  return b == QLatin1String("cpu") || b == QLatin1String("vulkan") ? b : QStringLiteral("auto");
}
void setComputeBackend(const QString& backend) { QSettings().setValue(kComputeBackend, backend); }
int computeDevice() {
  bool ok = false;
  const int d = QSettings().value(kComputeDevice, -1).toInt(&ok);
  return ok && d >= 0 ? d : -1;
}
void setComputeDevice(int index) { QSettings().setValue(kComputeDevice, index < 0 ? -1 : index); }
int workerThreads() {
  bool ok = false;
  const int t = QSettings().value(kWorkerThreads, 0).toInt(&ok);
  return ok && t > 0 ? t : 0;
}
void setWorkerThreads(int threads) { QSettings().setValue(kWorkerThreads, threads > 0 ? threads : 0); }

QVariant viewOption(const QString& view, const QString& key, const QVariant& fallback) {
  return QSettings().value(QLatin1String(kViews) + view + QLatin1Char('/') + key, fallback);
}
void setViewOption(const QString& view, const QString& key, const QVariant& value) {
  QSettings().setValue(QLatin1String(kViews) + view + QLatin1Char('/') + key, value);
}

}  // namespace vq::ui::settings
