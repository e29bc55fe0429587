// Help ▸ Guide (a short in-app guide to the workflow: open → calibrate → allocate → verify →
// export, and the Learn view) and Help ▸ About (version, what the program does, licences).
#pragma once

#include <QDialog>

class QMenu;
class QTextBrowser;

namespace vq::ui {

class GuideDialog : public QDialog {
  Q_OBJECT
 public:
  explicit GuideDialog(QWidget* parent = nullptr);
  QTextBrowser* browser() const { return m_browser; }
  // The guide as HTML (translatable).
  static QString guideHtml();

 private:
  QTextBrowser* m_browser;
};

class AboutDialog : public QDialog {
  Q_OBJECT
 public:
  explicit AboutDialog(QWidget* parent = nullptr);
  static QString aboutHtml();
};

// Fills the Help menu: Guide (F1) and About; the dialogs are children of `parent`.
void populateHelpMenu(QMenu* help, QWidget* parent);

}  // namespace vq::ui
