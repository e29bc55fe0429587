// Reading the directory of a ZIP archive (what a .npz is), including ZIP64 archives. Entries are
// located, not extracted: stored members are used in place from the mapping, deflated members are
// inflated by zip_inflate.h.
//
// Format facts (PKWARE APPNOTE 6.3): the End Of Central Directory record (EOCD, "PK\5\6", 22 bytes
// + comment) ends the file; when a count, size or offset does not fit its 16/32-bit field, the
// field holds all ones and the real value is in the ZIP64 EOCD record ("PK\6\6"), found through
// the ZIP64 locator ("PK\6\7", 20 bytes, right before the EOCD). Each central directory entry
// ("PK\1\2", 46 bytes + name + extra + comment) gives method, CRC32, sizes and the offset of the
// local header ("PK\3\4", 30 bytes + name + extra) after which the member's data starts. Saturated
// sizes/offsets of an entry are in its ZIP64 extra field (id 0x0001), in the order
// uncompressed size, compressed size, local header offset, disk number.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace vq::io {

struct ZipEntry {
  std::string name;
  uint16_t method = 0;       // 0 stored, 8 deflate, others unsupported
  uint16_t flags = 0;        // bit 0: encrypted
  uint32_t crc32 = 0;
  uint64_t compressedSize = 0;
  uint64_t uncompressedSize = 0;
  uint64_t localHeaderOffset = 0;
  uint64_t dataOffset = 0;   // first byte of the member's (compressed) data in the file
  bool encrypted() const { return flags & 1u; }
};

// Parses the central directory of the archive `file` and resolves every entry's data offset.
// Checks that the directory, each local header and each member's data lie inside the file.
// Throws vq::Error (without the file name; callers add it): Truncated (empty file / no EOCD),
// BadMagic (not a zip), Corrupt (bad signatures, directory outside the file, multi-part archives),
// OffsetOutOfRange (a local header or member data outside the file).
std::vector<ZipEntry> readZipDirectory(std::span<const std::byte> file);

// A readable name for a compression method number ("bzip2", "LZMA", "zstd", ...).
std::string zipMethodName(uint16_t method);

}  // namespace vq::io
