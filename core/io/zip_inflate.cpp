#include "core/io/zip_inflate.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/common/error.h"

namespace vq::io {

namespace {

constexpr uint64_t kMaxChunk = 1u << 30;  // zlib counts in 32-bit uInt

[[noreturn]] void corrupt(const std::string& detail) { throw Error(ErrorCode::Corrupt, detail); }

// A raw-deflate zlib stream over `in` that fills output buffers piece by piece.
class Inflater {
 public:
  explicit Inflater(std::span<const std::byte> in) : m_in(in) {
    if (inflateInit2(&m_z, -MAX_WBITS) != Z_OK) corrupt("zlib could not start inflating");
  }
  ~Inflater() { inflateEnd(&m_z); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  // Fills `out` as far as possible. Returns bytes written; sets ended() at the end of the stream.
  uint64_t fill(std::span<std::byte> out) {
    uint64_t written = 0;
    while (written < out.size() && !m_ended) {
      if (m_z.avail_in == 0 && m_inPos < m_in.size()) {
        const uint64_t n = std::min<uint64_t>(m_in.size() - m_inPos, kMaxChunk);
        m_z.next_in = reinterpret_cast<Bytef*>(const_cast<std::byte*>(m_in.data() + m_inPos));
        m_z.avail_in = uInt(n);
        m_inPos += n;
      }
      const uint64_t room = std::min<uint64_t>(out.size() - written, kMaxChunk);
      m_z.next_out = reinterpret_cast<Bytef*>(out.data() + written);
      m_z.avail_out = uInt(room);
      const int rc = inflate(&m_z, Z_NO_FLUSH);
      written += room - m_z.avail_out;
      if (rc == Z_STREAM_END) {
        m_ended = true;
      } else if (rc == Z_BUF_ERROR && m_z.avail_in == 0 && m_inPos >= m_in.size()) {
        corrupt("the deflate stream ends early (the member is truncated)");
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        corrupt(std::string("invalid deflate data: ") + (m_z.msg ? m_z.msg : "zlib error"));
      }
    }
    return written;
  }
  bool ended() const { return m_ended; }

 private:
  z_stream m_z{};
  std::span<const std::byte> m_in;
  uint64_t m_inPos = 0;
  bool m_ended = false;
};

}  // namespace

uint64_t inflatePrefix(std::span<const std::byte> compressed, std::span<std::byte> out) {
  Inflater inf(compressed);
  return inf.fill(out);
}

uint32_t inflateExactly(std::span<const std::byte> compressed, std::span<std::byte> out) {
  Inflater inf(compressed);
  const uint64_t n = inf.fill(out);
  if (n < out.size()) {
    corrupt("the deflate stream yields " + std::to_string(n) + " bytes, " +
            std::to_string(out.size()) + " were declared");
  }
  if (!inf.ended()) {
    std::byte extra[1];
    if (inf.fill(extra) > 0) {
      corrupt("the deflate stream yields more than the " + std::to_string(out.size()) +
              " bytes declared");
    }
  }
  return crc32Of(out);
}

void verifyDeflated(std::span<const std::byte> compressed, uint64_t expectedBytes, uint32_t expectedCrc) {
  Inflater inf(compressed);
  std::vector<std::byte> buf(std::min<uint64_t>(expectedBytes + 1, 1u << 18));
  uint64_t total = 0;
  uint32_t crc = 0;
  while (!inf.ended()) {
    const uint64_t n = inf.fill(buf);
    crc = crc32Of(std::span(buf.data(), size_t(n)), crc);
    total += n;
    if (total > expectedBytes) {
      corrupt("the deflate stream yields more than the " + std::to_string(expectedBytes) +
              " bytes declared");
    }
    if (n == 0) break;
  }
  if (total != expectedBytes) {
    corrupt("the deflate stream yields " + std::to_string(total) + " bytes, " +
            std::to_string(expectedBytes) + " were declared");
  }
  if (crc != expectedCrc) {
    char hex[64];
    std::snprintf(hex, sizeof hex, "CRC32 mismatch: stored %08x, computed %08x", expectedCrc, crc);
    corrupt(hex);
  }
}

uint32_t crc32Of(std::span<const std::byte> data, uint32_t crc) {
  uLong c = crc;
  size_t pos = 0;
  while (pos < data.size()) {
    const size_t n = std::min<size_t>(data.size() - pos, kMaxChunk);
    c = ::crc32(c, reinterpret_cast<const Bytef*>(data.data() + pos), uInt(n));
    pos += n;
  }
  return uint32_t(c);
}

}  // namespace vq::io
