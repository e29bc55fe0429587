#include "core/common/error.h"

#include <utility>

namespace vq {

std::string_view errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::Io: return "io";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::UnknownFormat: return "unknown_format";
    case ErrorCode::BadMagic: return "bad_magic";
    case ErrorCode::Truncated: return "truncated";
    case ErrorCode::BadHeader: return "bad_header";
    case ErrorCode::BadJson: return "bad_json";
    case ErrorCode::UnsupportedDtype: return "unsupported_dtype";
    case ErrorCode::FortranOrder: return "fortran_order";
    case ErrorCode::BadShape: return "bad_shape";
    case ErrorCode::OffsetOutOfRange: return "offset_out_of_range";
    case ErrorCode::DuplicateTensor: return "duplicate_tensor";
    case ErrorCode::MissingTensor: return "missing_tensor";
    case ErrorCode::InconsistentDump: return "inconsistent_dump";
    case ErrorCode::AmbiguousLayout: return "ambiguous_layout";
    case ErrorCode::EmptyDump: return "empty_dump";
    case ErrorCode::UnsupportedCompression: return "unsupported_compression";
    case ErrorCode::Corrupt: return "corrupt";
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::Infeasible: return "infeasible";
    case ErrorCode::Internal: return "internal";
  }
  return "unknown";
}

Error::Error(ErrorCode code, std::string detail, std::string file, std::string tensor,
             int64_t offset)
    : m_code(code), m_detail(std::move(detail)), m_file(std::move(file)),
      m_tensor(std::move(tensor)), m_offset(offset) {
  rebuild();
}

Error Error::withFile(std::string file) const {
  Error e = *this;
  if (e.m_file.empty()) e.m_file = std::move(file);
  e.rebuild();
  return e;
}

Error Error::withTensor(std::string tensor) const {
  Error e = *this;
  if (e.m_tensor.empty()) e.m_tensor = std::move(tensor);
  e.rebuild();
  return e;
}

void Error::rebuild() { m_what = describe(*this); }

std::string describe(const Error& e) {
  std::string s;
  if (!e.file().empty()) s += e.file() + ": ";
  if (!e.tensor().empty()) s += "tensor '" + e.tensor() + "': ";
  if (e.offset() >= 0) s += "at byte " + std::to_string(e.offset()) + ": ";
  s += std::string(errorCodeName(e.code()));
  if (!e.detail().empty()) s += ": " + e.detail();
  return s;
}

}  // namespace vq
