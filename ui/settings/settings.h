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

// Interface language: "" follows the system locale, else "en", "de" or "zh_CN"; applies after a
// restart (ui/i18n/translations.h installs it at start-up).
QString language();
void setLanguage(const QString& language);

// The view shown last (index of the views' tab bar) and the splitter between the Dataset panel
// and the views.
int currentView();
void setCurrentView(int index);
QByteArray splitterState();
void setSplitterState(const QByteArray& s);

// Compute backend of background jobs (as the CLI's --backend/--device): "auto" (default: a
// discrete or integrated GPU through Vulkan when one works, else the CPU), "cpu" or "vulkan"; and
// the Vulkan device index, -1 (default) = automatic choice.
QString computeBackend();
void setComputeBackend(const QString& backend);
int computeDevice();
void setComputeDevice(int index);
// Worker threads of the shared pool, 0 (default) = automatic (VQ_THREADS or the core count).
int workerThreads();
void setWorkerThreads(int threads);

// Per-view options, stored as a small map under views/<view>/ (each view owns its keys).
QVariant viewOption(const QString& view, const QString& key, const QVariant& fallback = {});
void setViewOption(const QString& view, const QString& key, const QVariant& value);

}  // namespace vq::ui::settings
