#include "ui/commands/apply_allocation_command.h"

#include "ui/session/session.h"

namespace vq::ui {

ApplyAllocationCommand::ApplyAllocationCommand(Session* session, alloc::Allocation allocation, const QString& text,
                                               QUndoCommand* parent)
    : QUndoCommand(text, parent), m_session(session), m_new(std::move(allocation)) {
  if (session->hasAllocation()) m_old = session->allocation();
}

void ApplyAllocationCommand::redo() { m_session->setAllocation(m_new); }

void ApplyAllocationCommand::undo() {
  if (m_old)
    m_session->setAllocation(*m_old);
  else
    m_session->clearAllocation();
}

}  // namespace vq::ui
