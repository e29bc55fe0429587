#include "ui/views/menu_entry_delegate.h"

#include "ui/models/allocation_model.h"

namespace vq::ui {

MenuEntrySpinBox::MenuEntrySpinBox(QStringList labels, QWidget* parent) : QSpinBox(parent), m_labels(std::move(labels)) {
  setRange(0, std::max(0, int(m_labels.size()) - 1));
  setWrapping(false);
  setAccelerated(false);
}

QString MenuEntrySpinBox::textFromValue(int value) const {
  return value >= 0 && value < m_labels.size() ? m_labels[value] : QString::number(value);
}

int MenuEntrySpinBox::valueFromText(const QString& text) const {
  const int i = int(m_labels.indexOf(text.trimmed()));
  return i >= 0 ? i : value();
}

QValidator::State MenuEntrySpinBox::validate(QString& input, int&) const {
  if (m_labels.contains(input.trimmed())) return QValidator::Acceptable;
  for (const QString& l : m_labels)
    if (l.startsWith(input.trimmed())) return QValidator::Intermediate;
  return QValidator::Invalid;
}

MenuEntryDelegate::MenuEntryDelegate(std::function<QStringList()> labels, QObject* parent)
    : QStyledItemDelegate(parent), m_labels(std::move(labels)) {}

QWidget* MenuEntryDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const {
  auto* box = new MenuEntrySpinBox(m_labels(), parent);
  box->setFrame(false);
  return box;
}

void MenuEntryDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
  static_cast<MenuEntrySpinBox*>(editor)->setValue(index.data(AllocationModel::EntryRole).toInt());
}

void MenuEntryDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const {
  auto* box = static_cast<MenuEntrySpinBox*>(editor);
  box->interpretText();
  if (m_apply && m_apply(index, box->value())) return;
  model->setData(index, box->value(), Qt::EditRole);
}

}  // namespace vq::ui
