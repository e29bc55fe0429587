// The Dataset panel: model facts, memory and warnings of the opened dump above a tree of its
// layers, tensors and heads. Shows an empty state that says how to open a dump. After a dump is
// shown, a background scan counts its non-finite values (NaN/Inf) and adds a warning if any.
#pragma once

#include <QFuture>
#include <QStringList>
#include <QWidget>
#include <memory>

#include "core/io/dump.h"

class QLabel;
class QStackedWidget;
class QTreeView;

namespace vq::ui {

class DumpTreeModel;
class JobRunner;

class DatasetPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DatasetPanel(QWidget* parent = nullptr);
  void setDump(std::shared_ptr<const Dump> dump);
  DumpTreeModel* treeModel() const { return m_model; }
  QTreeView* treeView() const { return m_tree; }
  QString factsText() const;  // the facts block as plain text (tests, copy)
  QString warningsText() const;
  JobRunner* scanRunner() const { return m_scanner; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QStackedWidget* m_stack;
  QLabel* m_facts;
  QLabel* m_warnings;
  QTreeView* m_tree;
  DumpTreeModel* m_model;
  void fitWarnings();  // wrapped warnings keep the height their width needs
  void startScan();
  void showWarnings();
  JobRunner* m_scanner;
  QFuture<QString> m_scan;
  std::shared_ptr<const Dump> m_dump;     // shown
  std::shared_ptr<const Dump> m_scanning;  // being scanned
  QStringList m_infoWarnings;
  QString m_scanWarning;
};

}  // namespace vq::ui
