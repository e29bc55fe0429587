#include "ui/common/error_text.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "ui/common/error_hint.h"

namespace vq::ui {

namespace {
constexpr auto kContext = "vq::ui::ErrorText";

// One whole sentence per code, so that translations can order the words freely; %1 is the
// subject: the file (and tensor) or "The operation".
const char* sentence(ErrorCode c) {
  switch (c) {
    case ErrorCode::Io: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 could not be read or written.");
    case ErrorCode::NotFound: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 does not exist.");
    case ErrorCode::UnknownFormat:
      return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 is not a dump this program reads (.npz, .safetensors or a folder of .npy).");
    case ErrorCode::BadMagic:
      return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 does not start like a file of its type (wrong magic bytes).");
    case ErrorCode::Truncated:
      return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 is truncated: it ends before the data its header announces.");
    case ErrorCode::BadHeader: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 has a malformed header.");
    case ErrorCode::BadJson: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 contains invalid JSON.");
    case ErrorCode::UnsupportedDtype:
      return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 uses an element type other than f32, f16 or bf16.");
    case ErrorCode::FortranOrder:
      return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 stores an array in Fortran order; save it in C order.");
    case ErrorCode::BadShape: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 declares an invalid tensor shape.");
    case ErrorCode::OffsetOutOfRange: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 points to data outside the file.");
    case ErrorCode::DuplicateTensor: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 contains the same tensor twice.");
    case ErrorCode::MissingTensor: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 lacks a tensor the dump needs.");
    case ErrorCode::InconsistentDump: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 has tensors whose shapes disagree.");
    case ErrorCode::AmbiguousLayout:
      return QT_TRANSLATE_NOOP("vq::ui::ErrorText",
                               "%1 has an ambiguous tensor layout; declare \"layout\" in its JSON sidecar.");
    case ErrorCode::EmptyDump: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 contains no key/value tensors.");
    case ErrorCode::UnsupportedCompression:
      return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 uses a compression method other than stored or deflate.");
    case ErrorCode::Corrupt: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 is corrupt.");
    case ErrorCode::InvalidArgument: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 was given an invalid setting.");
    case ErrorCode::Cancelled: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 was cancelled.");
    case ErrorCode::Unsupported: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 asks for something this build cannot do.");
    case ErrorCode::Infeasible:
      return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 asks for an allocation that no setting satisfies.");
    case ErrorCode::Internal: return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 hit an internal error (please report it).");
  }
  return QT_TRANSLATE_NOOP("vq::ui::ErrorText", "%1 failed.");
}
}  // namespace

QString errorText(const vq::Error& e) {
  const QString file = QFileInfo(QString::fromStdString(e.file())).fileName();
  const QString tensor = QString::fromStdString(e.tensor());
  QString subject;
  if (file.isEmpty())
    subject = tensor.isEmpty() ? QCoreApplication::translate("vq::ui::ErrorText", "The operation")
                               : QCoreApplication::translate("vq::ui::ErrorText", "The operation (tensor %1)").arg(tensor);
  else
    subject = tensor.isEmpty() ? QCoreApplication::translate("vq::ui::ErrorText", "“%1”").arg(file)
                               : QCoreApplication::translate("vq::ui::ErrorText", "“%1” (tensor %2)").arg(file, tensor);
  QString text = QCoreApplication::translate(kContext, sentence(e.code())).arg(subject);
  if (!e.detail().empty()) text += QLatin1Char('\n') + QString::fromStdString(e.detail());
  if (const QString hint = errorHint(e.code()); !hint.isEmpty()) text += QLatin1Char('\n') + hint;
  return text;
}

}  // namespace vq::ui
