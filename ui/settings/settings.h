// Typed access to the persisted settings; every key lives here and nowhere else.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

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

}  // namespace vq::ui::settings
