#include "ui/common/samples.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace vq::ui {

QString samplesFolder() {
  const QString app = QCoreApplication::applicationDirPath();
  const QStringList candidates = {
      app + QStringLiteral("/../share/veloxquant-studio/samples"),
      QStringLiteral(VQ_SOURCE_SAMPLES_DIR),
  };
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
