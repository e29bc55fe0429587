// The document every view shares: the open dump, its calibration table, the allocation being
// edited (with the undo stack its edits go through) and the last verify result. Plain state plus
// change signals; views read it and edit it only through undo commands (ui/commands/).
#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "core/alloc/allocation.h"
#include "core/alloc/verify.h"
#include "core/calib/calibration_table.h"
#include "core/io/dump.h"

class QUndoStack;

namespace vq::ui {

class Session : public QObject {
  Q_OBJECT
 public:
  explicit Session(QObject* parent = nullptr);
  ~Session() override;

  std::shared_ptr<const Dump> dump() const { return m_dump; }
  QString dumpPath() const { return m_dumpPath; }
  // A new dump drops the calibration, the allocation and the undo history.
  void setDump(std::shared_ptr<const Dump> dump, const QString& path);

  std::shared_ptr<const calib::CalibrationTable> table() const { return m_table; }
  // A new table drops the allocation and the undo history (their groups referred to the old one).
  void setTable(std::shared_ptr<const calib::CalibrationTable> table);

  bool hasAllocation() const { return m_allocation.has_value(); }
  const alloc::Allocation& allocation() const { return *m_allocation; }
  // Replaces the whole allocation (commands, solver results, loading); evaluates it on the table.
  void setAllocation(const alloc::Allocation& allocation);
  void clearAllocation();
  // Gives group g menu entry `entry` and names the allocation's origin; re-evaluates it.
  void setChoice(int group, int entry, const std::string& allocator);
  int choice(int group) const { return m_allocation ? m_allocation->choice.at(size_t(group)) : -1; }

  // The rate of group g at its chosen entry, in the allocation's unit; its stored bytes.
  double groupRate(int group) const;
  double groupBytes(int group) const;
  double allocationBytes() const;  // every group at its chosen entry

  const std::optional<alloc::VerifyResult>& verified() const { return m_verified; }
  // A verify result of the allocation as it is now; any later edit drops it.
  void setVerified(const alloc::VerifyResult& result);

  // Where the session was saved (*.vqalloc.json); empty until saved or opened.
  QString filePath() const { return m_filePath; }
  void setFilePath(const QString& path) { m_filePath = path; }

  QUndoStack* undoStack() const { return m_undo; }

 signals:
  void dumpChanged();
  void tableChanged();
  void allocationChanged();      // replaced as a whole (or removed)
  void choiceChanged(int group); // one group's entry changed (allocationSummaryChanged follows)
  void allocationSummaryChanged();
  void verifiedChanged();

 private:
  void dropVerified();
  std::shared_ptr<const Dump> m_dump;
  QString m_dumpPath;
  std::shared_ptr<const calib::CalibrationTable> m_table;
  std::optional<alloc::Allocation> m_allocation;
  std::optional<alloc::VerifyResult> m_verified;
  QString m_filePath;
  QUndoStack* m_undo;
};

}  // namespace vq::ui
