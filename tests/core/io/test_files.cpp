#include "test_files.h"

#include <zlib.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>

#include <unistd.h>

namespace vq::test {

namespace {

void putLE(std::string& s, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s.push_back(char((v >> (8 * i)) & 0xFF));
}

uint32_t crcOf(std::string_view s) {
  return uint32_t(::crc32(0, reinterpret_cast<const Bytef*>(s.data()), uInt(s.size())));
}

}  // namespace

TempDir::TempDir(std::string_view tag) {
  static std::atomic<int> counter{0};
  m_path = std::filesystem::temp_directory_path() /
           (std::string(tag) + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(m_path);
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
  std::filesystem::remove_all(m_path, ec);
}

void writeBytes(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string readBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string floatBytes(const std::vector<float>& v) {
  return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float));
}

std::vector<float> testValues(size_t count, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(-2.0f, 2.0f);
  std::vector<float> v(count);
  for (float& x : v) x = dist(rng);
  return v;
}

std::string pyShape(const std::vector<int64_t>& shape) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  if (shape.size() == 1) s += ",";
  return s + ")";
}

std::string npyWithHeaderText(std::string_view dict, std::string_view payload) {
  const size_t unpadded = 10 + dict.size() + 1;
  const size_t total = (unpadded + 63) / 64 * 64;
  std::string out = "\x93NUMPY";
  out.push_back(1);
  out.push_back(0);
  putLE(out, total - 10, 2);
  out += dict;
  out.append(total - unpadded, ' ');
  out.push_back('\n');
  return out + std::string(payload);
}

std::string npyBytes(std::string_view descr, std::string_view shapeText, std::string_view payload,
                     bool fortranOrder) {
  const std::string dict = "{'descr': '" + std::string(descr) + "', 'fortran_order': " +
                           (fortranOrder ? "True" : "False") + ", 'shape': " + std::string(shapeText) + ", }";
  return npyWithHeaderText(dict, payload);
}

std::string npyBytes(std::string_view descr, const std::vector<int64_t>& shape, std::string_view payload,
                     bool fortranOrder) {
  return npyBytes(descr, pyShape(shape), payload, fortranOrder);
}

std::string npyF32(const std::vector<int64_t>& shape, const std::vector<float>& values) {
  return npyBytes("<f4", shape, floatBytes(values));
}

std::string deflateRaw(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, uLong(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = uInt(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = uInt(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string zipBytes(const std::vector<ZipMember>& members) {
  std::string zip, central;
  for (const ZipMember& m : members) {
    const std::string stored = m.deflate ? deflateRaw(m.data) : m.data;
    const uint16_t method = m.method.value_or(m.deflate ? 8 : 0);
    const uint32_t crc = m.crc.value_or(crcOf(m.data));
    const size_t local = zip.size();
    putLE(zip, 0x04034b50, 4);
    putLE(zip, 20, 2);
    putLE(zip, m.flags, 2);
    putLE(zip, method, 2);
    putLE(zip, 0, 2);
    putLE(zip, 0x21, 2);
    putLE(zip, crc, 4);
    putLE(zip, stored.size(), 4);
    putLE(zip, m.data.size(), 4);
    putLE(zip, m.name.size(), 2);
    putLE(zip, 0, 2);
    zip += m.name;
    zip += stored;

    putLE(central, 0x02014b50, 4);
    putLE(central, 20, 2);
    putLE(central, 20, 2);
    putLE(central, m.flags, 2);
    putLE(central, method, 2);
    putLE(central, 0, 2);
    putLE(central, 0x21, 2);
    putLE(central, crc, 4);
    putLE(central, stored.size(), 4);
    putLE(central, m.data.size(), 4);
    putLE(central, m.name.size(), 2);
    putLE(central, 0, 2);
    putLE(central, 0, 2);
    putLE(central, 0, 2);
    putLE(central, 0, 2);
    putLE(central, 0, 4);
    putLE(central, local, 4);
    central += m.name;
  }
  const size_t cdOffset = zip.size();
  zip += central;
  putLE(zip, 0x06054b50, 4);
  putLE(zip, 0, 2);
  putLE(zip, 0, 2);
  putLE(zip, members.size(), 2);
  putLE(zip, members.size(), 2);
  putLE(zip, central.size(), 4);
  putLE(zip, cdOffset, 4);
  putLE(zip, 0, 2);
  return zip;
}

size_t zipEocdOffset(const std::string& zip) { return zip.size() - 22; }

size_t zipCentralOffset(const std::string& zip) {
  const auto* p = reinterpret_cast<const unsigned char*>(zip.data() + zipEocdOffset(zip) + 16);
  return size_t(p[0]) | size_t(p[1]) << 8 | size_t(p[2]) << 16 | size_t(p[3]) << 24;
}

void patchLE16(std::string& s, size_t at, uint16_t v) {
  for (int i = 0; i < 2; ++i) s[at + size_t(i)] = char((v >> (8 * i)) & 0xFF);
}
void patchLE32(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + size_t(i)] = char((v >> (8 * i)) & 0xFF);
}
void patchLE64(std::string& s, size_t at, uint64_t v) {
  for (int i = 0; i < 8; ++i) s[at + size_t(i)] = char((v >> (8 * i)) & 0xFF);
}

std::string safetensorsBytes(std::string_view headerJson, std::string_view payload) {
  std::string out;
  putLE(out, headerJson.size(), 8);
  out += headerJson;
  return out + std::string(payload);
}

}  // namespace vq::test
