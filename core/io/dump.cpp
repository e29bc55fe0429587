#include "core/io/dump.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <new>
#include <system_error>

#include "core/common/error.h"
#include "core/common/mapped_file.h"
#include "core/io/container_readers.h"
#include "core/io/dump_model.h"
#include "core/io/tensor_store.h"

namespace vq {

std::string_view roleName(Role r) {
  switch (r) {
    case Role::Q: return "q";
    case Role::K: return "k";
    case Role::V: return "v";
    case Role::KPreRope: return "k_pre_rope";
  }
  return "?";
}

std::string_view layoutName(Layout l) {
  switch (l) {
    case Layout::HTD: return "HTD";
    case Layout::BHTD: return "1HTD";
    case Layout::THD: return "THD";
  }
  return "?";
}

struct Dump::Impl {
  explicit Impl(io::DumpModel m)
      : info(std::move(m.info)), tensors(std::move(m.tensors)), roleIndex(std::move(m.roleIndex)),
        store(std::move(m.locations)) {}
  DumpInfo info;
  std::vector<TensorInfo> tensors;
  std::vector<std::array<int, 4>> roleIndex;
  io::TensorStore store;

  const TensorInfo& kvTensor(int layer, Role role, int& index) const {
    if (layer < 0 || size_t(layer) >= roleIndex.size()) {
      throw Error(ErrorCode::InvalidArgument,
                  "layer " + std::to_string(layer) + " out of range (the dump has " +
                      std::to_string(roleIndex.size()) + " layers)",
                  info.path.string());
    }
    index = roleIndex[size_t(layer)][size_t(role)];
    if (index < 0) {
      throw Error(ErrorCode::MissingTensor,
                  "layer " + std::to_string(layer) + " has no " + std::string(roleName(role)) + " tensor",
                  info.path.string());
    }
    return tensors[size_t(index)];
  }

  io::TensorStore::View payload(size_t index) const {
    try {
      return store.payload(index);
    } catch (const Error& e) {
      throw e.withFile(info.path.string()).withTensor(tensors[index].name);
    }
  }

  // Runs `copy` out of the view's bytes, guarded against the file being truncated meanwhile.
  template <class F>
  void copyOut(const io::TensorStore::View& view, size_t index, F&& copy) const {
    try {
      view.copyOut(copy);
    } catch (const Error& e) {
      throw e.withFile(info.path.string()).withTensor(tensors[index].name);
    }
  }
};

namespace {

bool startsWith(std::span<const std::byte> b, std::string_view magic) {
  return b.size() >= magic.size() && std::memcmp(b.data(), magic.data(), magic.size()) == 0;
}

std::string lowerExtension(const std::filesystem::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return e;
}

std::filesystem::path folderOf(const std::filesystem::path& file) {
  return file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
}

io::ContainerContents readContainer(const std::filesystem::path& path, std::filesystem::path& dumpPath) {
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(st)) throw Error(ErrorCode::NotFound, "no such file or folder", path.string());
  if (std::filesystem::is_directory(st)) return io::readNpyFolder(path);
  const std::string ext = lowerExtension(path);
  if (ext == ".npz") return io::readNpz(path);
  if (ext == ".safetensors") return io::readSafetensors(path);
  if (ext == ".npy") {
    dumpPath = folderOf(path);
    return io::readNpyFolder(dumpPath);
  }
  // Unknown extension: recognise the container by its first bytes.
  const auto file = MappedFile::open(path);
  const auto b = file->bytes();
  if (startsWith(b, "PK\x03\x04") || startsWith(b, "PK\x05\x06")) return io::readNpz(path);
  if (startsWith(b, "\x93NUMPY")) {
    dumpPath = folderOf(path);
    return io::readNpyFolder(dumpPath);
  }
  if (b.size() > 8 && char(b[8]) == '{') return io::readSafetensors(path);
  throw Error(ErrorCode::UnknownFormat,
              "not a dump: expected a .npz, .safetensors or .npy file, or a folder of .npy files",
              path.string());
}

}  // namespace

Dump Dump::open(const std::filesystem::path& path) {
  try {
    std::filesystem::path dumpPath = path;
    io::ContainerContents contents = readContainer(path, dumpPath);
    return Dump(std::make_unique<Impl>(io::buildDumpModel(std::move(contents), dumpPath)));
  } catch (const Error& e) {
    throw e.withFile(path.string());
  } catch (const std::bad_alloc&) {
    throw Error(ErrorCode::Io, "out of memory while opening the dump", path.string());
  } catch (const std::filesystem::filesystem_error& e) {
    throw Error(ErrorCode::Io, e.what(), path.string());
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::BadJson, e.what(), path.string());
  }
}

Dump::Dump(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Dump::Dump(Dump&&) noexcept = default;
Dump& Dump::operator=(Dump&&) noexcept = default;
Dump::~Dump() = default;

const DumpInfo& Dump::info() const { return m_impl->info; }
const std::vector<TensorInfo>& Dump::tensors() const { return m_impl->tensors; }

int Dump::tensorIndex(int layer, Role role) const {
  if (layer < 0 || size_t(layer) >= m_impl->roleIndex.size()) return -1;
  return m_impl->roleIndex[size_t(layer)][size_t(role)];
}

bool Dump::has(int layer, Role role) const { return tensorIndex(layer, role) >= 0; }

int Dump::heads(int layer, Role role) const {
  const int i = tensorIndex(layer, role);
  return i < 0 ? 0 : m_impl->tensors[size_t(i)].heads;
}

void Dump::readHead(int layer, Role role, int head, std::span<float> out) const {
  int index = -1;
  const TensorInfo& t = m_impl->kvTensor(layer, role, index);
  if (head < 0 || head >= t.heads) {
    throw Error(ErrorCode::InvalidArgument,
                "head " + std::to_string(head) + " out of range (" + std::to_string(t.heads) + " heads)",
                m_impl->info.path.string(), t.name);
  }
  const uint64_t rowValues = uint64_t(t.headDim);
  const uint64_t values = uint64_t(t.tokens) * rowValues;
  if (out.size() != values) {
    throw Error(ErrorCode::InvalidArgument,
                "output holds " + std::to_string(out.size()) + " floats, the head has " + std::to_string(values),
                m_impl->info.path.string(), t.name);
  }
  const io::TensorStore::View view = m_impl->payload(size_t(index));
  const size_t es = dtypeSize(t.dtype);
  if (t.layout == Layout::THD) {
    // [T,H,d]: row t of head h starts at (t*H + h)*d.
    const uint64_t stride = uint64_t(t.heads) * rowValues * es;
    const std::byte* src = view.bytes.data() + uint64_t(head) * rowValues * es;
    m_impl->copyOut(view, size_t(index), [&] {
      for (int64_t tok = 0; tok < t.tokens; ++tok) {
        convertToF32(src + uint64_t(tok) * stride, t.dtype, size_t(rowValues), out.data() + uint64_t(tok) * rowValues);
      }
    });
  } else {
    const auto part = view.bytes.subspan(size_t(uint64_t(head) * values * es), size_t(values * es));
    m_impl->copyOut(view, size_t(index), [&] { convertToF32(part.data(), t.dtype, size_t(values), out.data()); });
    view.release(part);
  }
}

MatrixRM Dump::readHead(int layer, Role role, int head) const {
  int index = -1;
  const TensorInfo& t = m_impl->kvTensor(layer, role, index);
  MatrixRM m(t.tokens, t.headDim);
  readHead(layer, role, head, std::span(m.data(), size_t(m.size())));
  return m;
}

void Dump::readAllHeads(int layer, Role role, std::span<float> out) const {
  int index = -1;
  const TensorInfo& t = m_impl->kvTensor(layer, role, index);
  const uint64_t perHead = uint64_t(t.tokens) * uint64_t(t.headDim);
  if (out.size() != perHead * uint64_t(t.heads)) {
    throw Error(ErrorCode::InvalidArgument,
                "output holds " + std::to_string(out.size()) + " floats, the tensor has " +
                    std::to_string(perHead * uint64_t(t.heads)),
                m_impl->info.path.string(), t.name);
  }
  if (t.layout != Layout::THD) {  // already [H][T][d]
    const io::TensorStore::View view = m_impl->payload(size_t(index));
    m_impl->copyOut(view, size_t(index), [&] { convertToF32(view.bytes.data(), t.dtype, out.size(), out.data()); });
    view.release(view.bytes);
    return;
  }
  for (int h = 0; h < t.heads; ++h) readHead(layer, role, h, out.subspan(size_t(perHead * uint64_t(h)), size_t(perHead)));
}

void Dump::readTensorBytes(size_t tensor, uint64_t offset, std::span<std::byte> out) const {
  if (tensor >= m_impl->tensors.size()) {
    throw Error(ErrorCode::InvalidArgument, "tensor index " + std::to_string(tensor) + " out of range",
                m_impl->info.path.string());
  }
  const TensorInfo& t = m_impl->tensors[tensor];
  if (offset > t.bytes || out.size() > t.bytes - offset) {
    throw Error(ErrorCode::InvalidArgument, "byte range outside the tensor", m_impl->info.path.string(), t.name);
  }
  const io::TensorStore::View view = m_impl->payload(tensor);
  m_impl->copyOut(view, tensor, [&] { std::memcpy(out.data(), view.bytes.data() + offset, out.size()); });
}

}  // namespace vq
