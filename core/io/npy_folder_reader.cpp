// readNpyFolder / readNpyFile: a folder of .npy files, see container_readers.h.
#include <algorithm>
#include <cctype>
#include <system_error>

#include "core/common/error.h"
#include "core/io/byte_io.h"
#include "core/io/container_readers.h"
#include "core/io/dump_metadata.h"
#include "core/io/npy_format.h"

namespace vq::io {

namespace {

// "layer_2" before "layer_10": digit runs compare by value.
bool naturalLess(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = std::isdigit(static_cast<unsigned char>(a[i]));
    const bool db = std::isdigit(static_cast<unsigned char>(b[j]));
    if (da && db) {
      size_t ei = i, ej = j;
      while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) ++ei;
      while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) ++ej;
      std::string_view na(a.data() + i, ei - i), nb(b.data() + j, ej - j);
      while (na.size() > 1 && na[0] == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb[0] == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j || (a.size() - i == b.size() - j && a < b);
}

}  // namespace

RawTensor readNpyFile(const std::filesystem::path& path, std::string name) {
  try {
    const auto file = MappedFile::open(path);
    const NpyHeader h = parseNpyHeader(file->bytes(), 0);
    RawTensor t;
    t.name = name;
    t.dtypeText = h.descr;
    t.dtype = npyDtype(h, false);
    t.rawTwoByte = h.descr == "<V2" || h.descr == "|V2";
    t.fortranOrder = h.fortranOrder;
    t.shape = h.shape;
    t.bytes = h.dataBytes.value_or(0);
    if (h.dataBytes && *h.dataBytes > file->size() - h.dataOffset) {
      throw Error(ErrorCode::Truncated,
                  "the file holds " + std::to_string(file->size() - h.dataOffset) + " bytes of data, but shape " +
                      shapeText(h.shape) + " of '" + h.descr + "' needs " + std::to_string(*h.dataBytes),
                  {}, {}, int64_t(h.dataOffset));
    }
    t.where.file = file;
    t.where.offset = h.dataOffset;
    t.where.size = t.bytes;
    t.file = path.string();
    t.fileOffset = h.dataOffset;
    return t;
  } catch (const Error& e) {
    throw e.withFile(path.string()).withTensor(name);
  }
}

ContainerContents readNpyFolder(const std::filesystem::path& folder) {
  ContainerContents c;
  c.container = "npy-folder";
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    throw Error(std::filesystem::exists(folder, ec) ? ErrorCode::UnknownFormat : ErrorCode::NotFound,
                "no such folder", folder.string());
  }
  std::vector<std::string> names;
  std::filesystem::directory_iterator it(folder, ec), end;
  if (ec) throw Error(ErrorCode::Io, "cannot list the folder: " + ec.message(), folder.string());
  for (; it != end; it.increment(ec)) {
    if (ec) throw Error(ErrorCode::Io, "cannot list the folder: " + ec.message(), folder.string());
    const std::filesystem::path& p = it->path();
    std::error_code fec;
    if (p.extension() == ".npy" && it->is_regular_file(fec)) names.push_back(p.filename().string());
  }
  std::sort(names.begin(), names.end(), naturalLess);
  for (const std::string& fileName : names) {
    const std::filesystem::path p = folder / fileName;
    RawTensor t = readNpyFile(p, fileName.substr(0, fileName.size() - 4));
    c.fileBytes += t.where.file->size();
    c.tensors.push_back(std::move(t));
  }
  c.metadata = readSidecar(folder / "metadata.json", folder);
  return c;
}

}  // namespace vq::io
