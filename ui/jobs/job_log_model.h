// The log of background jobs shown in the Jobs dock: one row per run (what, when it started, how
// long it took, how it ended). Rows are added when a JobRunner starts and completed when it ends;
// the oldest rows go once kMaxRows is reached.
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <vector>

namespace vq::ui {

class JobRunner;

class JobLogModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Job, Started, Duration, Outcome, ColumnCount };
  enum class State { Running, Done, Cancelled, Failed };
  static constexpr int kMaxRows = 500;

  explicit JobLogModel(QObject* parent = nullptr);
  void track(JobRunner* runner);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  State state(int row) const { return m_rows[size_t(row)].state; }
  // The runner of a running row (null once it ended).
  JobRunner* runnerOf(int row) const;
  bool anyRunning() const;
  void clearFinished();

 private:
  struct Entry {
    QString title;
    QDateTime started;
    qint64 elapsedMs = 0;
    State state = State::Running;
    QString message;
    QPointer<JobRunner> runner;  // while running
  };
  void onStarted(JobRunner* runner);
  void onEnded(JobRunner* runner, State state, const QString& message);
  int rowOf(JobRunner* runner) const;
  void tickRunning();

  std::vector<Entry> m_rows;
};

}  // namespace vq::ui
