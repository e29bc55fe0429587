#include "core/io/zip_archive.h"

#include <algorithm>
#include <cstring>

#include "core/common/error.h"
#include "core/io/byte_io.h"

namespace vq::io {

namespace {

constexpr uint32_t kLocalSig = 0x04034b50;
constexpr uint32_t kCentralSig = 0x02014b50;
constexpr uint32_t kEocdSig = 0x06054b50;
constexpr uint32_t kZip64EocdSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr size_t kEocdSize = 22;
constexpr size_t kZip64EocdSize = 56;
constexpr size_t kZip64LocatorSize = 20;
constexpr size_t kCentralSize = 46;
constexpr size_t kLocalSize = 30;

[[noreturn]] void fail(ErrorCode code, std::string detail, uint64_t offset, std::string tensor = {}) {
  throw Error(code, std::move(detail), {}, std::move(tensor), int64_t(offset));
}

struct DirectoryLocation {
  uint64_t entries = 0;
  uint64_t size = 0;
  uint64_t offset = 0;
  uint64_t end = 0;  // where the directory must end: the ZIP64 EOCD or the EOCD
};

// Finds the EOCD scanning back over a possible archive comment (at most 65535 bytes).
uint64_t findEocd(std::span<const std::byte> f) {
  const uint64_t size = f.size();
  const uint64_t last = size - kEocdSize;
  const uint64_t first = last > 0xFFFF ? last - 0xFFFF : 0;
  for (uint64_t p = last + 1; p-- > first;) {
    if (loadLE32(f.data() + p) != kEocdSig) continue;
    const uint64_t comment = loadLE16(f.data() + p + 20);
    if (p + kEocdSize + comment <= size) return p;
  }
  fail(ErrorCode::Truncated,
       "no end-of-central-directory record: the archive is truncated or damaged", size);
}

DirectoryLocation locateDirectory(std::span<const std::byte> f) {
  const uint64_t eocd = findEocd(f);
  const std::byte* e = f.data() + eocd;
  DirectoryLocation d;
  const uint16_t disk = loadLE16(e + 4), cdDisk = loadLE16(e + 6);
  d.entries = loadLE16(e + 10);
  d.size = loadLE32(e + 12);
  d.offset = loadLE32(e + 16);
  d.end = eocd;
  bool zip64 = false;
  if (eocd >= kZip64LocatorSize && loadLE32(e - kZip64LocatorSize) == kZip64LocatorSig) {
    const std::byte* loc = e - kZip64LocatorSize;
    const uint64_t z = loadLE64(loc + 8);
    const uint64_t locatorAt = eocd - kZip64LocatorSize;
    if (z > locatorAt || locatorAt - z < kZip64EocdSize) {
      fail(ErrorCode::Corrupt,
           "the ZIP64 locator points to byte " + std::to_string(z) + ", outside the archive", locatorAt);
    }
    const std::byte* r = f.data() + z;
    if (loadLE32(r) != kZip64EocdSig) {
      fail(ErrorCode::Corrupt, "no ZIP64 end-of-central-directory record where the locator points", z);
    }
    if (loadLE32(r + 16) != 0 || loadLE32(r + 20) != 0) {
      fail(ErrorCode::Corrupt, "multi-part zip archives are not supported", z);
    }
    d.entries = loadLE64(r + 32);
    d.size = loadLE64(r + 40);
    d.offset = loadLE64(r + 48);
    d.end = z;
    zip64 = true;
  }
  if (!zip64 && (d.entries == 0xFFFF || d.size == 0xFFFFFFFFu || d.offset == 0xFFFFFFFFu)) {
    fail(ErrorCode::Corrupt, "the end record needs a ZIP64 record, but there is none", eocd);
  }
  if (!zip64 && (disk != 0 || cdDisk != 0)) {
    fail(ErrorCode::Corrupt, "multi-part zip archives are not supported", eocd);
  }
  const auto cdEnd = checkedAdd(d.offset, d.size);
  if (!cdEnd || *cdEnd > d.end) {
    fail(ErrorCode::Corrupt,
         "the central directory (" + std::to_string(d.size) + " bytes at byte " +
             std::to_string(d.offset) + ") lies outside the archive",
         eocd);
  }
  if (d.entries > d.size / kCentralSize) {
    fail(ErrorCode::Corrupt,
         std::to_string(d.entries) + " entries cannot fit in a central directory of " +
             std::to_string(d.size) + " bytes",
         eocd);
  }
  return d;
}

// Applies the ZIP64 extra field (id 0x0001) to the saturated fields of one entry.
void applyZip64Extra(std::span<const std::byte> extra, ZipEntry& z, bool diskSaturated, uint64_t at) {
  const bool needU = z.uncompressedSize == 0xFFFFFFFFu;
  const bool needC = z.compressedSize == 0xFFFFFFFFu;
  const bool needO = z.localHeaderOffset == 0xFFFFFFFFu;
  size_t p = 0;
  bool found = false;
  while (p + 4 <= extra.size()) {
    const uint16_t id = loadLE16(extra.data() + p);
    const uint16_t len = loadLE16(extra.data() + p + 2);
    if (p + 4 + len > extra.size()) break;
    if (id == 0x0001) {
      const std::byte* q = extra.data() + p + 4;
      const size_t need = 8 * (size_t(needU) + needC + needO) + (diskSaturated ? 4 : 0);
      if (len < need) fail(ErrorCode::Corrupt, "ZIP64 extra field of '" + z.name + "' is too short", at);
      if (needU) { z.uncompressedSize = loadLE64(q); q += 8; }
      if (needC) { z.compressedSize = loadLE64(q); q += 8; }
      if (needO) { z.localHeaderOffset = loadLE64(q); q += 8; }
      found = true;
      break;
    }
    p += 4 + size_t(len);
  }
  if (!found && (needU || needC || needO)) {
    fail(ErrorCode::Corrupt, "entry '" + z.name + "' needs a ZIP64 extra field, but has none", at);
  }
}

void resolveDataOffset(std::span<const std::byte> f, ZipEntry& z, uint64_t cdOffset) {
  const auto headerEnd = checkedAdd(z.localHeaderOffset, kLocalSize);
  if (!headerEnd || *headerEnd > cdOffset) {
    fail(ErrorCode::OffsetOutOfRange,
         "the central directory places the local header of '" + z.name + "' at byte " +
             std::to_string(z.localHeaderOffset) + ", outside the archive's data (" +
             std::to_string(cdOffset) + " bytes)",
         z.localHeaderOffset, z.name);
  }
  const std::byte* h = f.data() + z.localHeaderOffset;
  if (loadLE32(h) != kLocalSig) {
    fail(ErrorCode::Corrupt, "no local file header where the directory says '" + z.name + "' starts",
         z.localHeaderOffset, z.name);
  }
  const uint64_t data = *headerEnd + loadLE16(h + 26) + loadLE16(h + 28);
  const auto dataEnd = checkedAdd(data, z.compressedSize);
  if (!dataEnd || *dataEnd > cdOffset) {
    fail(ErrorCode::OffsetOutOfRange,
         "the data of '" + z.name + "' (" + std::to_string(z.compressedSize) + " bytes at byte " +
             std::to_string(data) + ") runs past the archive's data (" + std::to_string(cdOffset) +
             " bytes)",
         data, z.name);
  }
  z.dataOffset = data;
}

}  // namespace

std::vector<ZipEntry> readZipDirectory(std::span<const std::byte> f) {
  if (f.empty()) fail(ErrorCode::Truncated, "the file is empty", 0);
  const bool startsPK = f.size() >= 4 && (loadLE32(f.data()) == kLocalSig || loadLE32(f.data()) == kEocdSig);
  if (!startsPK) {
    if (f.size() < 4 && std::memcmp(f.data(), "PK\3\4", f.size()) == 0) {
      fail(ErrorCode::Truncated, "the file ends inside the first zip header", 0);
    }
    fail(ErrorCode::BadMagic, "not a zip archive: it does not start with PK\\3\\4", 0);
  }
  if (f.size() < kEocdSize) fail(ErrorCode::Truncated, "the archive is truncated", f.size());

  const DirectoryLocation d = locateDirectory(f);
  std::vector<ZipEntry> entries;
  entries.reserve(size_t(d.entries));  // bounded by d.size / 46 above
  uint64_t p = d.offset;
  const uint64_t cdEnd = d.offset + d.size;
  for (uint64_t i = 0; i < d.entries; ++i) {
    if (p + kCentralSize > cdEnd || loadLE32(f.data() + p) != kCentralSig) {
      fail(ErrorCode::Corrupt, "central directory entry " + std::to_string(i) + " is damaged", p);
    }
    const std::byte* c = f.data() + p;
    ZipEntry z;
    z.flags = loadLE16(c + 8);
    z.method = loadLE16(c + 10);
    z.crc32 = loadLE32(c + 16);
    z.compressedSize = loadLE32(c + 20);
    z.uncompressedSize = loadLE32(c + 24);
    const uint64_t nameLen = loadLE16(c + 28), extraLen = loadLE16(c + 30), commentLen = loadLE16(c + 32);
    const uint16_t diskStart = loadLE16(c + 34);
    z.localHeaderOffset = loadLE32(c + 42);
    if (p + kCentralSize + nameLen + extraLen + commentLen > cdEnd) {
      fail(ErrorCode::Corrupt, "central directory entry " + std::to_string(i) + " runs past the directory", p);
    }
    z.name.assign(reinterpret_cast<const char*>(c + kCentralSize), size_t(nameLen));
    applyZip64Extra(f.subspan(size_t(p + kCentralSize + nameLen), size_t(extraLen)), z,
                    diskStart == 0xFFFF, p);
    if (diskStart != 0 && diskStart != 0xFFFF) {
      fail(ErrorCode::Corrupt, "multi-part zip archives are not supported", p, z.name);
    }
    resolveDataOffset(f, z, d.offset);
    entries.push_back(std::move(z));
    p += kCentralSize + nameLen + extraLen + commentLen;
  }
  return entries;
}

std::string zipMethodName(uint16_t method) {
  switch (method) {
    case 0: return "stored";
    case 8: return "deflate";
    case 9: return "deflate64";
    case 12: return "bzip2";
    case 14: return "LZMA";
    case 93: return "zstd";
    case 95: return "xz";
    case 99: return "AES encryption";
    default: return "method " + std::to_string(method);
  }
}

}  // namespace vq::io
