// Remembers the sizes of a view's splitters across runs: restores every QSplitter under `root`
// (in creation order) from the view's settings and saves each one when the user moves it.
#pragma once

class QWidget;
class QString;

namespace vq::ui {

void rememberSplitters(QWidget* root, const QString& view);

}  // namespace vq::ui
