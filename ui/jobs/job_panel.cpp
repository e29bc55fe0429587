#include "ui/jobs/job_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

#include "ui/jobs/job_runner.h"

namespace vq::ui {

namespace {
QString seconds(qint64 ms) { return QLocale().toString(double(ms) / 1000.0, 'f', 1); }
}  // namespace

JobPanel::JobPanel(QWidget* parent) : QWidget(parent) {
  m_label = new QLabel(this);
  m_bar = new QProgressBar(this);
  m_bar->setRange(0, JobRunner::kProgressRange);
  m_bar->setMaximumWidth(180);
  m_bar->setTextVisible(true);
  m_cancel = new QToolButton(this);
  m_cancel->setText(tr("Cancel"));
  m_cancel->setToolTip(tr("Stop the running job (Esc)"));
  connect(m_cancel, &QToolButton::clicked, this, &JobPanel::cancelAll);
  m_tick = new QTimer(this);
  m_tick->setInterval(250);
  connect(m_tick, &QTimer::timeout, this, &JobPanel::refresh);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_label);
  layout->addWidget(m_bar);
  layout->addWidget(m_cancel);
  refresh();
}

void JobPanel::track(JobRunner* runner) {
  m_runners.append(runner);
  connect(runner, &JobRunner::started, this, [this, runner] {
    // The runner started last goes to the end: it is the one shown.
    m_runners.removeAll(runner);
    m_runners.append(runner);
    m_bar->setValue(0);
    refresh();
    emit busyChanged(true);
  });
  connect(runner, &JobRunner::progressChanged, this, [this, runner](int value, const QString&) {
    if (runner == current()) {
      m_bar->setValue(value);
      refresh();
    }
  });
  auto ended = [this](const QString& text) {
    emit message(text);
    refresh();
    emit busyChanged(anyBusy());
  };
  connect(runner, &JobRunner::succeeded, this, [runner, ended] {
    ended(tr("%1 finished in %2 s").arg(runner->title(), seconds(runner->elapsedMs())));
  });
  connect(runner, &JobRunner::cancelled, this, [runner, ended] { ended(tr("%1 cancelled").arg(runner->title())); });
  connect(runner, &JobRunner::failed, this, [runner, ended](const QString& msg) {
    ended(tr("%1 failed: %2").arg(runner->title(), msg));
  });
}

QList<JobRunner*> JobPanel::runners() const {
  QList<JobRunner*> list;
  for (const auto& r : m_runners)
    if (r) list.append(r);
  return list;
}

JobRunner* JobPanel::current() const {
  for (auto it = m_runners.crbegin(); it != m_runners.crend(); ++it)
    if (*it && (*it)->isBusy()) return *it;
  return nullptr;
}

bool JobPanel::anyBusy() const { return current() != nullptr; }

void JobPanel::cancelAll() {
  for (const auto& r : m_runners)
    if (r) r->cancel();
}

QString JobPanel::text() const { return m_label->text(); }

void JobPanel::refresh() {
  JobRunner* r = current();
  m_bar->setVisible(r != nullptr);
  m_cancel->setVisible(r != nullptr);
  m_label->setVisible(r != nullptr);
  if (r && !m_tick->isActive()) m_tick->start();
  if (!r) m_tick->stop();
  if (r) m_label->setText(tr("%1… %2 s").arg(r->title(), seconds(r->elapsedMs())));
}

}  // namespace vq::ui
