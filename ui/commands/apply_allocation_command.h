// Replaces the whole allocation in one undo step: a solver result (optimal / ratequant /
// uniform) or any bulk change. Undo restores the allocation that was there before (or none).
#pragma once

#include <QUndoCommand>
#include <optional>

#include "core/alloc/allocation.h"

namespace vq::ui {

class Session;

class ApplyAllocationCommand : public QUndoCommand {
 public:
  ApplyAllocationCommand(Session* session, alloc::Allocation allocation, const QString& text,
                         QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  Session* m_session;
  std::optional<alloc::Allocation> m_old;
  alloc::Allocation m_new;
};

}  // namespace vq::ui
