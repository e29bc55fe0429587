#include "ui/commands/set_groups_choice_command.h"

#include <QCoreApplication>

#include "ui/commands/set_group_choice_command.h"
#include "ui/session/session.h"

namespace vq::ui {

SetGroupsChoiceCommand::SetGroupsChoiceCommand(Session* session, const std::vector<int>& groups, int entry,
                                               QUndoCommand* parent)
    : QUndoCommand(parent) {
  int changed = 0;
  for (int g : groups) {
    if (session->choice(g) == entry) continue;
    new SetGroupChoiceCommand(session, g, entry, 0, this);  // a child: redo/undo run with the parent
    ++changed;
  }
  const auto table = session->table();
  const QString label = table && entry >= 0 && size_t(entry) < table->menu.size()
                            ? QString::fromStdString(table->menu[size_t(entry)].label)
                            : QStringLiteral("?");
  setText(QCoreApplication::translate("vq::ui::SetGroupsChoiceCommand", "%n group(s) → %1", nullptr, changed).arg(label));
}

}  // namespace vq::ui
