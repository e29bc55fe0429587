// The .npz half of DumpWriter: a ZIP archive of STORED .npy members, numpy-compatible, with ZIP64
// records where a size or offset does not fit 32 bits (see zip_archive.h for the format facts).
// All offsets are computed up front; only each member's CRC32 is patched after its data.
#include "core/common/error.h"
#include "core/io/byte_io.h"
#include "core/io/container_sink.h"
#include "core/io/npy_format.h"
#include "core/io/zip_inflate.h"

namespace vq::io {

namespace {

constexpr uint64_t kMax32 = 0xFFFFFFFFu;
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01, so the output is reproducible
constexpr uint16_t kDosTime = 0;
constexpr uint16_t kUnix = 3 << 8;

struct Entry {
  std::string name;        // "<tensor>.npy"
  std::string npyHeader;
  uint64_t memberBytes = 0;
  uint64_t localOffset = 0;
  bool bigSizes = false;   // sizes in ZIP64 extras (local and central)
  bool bigOffset = false;  // local header offset in the central ZIP64 extra
  uint32_t crc = 0;

  uint16_t flags() const {
    for (unsigned char c : name) {
      if (c >= 0x80) return 0x800;  // UTF-8 name
    }
    return 0;
  }
  uint16_t versionNeeded() const { return bigSizes || bigOffset ? 45 : 20; }
  size_t localHeaderBytes() const { return 30 + name.size() + (bigSizes ? 20 : 0); }
  size_t centralExtraBytes() const {
    const size_t fields = (bigSizes ? 2 : 0) + (bigOffset ? 1 : 0);
    return fields ? 4 + 8 * fields : 0;
  }
  size_t centralBytes() const { return 46 + name.size() + centralExtraBytes(); }
};

class NpzSink final : public ContainerSink {
 public:
  NpzSink(const std::vector<TensorSpec>& tensors, const std::vector<uint64_t>& payloadBytes, bool forceZip64)
  {
    uint64_t pos = 0;
    for (size_t i = 0; i < tensors.size(); ++i) {
      Entry e;
      e.name = tensors[i].name + ".npy";
      if (e.name.size() > 0xFFFF) throw Error(ErrorCode::InvalidArgument, "tensor name too long", {}, tensors[i].name);
      e.npyHeader = buildNpyHeader(tensors[i].dtype, tensors[i].shape);
      e.memberBytes = e.npyHeader.size() + payloadBytes[i];
      e.localOffset = pos;
      e.bigSizes = forceZip64 || e.memberBytes >= kMax32;
      e.bigOffset = forceZip64 || e.localOffset >= kMax32;
      pos += e.localHeaderBytes() + e.memberBytes;
      m_entries.push_back(std::move(e));
    }
    m_cdOffset = pos;
    for (const Entry& e : m_entries) m_cdBytes += e.centralBytes();
    m_zip64End = forceZip64 || m_entries.size() >= 0xFFFF || m_cdOffset >= kMax32 || m_cdBytes >= kMax32;
    m_total = m_cdOffset + m_cdBytes + (m_zip64End ? 56 + 20 : 0) + 22;
  }

  uint64_t totalBytes() const override { return m_total; }
  void begin(AtomicFile&) override {}

  void beginTensor(AtomicFile& f, size_t index) override {
    Entry& e = m_entries[index];
    if (f.position() != e.localOffset) throw Error(ErrorCode::Internal, "npz writer lost its place");
    std::string h;
    putLE32(h, 0x04034b50);
    putLE16(h, e.versionNeeded());
    putLE16(h, e.flags());
    putLE16(h, 0);  // stored
    putLE16(h, kDosTime);
    putLE16(h, kDosDate);
    putLE32(h, 0);  // CRC32, patched by endTensor
    putLE32(h, uint32_t(e.bigSizes ? kMax32 : e.memberBytes));
    putLE32(h, uint32_t(e.bigSizes ? kMax32 : e.memberBytes));
    putLE16(h, uint16_t(e.name.size()));
    putLE16(h, uint16_t(e.bigSizes ? 20 : 0));
    h += e.name;
    if (e.bigSizes) {
      putLE16(h, 0x0001);
      putLE16(h, 16);
      putLE64(h, e.memberBytes);  // uncompressed
      putLE64(h, e.memberBytes);  // compressed
    }
    h += e.npyHeader;
    f.write(asBytes(h));
    e.crc = crc32Of(asBytes(e.npyHeader));
    m_current = index;
  }

  void tensorData(AtomicFile& f, std::span<const std::byte> bytes) override {
    f.write(bytes);
    m_entries[m_current].crc = crc32Of(bytes, m_entries[m_current].crc);
  }

  void endTensor(AtomicFile& f, size_t index) override {
    const Entry& e = m_entries[index];
    std::byte crc[4];
    storeLE32(crc, e.crc);
    f.writeAt(e.localOffset + 14, crc);
  }

  void finish(AtomicFile& f) override {
    if (f.position() != m_cdOffset) throw Error(ErrorCode::Internal, "npz writer lost its place");
    std::string d;
    for (const Entry& e : m_entries) appendCentral(d, e);
    const uint64_t n = m_entries.size();
    if (m_zip64End) {
      const uint64_t z = m_cdOffset + m_cdBytes;
      putLE32(d, 0x06064b50);
      putLE64(d, 56 - 12);  // size of the rest of the record
      putLE16(d, kUnix | 45);
      putLE16(d, 45);
      putLE32(d, 0);
      putLE32(d, 0);
      putLE64(d, n);
      putLE64(d, n);
      putLE64(d, m_cdBytes);
      putLE64(d, m_cdOffset);
      putLE32(d, 0x07064b50);
      putLE32(d, 0);
      putLE64(d, z);
      putLE32(d, 1);
    }
    putLE32(d, 0x06054b50);
    putLE16(d, 0);
    putLE16(d, 0);
    putLE16(d, uint16_t(std::min<uint64_t>(n, 0xFFFF)));
    putLE16(d, uint16_t(std::min<uint64_t>(n, 0xFFFF)));
    putLE32(d, uint32_t(std::min(m_cdBytes, kMax32)));
    putLE32(d, uint32_t(std::min(m_cdOffset, kMax32)));
    putLE16(d, 0);  // comment length
    f.write(asBytes(d));
  }

 private:
  void appendCentral(std::string& d, const Entry& e) const {
    putLE32(d, 0x02014b50);
    putLE16(d, kUnix | e.versionNeeded());
    putLE16(d, e.versionNeeded());
    putLE16(d, e.flags());
    putLE16(d, 0);
    putLE16(d, kDosTime);
    putLE16(d, kDosDate);
    putLE32(d, e.crc);
    putLE32(d, uint32_t(e.bigSizes ? kMax32 : e.memberBytes));
    putLE32(d, uint32_t(e.bigSizes ? kMax32 : e.memberBytes));
    putLE16(d, uint16_t(e.name.size()));
    putLE16(d, uint16_t(e.centralExtraBytes()));
    putLE16(d, 0);  // comment
    putLE16(d, 0);  // disk
    putLE16(d, 0);  // internal attributes
    putLE32(d, 0644u << 16);  // external attributes: a regular file, rw-r--r--
    putLE32(d, uint32_t(e.bigOffset ? kMax32 : e.localOffset));
    d += e.name;
    if (e.centralExtraBytes()) {
      putLE16(d, 0x0001);
      putLE16(d, uint16_t(e.centralExtraBytes() - 4));
      if (e.bigSizes) {
        putLE64(d, e.memberBytes);
        putLE64(d, e.memberBytes);
      }
      if (e.bigOffset) putLE64(d, e.localOffset);
    }
  }

  std::vector<Entry> m_entries;
  uint64_t m_cdOffset = 0, m_cdBytes = 0, m_total = 0;
  bool m_zip64End = false;
  size_t m_current = 0;
};

}  // namespace

std::unique_ptr<ContainerSink> makeNpzSink(const std::vector<TensorSpec>& tensors,
                                           const std::vector<uint64_t>& payloadBytes, bool forceZip64) {
  return std::make_unique<NpzSink>(tensors, payloadBytes, forceZip64);
}

}  // namespace vq::io
