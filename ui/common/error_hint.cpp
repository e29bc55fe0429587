#include "ui/common/error_hint.h"

#include <QCoreApplication>

namespace vq::ui {

QString errorHint(ErrorCode c) {
  auto tr = [](const char* s) { return QCoreApplication::translate("vq::ui::ErrorHint", s); };
  switch (c) {
    case ErrorCode::Io: return tr("Check that the file or folder exists and that you may read (or write) it, and that the disk is not full.");
    case ErrorCode::NotFound: return tr("Check the path, or open the file with File ▸ Open.");
    case ErrorCode::UnknownFormat:
    case ErrorCode::BadMagic: return tr("Open a .npz, .safetensors or a folder of .npy files (tools/dump_kv.py writes them).");
    case ErrorCode::Truncated:
    case ErrorCode::Corrupt:
    case ErrorCode::OffsetOutOfRange: return tr("The file is damaged or was not copied completely: copy or export it again.");
    case ErrorCode::BadHeader:
    case ErrorCode::BadJson:
    case ErrorCode::BadShape:
    case ErrorCode::DuplicateTensor: return tr("Write the dump again with the exporter that made it, or fix the named entry.");
    case ErrorCode::UnsupportedDtype: return tr("Save the tensors as float32, float16 or bfloat16.");
    case ErrorCode::FortranOrder: return tr("Save the array with numpy.ascontiguousarray first.");
    case ErrorCode::MissingTensor:
    case ErrorCode::InconsistentDump:
    case ErrorCode::EmptyDump: return tr("A dump needs k and v tensors for every layer, with matching shapes (q is optional).");
    case ErrorCode::AmbiguousLayout: return tr("Add \"layout\": \"HTD\" or \"THD\" to the dump's JSON sidecar.");
    case ErrorCode::UnsupportedCompression: return tr("Re-save the .npz with numpy.savez or numpy.savez_compressed.");
    case ErrorCode::InvalidArgument: return tr("Change the named setting to a value in its range and try again.");
    case ErrorCode::Unsupported: return tr("Choose another method, or run on the CPU backend.");
    case ErrorCode::Infeasible: return tr("Raise the target, protect fewer layers, or add cheaper settings to the menu.");
    case ErrorCode::Internal: return tr("Please report it with the file and the steps that led here.");
    case ErrorCode::Cancelled: return {};
  }
  return {};
}

}  // namespace vq::ui
