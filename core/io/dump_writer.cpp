#include "core/io/dump_writer.h"

#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <system_error>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/io/byte_io.h"
#include "core/io/container_sink.h"
#include "core/io/dump.h"
#include "core/io/dump_metadata.h"

namespace vq {

namespace {

constexpr size_t kConvertChunk = 1u << 16;   // values converted per step by appendF32
constexpr size_t kCopyChunk = 4u << 20;      // bytes copied per step by writeDump

std::filesystem::path folderOf(const std::filesystem::path& p) {
  return p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
}

// Throws Error(Io) unless the folder of `target` exists and has `need` bytes free.
void checkDiskSpace(const std::filesystem::path& target, uint64_t need) {
  const std::filesystem::path dir = folderOf(target);
  struct statvfs st {};
  if (::statvfs(dir.c_str(), &st) != 0) {
    const int err = errno;
    throw Error(ErrorCode::Io,
                err == ENOENT ? "the folder " + dir.string() + " does not exist"
                              : "cannot inspect the folder " + dir.string() + ": " + std::strerror(err),
                target.string());
  }
  const uint64_t available = uint64_t(st.f_bavail) * uint64_t(st.f_frsize);
  if (need > available) {
    throw Error(ErrorCode::Io,
                "not enough free disk space: need " + std::to_string(need) + " bytes, " +
                    std::to_string(available) + " available",
                target.string());
  }
}

// The sidecar for an .npz: the metadata plus a bf16 declaration for every bf16 tensor.
nlohmann::json npzSidecar(const nlohmann::json& metadata, const std::vector<TensorSpec>& tensors) {
  nlohmann::json s = metadata;
  for (const TensorSpec& t : tensors) {
    if (t.dtype != DType::BF16) continue;
    if (!s.contains("tensors") || !s["tensors"].is_object()) s["tensors"] = nlohmann::json::object();
    nlohmann::json& e = s["tensors"][t.name];
    if (!e.is_object()) e = nlohmann::json::object();
    e["dtype"] = "bfloat16";
    e["shape"] = t.shape;
  }
  return s;
}

}  // namespace

ContainerFormat containerFormatFor(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (ext == ".npz") return ContainerFormat::Npz;
  if (ext == ".safetensors") return ContainerFormat::Safetensors;
  throw Error(ErrorCode::UnknownFormat, "can only write .npz or .safetensors files", path.string());
}

struct DumpWriter::Impl {
  std::filesystem::path path;
  std::vector<TensorSpec> tensors;
  std::vector<uint64_t> bytes;
  std::unique_ptr<io::ContainerSink> sink;
  std::unique_ptr<AtomicFile> file;
  std::unique_ptr<AtomicFile> sidecar;
  std::string sidecarText;
  bool writeSidecar = false;
  size_t current = 0;        // tensor being filled
  bool inTensor = false;
  uint64_t written = 0;      // bytes of the current tensor
  uint64_t payloadWritten = 0;
  bool committed = false;

  // Moves past complete tensors (including empty ones); false when every tensor is complete.
  bool ensureCurrent() {
    while (current < tensors.size()) {
      if (!inTensor) {
        sink->beginTensor(*file, current);
        inTensor = true;
        written = 0;
      }
      if (written < bytes[current]) return true;
      sink->endTensor(*file, current);
      inTensor = false;
      ++current;
    }
    return false;
  }

  Error tooMuch() const {
    return Error(ErrorCode::InvalidArgument, "more data appended than the declared tensors hold", path.string());
  }
};

DumpWriter::DumpWriter(std::filesystem::path path, std::vector<TensorSpec> tensors, nlohmann::json metadata)
    : DumpWriter(std::move(path), std::move(tensors), std::move(metadata), DumpWriterOptions{}) {}

DumpWriter::DumpWriter(std::filesystem::path path, std::vector<TensorSpec> tensors, nlohmann::json metadata,
                       DumpWriterOptions options)
    : m_impl(std::make_unique<Impl>()) {
  Impl& m = *m_impl;
  m.path = std::move(path);
  const std::string file = m.path.string();
  const ContainerFormat format = containerFormatFor(m.path);
  if (metadata.is_null()) metadata = nlohmann::json::object();
  if (!metadata.is_object()) throw Error(ErrorCode::InvalidArgument, "metadata must be a JSON object", file);

  std::set<std::string> names;
  uint64_t payloadTotal = 0;
  for (const TensorSpec& t : tensors) {
    if (t.name.empty()) throw Error(ErrorCode::InvalidArgument, "a tensor has an empty name", file);
    if (!names.insert(t.name).second) {
      throw Error(ErrorCode::DuplicateTensor, "two tensors have this name", file, t.name);
    }
    const auto b = io::checkedByteCount(t.shape, dtypeSize(t.dtype));
    const auto sum = b ? io::checkedAdd(payloadTotal, *b) : std::nullopt;
    if (!sum || *sum > uint64_t(INT64_MAX) / 2) {
      throw Error(ErrorCode::BadShape, "shape " + io::shapeText(t.shape) + " is negative or too large", file, t.name);
    }
    payloadTotal = *sum;
    m.bytes.push_back(*b);
  }
  m.tensors = std::move(tensors);
  try {
    m.sink = format == ContainerFormat::Npz ? io::makeNpzSink(m.tensors, m.bytes, options.forceZip64)
                                            : io::makeSafetensorsSink(m.tensors, m.bytes, metadata);
  } catch (const Error& e) {
    throw e.withFile(file);
  }

  uint64_t need = m.sink->totalBytes();
  std::filesystem::path sidecarPath;
  if (format == ContainerFormat::Npz) {
    sidecarPath = io::sidecarPathFor(m.path);
    const nlohmann::json side = npzSidecar(metadata, m.tensors);
    std::error_code ec;
    m.writeSidecar = !side.empty() || std::filesystem::exists(sidecarPath, ec);
    if (m.writeSidecar) {
      m.sidecarText = side.dump(1) + "\n";
      need += m.sidecarText.size();
    }
  }
  checkDiskSpace(m.path, need);
  m.file = std::make_unique<AtomicFile>(m.path);
  m.file->reserve(m.sink->totalBytes());
  if (m.writeSidecar) m.sidecar = std::make_unique<AtomicFile>(sidecarPath);
  m.sink->begin(*m.file);
}

DumpWriter::~DumpWriter() = default;

void DumpWriter::appendRaw(std::span<const std::byte> data) {
  Impl& m = *m_impl;
  if (m.committed) throw Error(ErrorCode::InvalidArgument, "the writer was already committed", m.path.string());
  while (!data.empty()) {
    if (!m.ensureCurrent()) throw m.tooMuch();
    const uint64_t n = std::min<uint64_t>(data.size(), m.bytes[m.current] - m.written);
    if (n % dtypeSize(m.tensors[m.current].dtype) != 0) {
      throw Error(ErrorCode::InvalidArgument, "raw data ends inside an element", m.path.string(),
                  m.tensors[m.current].name);
    }
    m.sink->tensorData(*m.file, data.first(size_t(n)));
    m.written += n;
    m.payloadWritten += n;
    data = data.subspan(size_t(n));
  }
  m.ensureCurrent();  // closes a tensor completed by this call
}

void DumpWriter::appendF32(std::span<const float> values) {
  Impl& m = *m_impl;
  std::vector<std::byte> buf;
  while (!values.empty()) {
    if (!m.ensureCurrent()) throw m.tooMuch();
    const DType t = m.tensors[m.current].dtype;
    const uint64_t room = (m.bytes[m.current] - m.written) / dtypeSize(t);
    const size_t n = size_t(std::min<uint64_t>({values.size(), room, kConvertChunk}));
    buf.resize(n * dtypeSize(t));
    convertFromF32(values.data(), t, n, buf.data());
    appendRaw(buf);
    values = values.subspan(n);
  }
}

void DumpWriter::commit() {
  Impl& m = *m_impl;
  if (m.committed) return;
  if (m.ensureCurrent()) {
    throw Error(ErrorCode::InvalidArgument,
                "the tensor is incomplete: " + std::to_string(m.written) + " of " +
                    std::to_string(m.bytes[m.current]) + " bytes were appended",
                m.path.string(), m.tensors[m.current].name);
  }
  m.sink->finish(*m.file);
  if (m.file->position() != m.sink->totalBytes()) {
    throw Error(ErrorCode::Internal, "the file size differs from the planned size", m.path.string());
  }
  if (m.sidecar) m.sidecar->write(m.sidecarText);
  m.file->commit();
  if (m.sidecar) m.sidecar->commit();
  m.committed = true;
}

uint64_t DumpWriter::totalBytes() const { return m_impl->sink->totalBytes(); }
uint64_t DumpWriter::payloadBytesWritten() const { return m_impl->payloadWritten; }

void writeDump(const std::filesystem::path& path, const Dump& dump, const Progress& progress) {
  std::vector<TensorSpec> specs;
  uint64_t total = 0;
  for (const TensorInfo& t : dump.tensors()) {
    specs.push_back({t.name, t.dtype, t.shape});
    total += t.bytes;
  }
  DumpWriter w(path, std::move(specs), dump.info().metadata);
  std::vector<std::byte> buf;
  uint64_t done = 0;
  for (size_t i = 0; i < dump.tensors().size(); ++i) {
    const uint64_t bytes = dump.tensors()[i].bytes;
    for (uint64_t off = 0; off < bytes;) {
      progress.checkCancelled();
      const size_t n = size_t(std::min<uint64_t>(bytes - off, kCopyChunk));
      buf.resize(n);
      dump.readTensorBytes(i, off, buf);
      w.appendRaw(buf);
      off += n;
      done += n;
      progress.report(total ? double(done) / double(total) : 1.0, dump.tensors()[i].name);
    }
  }
  progress.checkCancelled();
  w.commit();
}

}  // namespace vq
