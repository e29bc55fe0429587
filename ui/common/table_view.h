// A QTableView for measurement tables: sortable, copyable (Ctrl+C copies the selected cells as
// tab-separated text with their headers, a context menu offers Copy and Copy All), compact rows.
// toDelimited() writes a whole model as CSV/TSV (the Export → CSV of a view).
#pragma once

#include <QTableView>

namespace vq::ui {

class TableView : public QTableView {
  Q_OBJECT
 public:
  explicit TableView(QWidget* parent = nullptr);
  void copySelection() const;
  void copyAll() const;

  // Every row and column of `model` (display text) with a header line. CSV quotes fields that
  // hold the separator, quotes or line breaks.
  static QString toDelimited(const QAbstractItemModel* model, QChar separator);

 protected:
  void keyPressEvent(QKeyEvent* e) override;
  void contextMenuEvent(QContextMenuEvent* e) override;
};

}  // namespace vq::ui
