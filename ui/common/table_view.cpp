#include "ui/common/table_view.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <algorithm>
#include <map>
#include <set>

namespace vq::ui {

namespace {
QString field(QString s, QChar sep) {
  if (s.contains(sep) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n'))) {
    s.replace(QLatin1String("\""), QLatin1String("\"\""));
    s = QLatin1Char('"') + s + QLatin1Char('"');
  }
  return s;
}
}  // namespace

TableView::TableView(QWidget* parent) : QTableView(parent) {
  setSortingEnabled(true);
  setAlternatingRowColors(true);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  setSelectionMode(QAbstractItemView::ExtendedSelection);
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  verticalHeader()->hide();
  horizontalHeader()->setHighlightSections(false);
  horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  horizontalHeader()->setStretchLastSection(true);
  // Sizing columns to contents looks at a bounded sample of rows (a 10 000-row table stays instant).
  horizontalHeader()->setResizeContentsPrecision(40);
  verticalHeader()->setResizeContentsPrecision(40);
}

QString TableView::toDelimited(const QAbstractItemModel* model, QChar sep) {
  QString out;
  const int cols = model->columnCount();
  for (int c = 0; c < cols; ++c) {
    if (c) out += sep;
    out += field(model->headerData(c, Qt::Horizontal).toString(), sep);
  }
  out += QLatin1Char('\n');
  for (int r = 0; r < model->rowCount(); ++r) {
    for (int c = 0; c < cols; ++c) {
      if (c) out += sep;
      out += field(model->index(r, c).data().toString(), sep);
    }
    out += QLatin1Char('\n');
  }
  return out;
}

void TableView::copySelection() const {
  const QModelIndexList sel = selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
  if (sel.isEmpty()) return copyAll();
  std::map<int, std::map<int, QString>> cells;
  std::set<int> columns;
  for (const QModelIndex& i : sel) {
    cells[i.row()][i.column()] = i.data().toString();
    columns.insert(i.column());
  }
  QString out;
  bool first = true;
  for (int c : columns) {
    if (!first) out += QLatin1Char('\t');
    out += model()->headerData(c, Qt::Horizontal).toString();
    first = false;
  }
  out += QLatin1Char('\n');
  for (const auto& [row, byColumn] : cells) {
    first = true;
    for (int c : columns) {
      if (!first) out += QLatin1Char('\t');
      auto it = byColumn.find(c);
      if (it != byColumn.end()) out += it->second;
      first = false;
    }
    out += QLatin1Char('\n');
  }
  QApplication::clipboard()->setText(out);
}

void TableView::copyAll() const { QApplication::clipboard()->setText(toDelimited(model(), QLatin1Char('\t'))); }

void TableView::keyPressEvent(QKeyEvent* e) {
  if (e->matches(QKeySequence::Copy)) {
    copySelection();
    e->accept();
    return;
  }
  QTableView::keyPressEvent(e);
}

void TableView::contextMenuEvent(QContextMenuEvent* e) {
  QMenu menu(this);
  QAction* copy = menu.addAction(tr("Copy"), this, &TableView::copySelection);
  copy->setShortcut(QKeySequence::Copy);
  menu.addAction(tr("Copy Whole Table"), this, &TableView::copyAll);
  menu.exec(e->globalPos());
}

}  // namespace vq::ui
