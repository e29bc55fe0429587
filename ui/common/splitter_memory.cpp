#include "ui/common/splitter_memory.h"

#include <QSplitter>
#include <QString>

#include "ui/settings/settings.h"

namespace vq::ui {

void rememberSplitters(QWidget* root, const QString& view) {
  const QList<QSplitter*> splitters = root->findChildren<QSplitter*>();
  for (int i = 0; i < splitters.size(); ++i) {
    QSplitter* s = splitters[i];
    const QString key = QStringLiteral("splitter%1").arg(i);
    const QByteArray state = settings::viewOption(view, key).toByteArray();
    if (!state.isEmpty()) s->restoreState(state);
    QObject::connect(s, &QSplitter::splitterMoved, s,
                     [s, view, key] { settings::setViewOption(view, key, s->saveState()); });
  }
}

}  // namespace vq::ui
