// readNpz: a .npz (ZIP archive of .npy members), see container_readers.h.
#include <array>
#include <set>

#include "core/common/error.h"
#include "core/io/byte_io.h"
#include "core/io/container_readers.h"
#include "core/io/dump_metadata.h"
#include "core/io/npy_format.h"
#include "core/io/zip_archive.h"
#include "core/io/zip_inflate.h"

namespace vq::io {

namespace {

RawTensor fromNpyHeader(const NpyHeader& h, std::string name) {
  RawTensor t;
  t.name = std::move(name);
  t.dtypeText = h.descr;
  t.dtype = npyDtype(h, false);
  t.rawTwoByte = h.descr == "<V2" || h.descr == "|V2";
  t.fortranOrder = h.fortranOrder;
  t.shape = h.shape;
  t.bytes = h.dataBytes.value_or(0);
  return t;
}

// Runs `f`, giving errors without a position the member's offset.
template <typename F>
auto atOffset(uint64_t offset, F&& f) {
  try {
    return f();
  } catch (const Error& e) {
    if (e.offset() >= 0) throw;
    throw Error(e.code(), e.detail(), e.file(), e.tensor(), int64_t(offset));
  }
}

[[noreturn]] void memberTooShort(const NpyHeader& h, uint64_t available, uint64_t at) {
  throw Error(ErrorCode::Truncated,
              "the data holds " + std::to_string(available) + " bytes, but shape " + shapeText(h.shape) +
                  " of '" + h.descr + "' needs " + std::to_string(*h.dataBytes),
              {}, {}, int64_t(at));
}

RawTensor storedMember(const std::shared_ptr<const MappedFile>& file, const ZipEntry& z, std::string name) {
  if (z.compressedSize != z.uncompressedSize) {
    throw Error(ErrorCode::Corrupt,
                "a stored member whose compressed and uncompressed sizes differ (" +
                    std::to_string(z.compressedSize) + " vs " + std::to_string(z.uncompressedSize) + ")",
                {}, {}, int64_t(z.localHeaderOffset));
  }
  const auto member = file->bytes().subspan(size_t(z.dataOffset), size_t(z.compressedSize));
  const NpyHeader h = parseNpyHeader(member, z.dataOffset);
  RawTensor t = fromNpyHeader(h, std::move(name));
  if (h.dataBytes && *h.dataBytes > member.size() - h.dataOffset) {
    memberTooShort(h, member.size() - h.dataOffset, z.dataOffset + h.dataOffset);
  }
  t.where.file = file;
  t.where.offset = z.dataOffset + h.dataOffset;
  t.where.size = t.bytes;
  t.fileOffset = t.where.offset;
  return t;
}

RawTensor deflatedMember(const std::shared_ptr<const MappedFile>& file, const ZipEntry& z, std::string name) {
  const auto at = int64_t(z.dataOffset);
  if (!plausibleInflatedSize(z.compressedSize, z.uncompressedSize)) {
    throw Error(ErrorCode::Corrupt,
                "the directory declares " + std::to_string(z.uncompressedSize) + " bytes inflated from " +
                    std::to_string(z.compressedSize) + ", more than deflate can produce",
                {}, {}, at);
  }
  const auto compressed = file->bytes().subspan(size_t(z.dataOffset), size_t(z.compressedSize));
  std::array<std::byte, kNpyPreambleBytes> pre{};
  const auto preSpan = std::span(pre).first(size_t(std::min<uint64_t>(pre.size(), z.uncompressedSize)));
  const uint64_t n = atOffset(z.dataOffset, [&] { return inflatePrefix(compressed, preSpan); });
  const std::optional<uint64_t> headerSize = npyHeaderSize(std::span(pre).first(size_t(n)), z.dataOffset);
  if (!headerSize || *headerSize > z.uncompressedSize) {
    throw Error(ErrorCode::Truncated, "the member is too short for its .npy header", {}, {}, at);
  }
  std::vector<std::byte> header(static_cast<size_t>(*headerSize));  // at most kNpyMaxHeaderBytes
  if (atOffset(z.dataOffset, [&] { return inflatePrefix(compressed, header); }) != header.size()) {
    throw Error(ErrorCode::Truncated, "the member ends inside its .npy header", {}, {}, at);
  }
  const NpyHeader h = parseNpyHeader(header, z.dataOffset);
  RawTensor t = fromNpyHeader(h, std::move(name));
  if (h.dataBytes && *h.dataBytes > z.uncompressedSize - h.dataOffset) {
    memberTooShort(h, z.uncompressedSize - h.dataOffset, z.dataOffset);
  }
  atOffset(z.dataOffset, [&] { verifyDeflated(compressed, z.uncompressedSize, z.crc32); });
  t.where.file = file;
  t.where.offset = z.dataOffset;
  t.where.size = z.compressedSize;
  t.where.deflated = true;
  t.where.memberBytes = z.uncompressedSize;
  t.where.payloadOffset = h.dataOffset;
  t.where.payloadBytes = t.bytes;
  t.where.crc32 = z.crc32;
  t.fileOffset = z.dataOffset;
  return t;
}

}  // namespace

ContainerContents readNpz(const std::filesystem::path& path) {
  ContainerContents c;
  c.container = "npz";
  try {
    const auto file = MappedFile::open(path);
    c.fileBytes = file->size();
    const std::vector<ZipEntry> entries = readZipDirectory(file->bytes());
    std::set<std::string> names;
    for (const ZipEntry& z : entries) {
      if (!z.name.ends_with(".npy")) continue;
      std::string name = z.name.substr(0, z.name.size() - 4);
      try {
        if (!names.insert(name).second) {
          throw Error(ErrorCode::DuplicateTensor, "the archive holds two members named '" + z.name + "'",
                      {}, {}, int64_t(z.localHeaderOffset));
        }
        if (z.encrypted()) {
          throw Error(ErrorCode::UnsupportedCompression, "the member is encrypted", {}, {},
                      int64_t(z.localHeaderOffset));
        }
        if (z.method == 0) c.tensors.push_back(storedMember(file, z, name));
        else if (z.method == 8) c.tensors.push_back(deflatedMember(file, z, name));
        else {
          throw Error(ErrorCode::UnsupportedCompression,
                      "the member is compressed with " + zipMethodName(z.method) +
                          "; only stored and deflate members are supported",
                      {}, {}, int64_t(z.localHeaderOffset));
        }
        c.tensors.back().file = path.string();
      } catch (const Error& e) {
        throw e.withTensor(name);
      }
    }
    c.metadata = readSidecar(sidecarPathFor(path), path);
  } catch (const Error& e) {
    throw e.withFile(path.string());
  }
  return c;
}

}  // namespace vq::io
