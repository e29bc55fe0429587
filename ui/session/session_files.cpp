#include "ui/session/session_files.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QUndoStack>
#include <filesystem>

#include "core/calib/dump_identity.h"
#include "ui/common/error_text.h"
#include "ui/common/table_view.h"
#include "ui/jobs/job_runner.h"
#include "ui/session/session.h"

namespace vq::ui {

namespace {
QString tr(const char* s) { return QCoreApplication::translate("vq::ui::SessionFiles", s); }

// The verify result a file recorded (per-group measurements and the summary), if complete.
std::optional<alloc::VerifyResult> recordedVerify(const io::AllocationFile& f) {
  if (!f.measured) return std::nullopt;
  alloc::VerifyResult r;
  for (const auto& g : f.groups) {
    if (!g.measured) return std::nullopt;
    r.groupDistortion.push_back(*g.measured);
    r.groupBpv.push_back(g.bpv);
  }
  r.outputError = f.measured->outputError;
  r.outputErrorK = f.measured->outputErrorK;
  r.outputErrorV = f.measured->outputErrorV;
  r.relMseK = f.measured->relMseK;
  r.relMseV = f.measured->relMseV;
  r.bpv = f.measured->bpv;
  r.queries = f.measured->queries;
  return r;
}

// Opens the session's dump: candidates in order; the first that opens and fits wins.
std::shared_ptr<const Dump> findDump(const io::AllocationFile& f, const QString& sessionPath, QString* usedPath) {
  const QString recorded = QString::fromStdString(f.dump.path);
  QStringList candidates;
  if (!recorded.isEmpty()) {
    candidates << (QFileInfo(recorded).isAbsolute() ? recorded : QFileInfo(sessionPath).dir().filePath(recorded));
    candidates << QFileInfo(sessionPath).dir().filePath(QFileInfo(recorded).fileName());
  }
  std::optional<Error> last;
  for (const QString& c : candidates) {
    if (!QFileInfo::exists(c)) continue;
    try {
      auto dump = std::make_shared<const Dump>(Dump::open(c.toStdString()));
      io::checkAgainstDump(f, *dump);
      *usedPath = c;
      return dump;
    } catch (const Error& e) {
      last = e;
    }
  }
  if (last) throw *last;
  throw Error(ErrorCode::NotFound,
              QCoreApplication::translate("vq::ui::SessionFiles",
                                          "The dump this session was made from (%1) was not found; open that dump "
                                          "first (File → Open Dump), then the session again.")
                  .arg(recorded)
                  .toStdString(),
              f.dump.path);
}
}  // namespace

SessionFiles::SessionFiles(Session* session, QObject* parent)
    : QObject(parent), m_session(session), m_runner(new JobRunner(this)) {
  connect(m_runner, &JobRunner::succeeded, this, &SessionFiles::onOpened);
  connect(m_runner, &JobRunner::failed, this, [this](const QString& msg) { emit failed(m_openingPath, msg); });
}

bool SessionFiles::canSave() const { return m_session->table() && m_session->hasAllocation(); }

bool SessionFiles::save(const QString& path, QString* error) {
  if (!canSave()) {
    if (error) *error = tr("There is no allocation to save: calibrate first.");
    return false;
  }
  try {
    const auto& v = m_session->verified();
    const io::AllocationFile f = io::makeAllocationFile(*m_session->table(), m_session->allocation(), v ? &*v : nullptr);
    io::saveAllocationFile(f, path.toStdString());
  } catch (const Error& e) {
    if (error) *error = errorText(e);
    return false;
  }
  m_session->setFilePath(path);
  m_session->undoStack()->setClean();
  return true;
}

void SessionFiles::open(const QString& path) {
  if (m_runner->isBusy()) return;
  m_openingPath = path;
  const auto current = m_session->dump();
  const QString currentPath = m_session->dumpPath();
  m_opening = m_runner->start<OpenedSession>(
      tr("Opening %1").arg(QFileInfo(path).fileName()),
      [path, current, currentPath](QPromise<OpenedSession>& promise, const Progress& progress) {
        OpenedSession s;
        s.path = path;
        s.file = io::loadAllocationFile(path.toStdString());
        progress.checkCancelled();
        // The open dump is reused when it holds the same data.
        if (current && calib::identifyDump(*current).hash == s.file.dump.hash) {
          io::checkAgainstDump(s.file, *current);
          s.dumpPath = currentPath;
        } else {
          s.dump = findDump(s.file, path, &s.dumpPath);
        }
        for (const auto& w : io::checkAgainstDump(s.file, s.dump ? *s.dump : *current)) s.warnings << QString::fromStdString(w);
        auto table = io::calibrationTableOf(s.file);
        if (!table)
          throw Error(ErrorCode::InvalidArgument,
                      QCoreApplication::translate("vq::ui::SessionFiles",
                                                  "The session file keeps no calibration table (groups[].table).")
                          .toStdString(),
                      path.toStdString());
        s.table = std::make_shared<const calib::CalibrationTable>(std::move(*table));
        promise.addResult(std::move(s));
      });
}

void SessionFiles::onOpened() {
  if (m_opening.resultCount() == 0) return;
  const OpenedSession s = m_opening.result();
  if (s.dump) m_session->setDump(s.dump, s.dumpPath);
  m_session->setTable(s.table);
  m_session->setAllocation(s.file.allocation);
  if (const auto v = recordedVerify(s.file)) m_session->setVerified(*v);
  m_session->undoStack()->clear();
  m_session->undoStack()->setClean();
  m_session->setFilePath(s.path);
  emit opened(s.path, s.warnings);
}

bool SessionFiles::writeText(const QString& path, const QByteArray& bytes, QString* error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    if (error) *error = file.errorString();
    return false;
  }
  return true;
}

bool SessionFiles::exportAllocation(io::ExportFormat format, const QString& path, QStringList* approximations,
                                    QString* error) const {
  if (!canSave()) {
    if (error) *error = tr("There is no allocation to export: calibrate first.");
    return false;
  }
  io::ExportResult r;
  try {
    const auto& v = m_session->verified();
    r = io::exportAllocation(io::makeAllocationFile(*m_session->table(), m_session->allocation(), v ? &*v : nullptr),
                             format);
  } catch (const Error& e) {
    if (error) *error = errorText(e);
    return false;
  }
  if (approximations) {
    approximations->clear();
    for (const auto& a : r.approximations) *approximations << QString::fromStdString(a);
  }
  return writeText(path, QByteArray::fromStdString(r.text), error);
}

bool SessionFiles::exportCsv(const QAbstractItemModel* model, const QString& path, QString* error) {
  return writeText(path, TableView::toDelimited(model, QLatin1Char(',')).toUtf8(), error);
}

QString SessionFiles::formatTitle(io::ExportFormat f) {
  switch (f) {
    case io::ExportFormat::VeloxQuantList: return tr("VeloxQuant-MLX bit list");
    case io::ExportFormat::VeloxQuantDict: return tr("VeloxQuant-MLX bit dictionary");
    case io::ExportFormat::KvTuner: return tr("KVTuner per-layer config");
    case io::ExportFormat::Vllm: return tr("vLLM engine arguments");
    case io::ExportFormat::LlamaCpp: return tr("llama.cpp cache types");
    case io::ExportFormat::Hf: return tr("transformers QuantizedCache config");
    case io::ExportFormat::Mlx: break;
  }
  return tr("mlx_lm options");
}

QString SessionFiles::formatSuffix(io::ExportFormat f) {
  return f == io::ExportFormat::LlamaCpp || f == io::ExportFormat::Mlx ? QStringLiteral("txt") : QStringLiteral("json");
}

}  // namespace vq::ui
