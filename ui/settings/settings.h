// Typed access to the persisted settings; every key lives here and nowhere else.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace vq::ui::settings {

constexpr int kMaxRecentFiles = 10;

QStringList recentFiles();
void setRecentFiles(const QStringList& files);
// Puts `path` first, removes duplicates, keeps at most kMaxRecentFiles; returns the new list.
QStringList addRecentFile(const QString& path);

QByteArray windowGeometry();
void setWindowGeometry(const QByteArray& g);
QByteArray windowState();
void setWindowState(const QByteArray& s);

QString lastOpenFolder();
void setLastOpenFolder(const QString& dir);
QString lastExportFolder();
void setLastExportFolder(const QString& dir);
QString lastSessionFolder();
void setLastSessionFolder(const QString& dir);

// Appearance: "system", "light" or "dark".
QString theme();
void setTheme(const QString& theme);

// The view shown last (index of the views' tab bar) and the splitter between the Dataset panel
// and the views.
int currentView();
void setCurrentView(int index);
QByteArray splitterState();
void setSplitterState(const QByteArray& s);

// Compute: backend "auto" (default), "cpu" or "vulkan"; Vulkan device index, -1 (default) =
// automatic choice; worker threads, 0 (default) = automatic (VQ_THREADS or the core count).
QString computeBackend();
void setComputeBackend(const QString&);
int computeDevice();
void setComputeDevice(int);
int workerThreads();
void setWorkerThreads(int threads);

// Interface language: "" (default) = follow the system locale, else "en", "de", "zh_CN";
// applies after a restart.
QString language();
void setLanguage(const QString&);

// Per-view options, stored as a small map under views/<view>/ (each view owns its keys).
QVariant viewOption(const QString& view, const QString& key, const QVariant& fallback = {});
void setViewOption(const QString& view, const QString& key, const QVariant& value);

}  // namespace vq::ui::settings
