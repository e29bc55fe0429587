// Errors of vq_core: a machine-readable code plus the context a user needs (file, tensor, offset).
// Core never builds translated sentences; the CLI prints describe(), the GUI maps codes to tr() text.
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

namespace vq {

enum class ErrorCode {
  Io,                 // the OS refused: open/read/write/rename failed (detail holds strerror)
  NotFound,           // file or folder does not exist
  UnknownFormat,      // not a .npy/.npz/.safetensors/folder dump, or a file type we do not read
  BadMagic,           // file does not start with the format's magic bytes
  Truncated,          // file ends before the data its header promises
  BadHeader,          // header malformed (length out of range, unparsable, missing keys)
  BadJson,            // JSON text that does not parse or has the wrong shape
  UnsupportedDtype,   // dtype other than f32/f16/bf16 (detail names it)
  FortranOrder,       // .npy with fortran_order: True
  BadShape,           // negative, zero-sized where forbidden, overflowing, or wrong rank
  OffsetOutOfRange,   // tensor data offsets outside the file or overlapping
  DuplicateTensor,    // same tensor name twice
  MissingTensor,      // a layer lacks k or v, or layers are not contiguous
  InconsistentDump,   // head counts / head_dim / token counts disagree across tensors
  AmbiguousLayout,    // [a,b,d] could be [H,T,d] or [T,H,d]; metadata must declare it
  EmptyDump,          // folder or archive without any recognisable KV tensor
  UnsupportedCompression, // zip entry compressed with something other than stored/deflate
  Corrupt,            // checksum mismatch, inflate error, inconsistent zip directory
  InvalidArgument,    // a parameter out of its valid range (detail names it)
  Cancelled,          // the user cancelled; state is unchanged
  Unsupported,        // valid request the current build/device cannot do
  Infeasible,         // an allocation request that no choice satisfies
  Internal,           // a bug: please report
};

// Stable identifier of a code, e.g. "truncated" (used in JSON output and tests).
std::string_view errorCodeName(ErrorCode code);

class Error : public std::exception {
 public:
  Error(ErrorCode code, std::string detail, std::string file = {}, std::string tensor = {},
        int64_t offset = -1);

  ErrorCode code() const noexcept { return m_code; }
  const std::string& detail() const noexcept { return m_detail; }
  const std::string& file() const noexcept { return m_file; }
  const std::string& tensor() const noexcept { return m_tensor; }
  int64_t offset() const noexcept { return m_offset; }  // byte offset in file, -1 if none

  // Returns a copy with the file set when it was not known where the error was raised.
  Error withFile(std::string file) const;
  Error withTensor(std::string tensor) const;

  const char* what() const noexcept override { return m_what.c_str(); }

 private:
  void rebuild();
  ErrorCode m_code;
  std::string m_detail, m_file, m_tensor;
  int64_t m_offset;
  std::string m_what;
};

// One line for the CLI and logs: "<file>: tensor '<t>': at byte N: <code>: <detail>".
std::string describe(const Error& e);

}  // namespace vq
