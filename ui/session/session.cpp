#include "ui/session/session.h"

#include <QUndoStack>

namespace vq::ui {

Session::Session(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this)) {}

Session::~Session() = default;

void Session::setDump(std::shared_ptr<const Dump> dump, const QString& path) {
  m_dump = std::move(dump);
  m_dumpPath = path;
  m_filePath.clear();
  m_table.reset();
  m_allocation.reset();
  m_verified.reset();
  m_undo->clear();
  emit dumpChanged();
  emit tableChanged();
  emit allocationChanged();
  emit allocationSummaryChanged();
  emit verifiedChanged();
}

void Session::setTable(std::shared_ptr<const calib::CalibrationTable> table) {
  m_table = std::move(table);
  m_allocation.reset();
  m_verified.reset();
  m_undo->clear();
  emit tableChanged();
  emit allocationChanged();
  emit allocationSummaryChanged();
  emit verifiedChanged();
}

void Session::setAllocation(const alloc::Allocation& allocation) {
  if (!m_table) return;
  alloc::Allocation a = allocation;
  alloc::evaluateAllocation(a, *m_table);
  m_allocation = std::move(a);
  dropVerified();
  emit allocationChanged();
  emit allocationSummaryChanged();
}

void Session::clearAllocation() {
  if (!m_allocation) return;
  m_allocation.reset();
  dropVerified();
  emit allocationChanged();
  emit allocationSummaryChanged();
}

void Session::setChoice(int group, int entry, const std::string& allocator) {
  if (!m_table || !m_allocation) return;
  if (group < 0 || size_t(group) >= m_allocation->choice.size()) return;
  if (entry < 0 || size_t(entry) >= m_table->entryCount()) return;
  m_allocation->choice[size_t(group)] = entry;
  m_allocation->allocator = allocator;
  alloc::evaluateAllocation(*m_allocation, *m_table);
  dropVerified();
  emit choiceChanged(group);
  emit allocationSummaryChanged();
}

double Session::groupRate(int group) const {
  if (!m_table || !m_allocation) return 0;
  return m_table->rate(size_t(group), size_t(choice(group)), m_allocation->request.unit);
}

double Session::groupBytes(int group) const {
  if (!m_table || !m_allocation) return 0;
  const auto g = size_t(group);
  return double(m_table->groups[g].values) * m_table->bpv[g][size_t(choice(group))] / 8.0;
}

double Session::allocationBytes() const {
  double sum = 0;
  if (!m_table || !m_allocation) return sum;
  for (int g = 0; g < int(m_table->groupCount()); ++g) sum += groupBytes(g);
  return sum;
}

void Session::setVerified(const alloc::VerifyResult& result) {
  m_verified = result;
  emit verifiedChanged();
}

void Session::dropVerified() {
  if (!m_verified) return;
  m_verified.reset();
  emit verifiedChanged();
}

}  // namespace vq::ui
