#include "ui/common/error_text.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "ui/common/error_hint.h"

namespace vq::ui {

namespace {
QString problem(ErrorCode c) {
  auto tr = [](const char* s) { return QCoreApplication::translate("vq::ui::ErrorText", s); };
  switch (c) {
    case ErrorCode::Io: return tr("could not be read or written");
    case ErrorCode::NotFound: return tr("does not exist");
    case ErrorCode::UnknownFormat: return tr("is not a dump this program reads (.npz, .safetensors or a folder of .npy)");
    case ErrorCode::BadMagic: return tr("does not start like a file of its type (wrong magic bytes)");
    case ErrorCode::Truncated: return tr("is truncated: it ends before the data its header announces");
    case ErrorCode::BadHeader: return tr("has a malformed header");
    case ErrorCode::BadJson: return tr("contains invalid JSON");
    case ErrorCode::UnsupportedDtype: return tr("uses an element type other than f32, f16 or bf16");
    case ErrorCode::FortranOrder: return tr("stores an array in Fortran order; save it in C order");
    case ErrorCode::BadShape: return tr("declares an invalid tensor shape");
    case ErrorCode::OffsetOutOfRange: return tr("points to data outside the file");
    case ErrorCode::DuplicateTensor: return tr("contains the same tensor twice");
    case ErrorCode::MissingTensor: return tr("lacks a tensor the dump needs");
    case ErrorCode::InconsistentDump: return tr("has tensors whose shapes disagree");
    case ErrorCode::AmbiguousLayout: return tr("has an ambiguous tensor layout; declare \"layout\" in its JSON sidecar");
    case ErrorCode::EmptyDump: return tr("contains no key/value tensors");
    case ErrorCode::UnsupportedCompression: return tr("uses a compression method other than stored or deflate");
    case ErrorCode::Corrupt: return tr("is corrupt");
    case ErrorCode::InvalidArgument: return tr("was given an invalid setting");
    case ErrorCode::Cancelled: return tr("was cancelled");
    case ErrorCode::Unsupported: return tr("asks for something this build cannot do");
    case ErrorCode::Infeasible: return tr("asks for an allocation that no setting satisfies");
    case ErrorCode::Internal: return tr("hit an internal error (please report it)");
  }
  return tr("failed");
}
}  // namespace

QString errorText(const vq::Error& e) {
  QString subject = e.file().empty()
                        ? QCoreApplication::translate("vq::ui::ErrorText", "The operation")
                        : QCoreApplication::translate("vq::ui::ErrorText", "“%1”")
                              .arg(QFileInfo(QString::fromStdString(e.file())).fileName());
  QString text = subject + QLatin1Char(' ') + problem(e.code());
  if (!e.tensor().empty())
    text += QCoreApplication::translate("vq::ui::ErrorText", " (tensor %1)").arg(QString::fromStdString(e.tensor()));
  text += QLatin1Char('.');
  if (!e.detail().empty()) text += QLatin1Char('\n') + QString::fromStdString(e.detail());
  if (const QString hint = errorHint(e.code()); !hint.isEmpty()) text += QLatin1Char('\n') + hint;
  return text;
}

}  // namespace vq::ui
