// Gives several groups the same menu entry in one undo step (an edit of a multi-row selection in
// the Allocation table): one SetGroupChoiceCommand child per group that changes.
#pragma once

#include <QUndoCommand>
#include <vector>

namespace vq::ui {

class Session;

class SetGroupsChoiceCommand : public QUndoCommand {
 public:
  SetGroupsChoiceCommand(Session* session, const std::vector<int>& groups, int entry, QUndoCommand* parent = nullptr);
  // Groups already at `entry` are left out; no child at all means there is nothing to do.
  bool isEmpty() const { return childCount() == 0; }
};

}  // namespace vq::ui
