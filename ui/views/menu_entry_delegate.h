// Edits a group's menu entry in the Allocation table with a spin box that steps through the menu
// (its entries' labels shown as text: "turboquant_mse 3b", "q8_0"): up = the next entry.
#pragma once

#include <QSpinBox>
#include <QStyledItemDelegate>
#include <functional>

namespace vq::ui {

class MenuEntrySpinBox : public QSpinBox {
  Q_OBJECT
 public:
  MenuEntrySpinBox(QStringList labels, QWidget* parent = nullptr);

 protected:
  QString textFromValue(int value) const override;
  int valueFromText(const QString& text) const override;
  QValidator::State validate(QString& input, int& pos) const override;

 private:
  QStringList m_labels;
};

class MenuEntryDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  // `labels` returns the current menu's labels (the menu changes with each calibration).
  MenuEntryDelegate(std::function<QStringList()> labels, QObject* parent = nullptr);

  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  void setEditorData(QWidget* editor, const QModelIndex& index) const override;
  void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
  // Called with the edited index and the chosen entry before the model is written; returning true
  // means it applied the edit itself (e.g. to every selected row at once).
  void setApply(std::function<bool(const QModelIndex&, int entry)> apply) { m_apply = std::move(apply); }

 private:
  std::function<QStringList()> m_labels;
  std::function<bool(const QModelIndex&, int)> m_apply;
};

}  // namespace vq::ui
