#include "ui/jobs/job_log_model.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>
#include <QTimer>

#include "ui/jobs/job_runner.h"
#include "ui/theme/theme.h"

namespace vq::ui {

JobLogModel::JobLogModel(QObject* parent) : QAbstractTableModel(parent) {
  auto* tick = new QTimer(this);  // the running rows' duration counts up
  tick->setInterval(500);
  connect(tick, &QTimer::timeout, this, &JobLogModel::tickRunning);
  tick->start();
}

void JobLogModel::track(JobRunner* runner) {
  connect(runner, &JobRunner::started, this, [this, runner] { onStarted(runner); });
  connect(runner, &JobRunner::succeeded, this, [this, runner] { onEnded(runner, State::Done, {}); });
  connect(runner, &JobRunner::cancelled, this, [this, runner] { onEnded(runner, State::Cancelled, {}); });
  connect(runner, &JobRunner::failed, this,
          [this, runner](const QString& message) { onEnded(runner, State::Failed, message); });
}

void JobLogModel::onStarted(JobRunner* runner) {
  if (int(m_rows.size()) >= kMaxRows) {
    beginRemoveRows({}, 0, 0);
    m_rows.erase(m_rows.begin());
    endRemoveRows();
  }
  const int row = int(m_rows.size());
  beginInsertRows({}, row, row);
  m_rows.push_back(Entry{runner->title(), QDateTime::currentDateTime(), 0, State::Running, {}, runner});
  endInsertRows();
}

int JobLogModel::rowOf(JobRunner* runner) const {
  for (int r = int(m_rows.size()) - 1; r >= 0; --r)
    if (m_rows[size_t(r)].state == State::Running && m_rows[size_t(r)].runner == runner) return r;
  return -1;
}

void JobLogModel::onEnded(JobRunner* runner, State state, const QString& message) {
  const int row = rowOf(runner);
  if (row < 0) return;
  Entry& e = m_rows[size_t(row)];
  e.state = state;
  e.message = message;
  e.elapsedMs = runner->elapsedMs();
  e.runner = nullptr;
  emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void JobLogModel::tickRunning() {
  for (int r = 0; r < int(m_rows.size()); ++r) {
    Entry& e = m_rows[size_t(r)];
    if (e.state != State::Running) continue;
    if (!e.runner) {  // its runner went away without an end signal
      e.state = State::Cancelled;
      emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
      continue;
    }
    e.elapsedMs = e.runner->elapsedMs();
    emit dataChanged(index(r, Duration), index(r, Duration));
  }
}

JobRunner* JobLogModel::runnerOf(int row) const {
  if (row < 0 || row >= int(m_rows.size())) return nullptr;
  const Entry& e = m_rows[size_t(row)];
  return e.state == State::Running ? e.runner.data() : nullptr;
}

bool JobLogModel::anyRunning() const {
  for (const Entry& e : m_rows)
    if (e.state == State::Running && e.runner) return true;
  return false;
}

void JobLogModel::clearFinished() {
  for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
    if (m_rows[size_t(r)].state == State::Running) continue;
    beginRemoveRows({}, r, r);
    m_rows.erase(m_rows.begin() + r);
    endRemoveRows();
  }
}

int JobLogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int JobLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant JobLogModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const Entry& e = m_rows[size_t(index.row())];
  const double seconds = double(e.elapsedMs) / 1000.0;
  auto outcome = [&e] {
    switch (e.state) {
      case State::Running: return tr("running");
      case State::Done: return tr("done");
      case State::Cancelled: return tr("cancelled");
      case State::Failed: return tr("error: %1").arg(e.message);
    }
    return QString();
  };
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Job: return e.title;
      case Started: return e.started.time().toString(QStringLiteral("HH:mm:ss"));
      case Duration: return tr("%1 s").arg(QLocale().toString(seconds, 'f', seconds < 10 ? 2 : 1));
      case Outcome: return outcome();
      default: return {};
    }
  }
  if (role == Qt::EditRole) {  // sorting/copying: raw values
    switch (index.column()) {
      case Job: return e.title;
      case Started: return e.started;
      case Duration: return seconds;
      case Outcome: return outcome();
      default: return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    if (e.state == State::Failed) return e.message;
    return QLocale().toString(e.started, QLocale::LongFormat);
  }
  if (role == Qt::ForegroundRole && index.column() == Outcome) {
    if (e.state == State::Failed) return QBrush(ThemeManager::instance().isDark() ? QColor(0xFF, 0x80, 0x80) : QColor(0xB0, 0x00, 0x20));
    if (e.state == State::Cancelled) return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
  }
  if (role == Qt::TextAlignmentRole && index.column() == Duration) return int(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

QVariant JobLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case Job: return tr("Job");
    case Started: return tr("Started");
    case Duration: return tr("Duration");
    case Outcome: return tr("Outcome");
    default: return {};
  }
}

}  // namespace vq::ui
