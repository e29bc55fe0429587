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

 private:
  std::function<QStringList()> m_labels;
};

}  // namespace vq::ui
