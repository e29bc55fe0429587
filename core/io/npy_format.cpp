#include "core/io/npy_format.h"

#include <cstring>

#include "core/common/error.h"
#include "core/io/byte_io.h"
#include "core/io/python_literal.h"

namespace vq::io {

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicLen = 6;

bool magicMatches(std::span<const std::byte> b) {
  const size_t n = std::min(b.size(), kMagicLen);
  return std::memcmp(b.data(), kMagic, n) == 0;
}

// Item size from a simple descr like '<f8', '|b1', '<U10'; nullopt for 'O', structured, ...
std::optional<uint64_t> itemSizeOf(std::string_view descr) {
  if (descr.size() < 3) return std::nullopt;
  const char order = descr[0];
  if (order != '<' && order != '>' && order != '|' && order != '=') return std::nullopt;
  const char kind = descr[1];
  uint64_t n = 0;
  for (size_t i = 2; i < descr.size(); ++i) {
    if (descr[i] < '0' || descr[i] > '9' || n > (1u << 30)) return std::nullopt;
    n = n * 10 + uint64_t(descr[i] - '0');
  }
  if (kind == 'U') n *= 4;  // UCS-4 characters
  if (n == 0 || kind == 'O') return std::nullopt;
  return n;
}

}  // namespace

std::optional<uint64_t> npyHeaderSize(std::span<const std::byte> prefix, uint64_t baseOffset) {
  if (!magicMatches(prefix)) {
    throw Error(ErrorCode::BadMagic, "not a .npy array: it does not start with \\x93NUMPY", {}, {},
                int64_t(baseOffset));
  }
  if (prefix.size() < 10) return std::nullopt;
  const auto major = uint8_t(prefix[6]);
  const auto minor = uint8_t(prefix[7]);
  uint64_t total;
  if (major == 1) {
    total = 10 + uint64_t(loadLE16(prefix.data() + 8));
  } else if (major == 2 || major == 3) {
    if (prefix.size() < 12) return std::nullopt;
    total = 12 + uint64_t(loadLE32(prefix.data() + 8));
  } else {
    throw Error(ErrorCode::BadHeader,
                "unsupported .npy format version " + std::to_string(major) + "." +
                    std::to_string(minor) + " (1.0, 2.0 and 3.0 are supported)",
                {}, {}, int64_t(baseOffset + 6));
  }
  if (total > kNpyMaxHeaderBytes) {
    throw Error(ErrorCode::BadHeader,
                ".npy header of " + std::to_string(total) + " bytes is longer than the " +
                    std::to_string(kNpyMaxHeaderBytes) + " bytes accepted",
                {}, {}, int64_t(baseOffset + 8));
  }
  return total;
}

NpyHeader parseNpyHeader(std::span<const std::byte> bytes, uint64_t baseOffset) {
  if (bytes.empty()) throw Error(ErrorCode::Truncated, "the .npy data is empty", {}, {}, int64_t(baseOffset));
  const std::optional<uint64_t> total = npyHeaderSize(bytes, baseOffset);
  if (!total) {
    throw Error(ErrorCode::Truncated,
                "only " + std::to_string(bytes.size()) + " bytes: too short for a .npy header", {}, {},
                int64_t(baseOffset));
  }
  if (*total > bytes.size()) {
    throw Error(ErrorCode::BadHeader,
                ".npy header length " + std::to_string(*total) + " runs past the end of the data (" +
                    std::to_string(bytes.size()) + " bytes)",
                {}, {}, int64_t(baseOffset + 8));
  }
  const size_t pre = uint8_t(bytes[6]) == 1 ? 10 : 12;
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()) + pre, size_t(*total) - pre);

  nlohmann::json dict;
  try {
    dict = parsePythonLiteral(text);
  } catch (const PythonIntegerOverflow& e) {
    throw Error(ErrorCode::BadShape, std::string(".npy header: ") + e.what(), {}, {},
                int64_t(baseOffset + pre + e.position));
  } catch (const PythonLiteralError& e) {
    throw Error(ErrorCode::BadHeader, std::string(".npy header is not a Python dict literal: ") + e.what(),
                {}, {}, int64_t(baseOffset + pre + e.position));
  }
  const int64_t hdrOffset = int64_t(baseOffset + pre);
  if (!dict.is_object()) throw Error(ErrorCode::BadHeader, ".npy header is not a dict", {}, {}, hdrOffset);
  for (const char* key : {"descr", "fortran_order", "shape"}) {
    if (!dict.contains(key)) {
      throw Error(ErrorCode::BadHeader, std::string(".npy header lacks the key '") + key + "'", {}, {},
                  hdrOffset);
    }
  }

  NpyHeader h;
  h.dataOffset = *total;
  const nlohmann::json& descr = dict["descr"];
  if (descr.is_string()) {
    h.descr = descr.get<std::string>();
    h.itemSize = itemSizeOf(h.descr);
  } else if (descr.is_array()) {
    h.descr = "structured " + descr.dump();
  } else {
    throw Error(ErrorCode::BadHeader, ".npy header: 'descr' is neither a string nor a list", {}, {},
                hdrOffset);
  }
  if (!dict["fortran_order"].is_boolean()) {
    throw Error(ErrorCode::BadHeader, ".npy header: 'fortran_order' is not True or False", {}, {},
                hdrOffset);
  }
  h.fortranOrder = dict["fortran_order"].get<bool>();
  const nlohmann::json& shape = dict["shape"];
  if (!shape.is_array()) throw Error(ErrorCode::BadHeader, ".npy header: 'shape' is not a tuple", {}, {}, hdrOffset);
  for (const auto& d : shape) {
    if (!d.is_number_integer()) {
      throw Error(ErrorCode::BadHeader, ".npy header: 'shape' holds a non-integer " + d.dump(), {}, {},
                  hdrOffset);
    }
    h.shape.push_back(d.get<int64_t>());
  }
  for (int64_t d : h.shape) {
    if (d < 0) {
      throw Error(ErrorCode::BadShape, "negative dimension in shape " + shapeText(h.shape), {}, {},
                  hdrOffset);
    }
  }
  const auto bytesNeeded = checkedByteCount(h.shape, h.itemSize.value_or(1));
  if (!bytesNeeded) {
    throw Error(ErrorCode::BadShape, "shape " + shapeText(h.shape) + " overflows 64-bit sizes", {}, {},
                hdrOffset);
  }
  if (h.itemSize) h.dataBytes = *bytesNeeded;
  return h;
}

std::optional<DType> npyDtype(const NpyHeader& h, bool bf16Declared) {
  if (h.descr == "<f4") return DType::F32;
  if (h.descr == "<f2") return DType::F16;
  if (bf16Declared && (h.descr == "<V2" || h.descr == "|V2")) return DType::BF16;
  return std::nullopt;
}

std::string unsupportedNpyDtypeText(std::string_view descr) {
  std::string s = "dtype '" + std::string(descr) + "' is not supported; f32 ('<f4'), f16 ('<f2') and bf16 are";
  if (descr == "<V2" || descr == "|V2") {
    s += " (raw 2-byte values are read as bf16 when the sidecar declares \"dtype\": \"bf16\")";
  } else if (!descr.empty() && descr[0] == '>') {
    s += " (big-endian data must be converted to little-endian)";
  }
  return s;
}

std::string_view npyDescr(DType t) {
  switch (t) {
    case DType::F32: return "<f4";
    case DType::F16: return "<f2";
    case DType::BF16: return "<V2";
  }
  return "<f4";
}

std::string buildNpyHeader(DType t, std::span<const int64_t> shape) {
  std::string dict = "{'descr': '" + std::string(npyDescr(t)) + "', 'fortran_order': False, 'shape': (";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) dict += ", ";
    dict += std::to_string(shape[i]);
  }
  if (shape.size() == 1) dict += ",";
  dict += "), }";
  // v1 when the padded header fits in 65535 bytes; otherwise v2 (4-byte length).
  for (const int version : {1, 2}) {
    const size_t pre = version == 1 ? 10 : 12;
    const size_t unpadded = pre + dict.size() + 1;  // + '\n'
    const size_t total = (unpadded + 63) / 64 * 64;
    const size_t headerLen = total - pre;
    if (version == 1 && headerLen > 0xFFFF) continue;
    std::string out(kMagic, kMagicLen);
    out.push_back(char(version));
    out.push_back(0);
    if (version == 1) putLE16(out, uint16_t(headerLen));
    else putLE32(out, uint32_t(headerLen));
    out += dict;
    out.append(total - unpadded, ' ');
    out.push_back('\n');
    return out;
  }
  return {};
}

}  // namespace vq::io
