#include "ui/commands/set_group_choice_command.h"

#include <QCoreApplication>

#include "ui/session/session.h"

namespace vq::ui {

SetGroupChoiceCommand::SetGroupChoiceCommand(Session* session, int group, int entry, quint64 gesture,
                                             QUndoCommand* parent)
    : QUndoCommand(parent),
      m_session(session),
      m_group(group),
      m_old(session->choice(group)),
      m_new(entry),
      m_oldAllocator(session->hasAllocation() ? session->allocation().allocator : std::string()),
      m_gesture(gesture) {
  updateText();
}

void SetGroupChoiceCommand::redo() { m_session->setChoice(m_group, m_new, "edited"); }

void SetGroupChoiceCommand::undo() { m_session->setChoice(m_group, m_old, m_oldAllocator); }

bool SetGroupChoiceCommand::mergeWith(const QUndoCommand* other) {
  const auto* o = static_cast<const SetGroupChoiceCommand*>(other);
  if (m_gesture == 0 || o->m_gesture != m_gesture || o->m_group != m_group) return false;
  m_new = o->m_new;
  setObsolete(m_new == m_old);
  updateText();
  return true;
}

quint64 SetGroupChoiceCommand::nextGesture() {
  static quint64 counter = 0;
  return ++counter;
}

void SetGroupChoiceCommand::updateText() {
  const auto table = m_session->table();
  if (!table) return;
  auto label = [&](int e) {
    return e >= 0 && size_t(e) < table->menu.size() ? QString::fromStdString(table->menu[size_t(e)].label)
                                                    : QStringLiteral("?");
  };
  setText(QCoreApplication::translate("vq::ui::SetGroupChoiceCommand", "%1: %2 → %3")
              .arg(QString::fromStdString(table->groups.at(size_t(m_group)).id), label(m_old), label(m_new)));
}

}  // namespace vq::ui
