// The Dataset panel: model facts, memory and warnings of the opened dump above a tree of its
// layers, tensors and heads. Shows an empty state that says how to open a dump.
#pragma once

#include <QWidget>
#include <memory>

#include "core/io/dump.h"

class QLabel;
class QStackedWidget;
class QTreeView;

namespace vq::ui {

class DumpTreeModel;

class DatasetPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DatasetPanel(QWidget* parent = nullptr);
  void setDump(std::shared_ptr<const Dump> dump);
  DumpTreeModel* treeModel() const { return m_model; }
  QTreeView* treeView() const { return m_tree; }
  QString factsText() const;  // the facts block as plain text (tests, copy)

 private:
  QStackedWidget* m_stack;
  QLabel* m_facts;
  QLabel* m_warnings;
  QTreeView* m_tree;
  DumpTreeModel* m_model;
};

}  // namespace vq::ui
