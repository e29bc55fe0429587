#include "ui/jobs/jobs_dock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/common/table_view.h"
#include "ui/jobs/job_log_model.h"
#include "ui/jobs/job_runner.h"

namespace vq::ui {

JobsDock::JobsDock(QWidget* parent)
    : QDockWidget(tr("Jobs"), parent), m_model(new JobLogModel(this)) {
  setObjectName(QStringLiteral("JobsDock"));
  auto* content = new QWidget(this);
  m_table = new TableView(content);
  m_table->setModel(m_model);
  m_table->setSortingEnabled(false);  // newest last, in the order they ran
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->verticalHeader()->hide();
  m_cancel = new QPushButton(tr("&Cancel Job"), content);
  m_cancel->setToolTip(tr("Stop the selected running job (or every running job when none is selected)"));
  m_clear = new QPushButton(tr("C&lear Finished"), content);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(m_clear);
  buttons->addWidget(m_cancel);
  auto* layout = new QVBoxLayout(content);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_table);
  layout->addLayout(buttons);
  setWidget(content);

  connect(m_cancel, &QPushButton::clicked, this, &JobsDock::cancelSelected);
  connect(m_clear, &QPushButton::clicked, m_model, &JobLogModel::clearFinished);
  connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int, int last) {
    m_table->scrollTo(m_model->index(last, 0));
    updateButtons();
  });
  connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsDock::updateButtons);
  connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsDock::updateButtons);
  connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsDock::updateButtons);
  updateButtons();
}

void JobsDock::track(JobRunner* runner) { m_model->track(runner); }

void JobsDock::cancelSelected() {
  const QModelIndexList rows = m_table->selectionModel()->selectedRows();
  bool any = false;
  for (const QModelIndex& i : rows)
    if (JobRunner* r = m_model->runnerOf(i.row())) {
      r->cancel();
      any = true;
    }
  if (any) return;
  for (int row = 0; row < m_model->rowCount(); ++row)
    if (JobRunner* r = m_model->runnerOf(row)) r->cancel();
}

void JobsDock::updateButtons() {
  m_cancel->setEnabled(m_model->anyRunning());
  bool finished = false;
  for (int row = 0; row < m_model->rowCount() && !finished; ++row)
    finished = m_model->state(row) != JobLogModel::State::Running;
  m_clear->setEnabled(finished);
}

}  // namespace vq::ui
