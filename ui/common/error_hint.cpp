#include "ui/common/error_hint.h"

#include <QCoreApplication>

namespace vq::ui {

namespace {
// Text::tr looks texts up under this context, and lupdate files them under it too (it cannot
// see the context of a plain helper function calling QCoreApplication::translate).
struct Text {
  Q_DECLARE_TR_FUNCTIONS(vq::ui::ErrorHint)
};
}  // namespace

QString errorHint(ErrorCode c) {
  switch (c) {
    case ErrorCode::Io: return Text::tr("Check that the file or folder exists and that you may read (or write) it, and that the disk is not full.");
    case ErrorCode::NotFound: return Text::tr("Check the path, or open the file with File ▸ Open.");
    case ErrorCode::UnknownFormat:
    case ErrorCode::BadMagic: return Text::tr("Open a .npz, .safetensors or a folder of .npy files (tools/dump_kv.py writes them).");
    case ErrorCode::Truncated:
    case ErrorCode::Corrupt:
    case ErrorCode::OffsetOutOfRange: return Text::tr("The file is damaged or was not copied completely: copy or export it again.");
    case ErrorCode::BadHeader:
    case ErrorCode::BadJson:
    case ErrorCode::BadShape:
    case ErrorCode::DuplicateTensor: return Text::tr("Write the dump again with the exporter that made it, or fix the named entry.");
    case ErrorCode::UnsupportedDtype: return Text::tr("Save the tensors as float32, float16 or bfloat16.");
    case ErrorCode::FortranOrder: return Text::tr("Save the array with numpy.ascontiguousarray first.");
    case ErrorCode::MissingTensor:
    case ErrorCode::InconsistentDump:
    case ErrorCode::EmptyDump: return Text::tr("A dump needs k and v tensors for every layer, with matching shapes (q is optional).");
    case ErrorCode::AmbiguousLayout: return Text::tr("Add \"layout\": \"HTD\" or \"THD\" to the dump's JSON sidecar.");
    case ErrorCode::UnsupportedCompression: return Text::tr("Re-save the .npz with numpy.savez or numpy.savez_compressed.");
    case ErrorCode::InvalidArgument: return Text::tr("Change the named setting to a value in its range and try again.");
    case ErrorCode::Unsupported: return Text::tr("Choose another method, or run on the CPU backend.");
    case ErrorCode::Infeasible: return Text::tr("Raise the target, protect fewer layers, or add cheaper settings to the menu.");
    case ErrorCode::Internal: return Text::tr("Please report it with the file and the steps that led here.");
    case ErrorCode::Cancelled: return {};
  }
  return {};
}

}  // namespace vq::ui
