#include "ui/common/samples.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace vq::ui {

QString samplesFolder() {
  const QString app = QCoreApplication::applicationDirPath();
  QStringList candidates = {app + QStringLiteral("/" VQ_INSTALLED_SAMPLES_FROM_BIN)};
  // Another prefix's data folder (XDG_DATA_DIRS, e.g. /usr/local/share and /usr/share).
  const QString installed =
      QStandardPaths::locate(QStandardPaths::GenericDataLocation, QStringLiteral("veloxquant-studio/samples"),
                             QStandardPaths::LocateDirectory);
  if (!installed.isEmpty()) candidates << installed;
  candidates << QStringLiteral(VQ_SOURCE_SAMPLES_DIR);
  for (const QString& c : candidates)
    if (QFileInfo(c).isDir()) return QDir::cleanPath(c);
  return {};
}

QString defaultSamplePath() {
  const QString dir = samplesFolder();
  if (dir.isEmpty()) return {};
  const QString p = dir + QStringLiteral("/s01_story_kite.npz");
  return QFileInfo::exists(p) ? p : QString();
}

}  // namespace vq::ui
