// Gives one group another menu entry (a spin box edit, a bar click or a bar drag). Consecutive
// commands of the same gesture on the same group merge (id() + mergeWith()), so a whole drag is
// one undo step; a gesture that ends where it started becomes obsolete and leaves no step.
#pragma once

#include <QUndoCommand>
#include <string>

namespace vq::ui {

class Session;

class SetGroupChoiceCommand : public QUndoCommand {
 public:
  static constexpr int kId = 0x5647;  // 'VG'

  // `gesture` identifies one user gesture (a drag); 0 never merges.
  SetGroupChoiceCommand(Session* session, int group, int entry, quint64 gesture = 0,
                        QUndoCommand* parent = nullptr);

  void redo() override;
  void undo() override;
  int id() const override { return kId; }
  bool mergeWith(const QUndoCommand* other) override;

  int group() const { return m_group; }
  int entry() const { return m_new; }

  // A fresh gesture id for mergeable edits (drags).
  static quint64 nextGesture();

 private:
  void updateText();
  Session* m_session;
  int m_group;
  int m_old;
  int m_new;
  std::string m_oldAllocator;
  quint64 m_gesture;
};

}  // namespace vq::ui
