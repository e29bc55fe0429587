#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/io/npy_format.h"
#include "core/io/python_literal.h"

namespace vq::io {
namespace {

std::span<const std::byte> bytes(const std::string& s) { return std::as_bytes(std::span(s.data(), s.size())); }

TEST(PythonLiteral, NpyHeaderSubset) {
  const auto j = parsePythonLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 97L, 16), 'x': [None, True], }");
  EXPECT_EQ(j["descr"], "<f4");
  EXPECT_EQ(j["fortran_order"], false);
  EXPECT_EQ(j["shape"], nlohmann::json({4, 97, 16}));
  EXPECT_TRUE(j["x"][0].is_null());
  EXPECT_EQ(parsePythonLiteral("(5,)"), nlohmann::json({5}));
  EXPECT_EQ(parsePythonLiteral("()"), nlohmann::json::array());
  EXPECT_EQ(parsePythonLiteral("-3"), -3);
  EXPECT_THROW(parsePythonLiteral("{'a': 1} x"), PythonLiteralError);
  EXPECT_THROW(parsePythonLiteral("{'a': 1.5}"), PythonLiteralError);
  EXPECT_THROW(parsePythonLiteral("{'a': 1, 'a': 2}"), PythonLiteralError);
  EXPECT_THROW(parsePythonLiteral("'unterminated"), PythonLiteralError);
  EXPECT_THROW(parsePythonLiteral(std::string(100, '[')), PythonLiteralError);
  EXPECT_THROW(parsePythonLiteral("9223372036854775808"), PythonIntegerOverflow);
}

TEST(NpyFormat, BuildAndParse) {
  for (DType t : {DType::F32, DType::F16, DType::BF16}) {
    const std::vector<int64_t> shape{3, 5, 7};
    const std::string h = buildNpyHeader(t, shape);
    EXPECT_EQ(h.size() % 64, 0u);
    EXPECT_EQ(h.back(), '\n');
    const NpyHeader p = parseNpyHeader(bytes(h));
    EXPECT_EQ(p.shape, shape);
    EXPECT_EQ(p.dataOffset, h.size());
    EXPECT_EQ(p.dataBytes, 105 * dtypeSize(t));
    EXPECT_EQ(npyDtype(p, t == DType::BF16), t);
  }
  EXPECT_EQ(npyDtype(parseNpyHeader(bytes(buildNpyHeader(DType::BF16, std::vector<int64_t>{2}))), false), std::nullopt);
}

TEST(NpyFormat, LongHeadersUseVersion2) {
  const std::vector<int64_t> shape(30000, 1);
  const std::string h = buildNpyHeader(DType::F32, shape);
  EXPECT_EQ(h[6], 2);
  EXPECT_EQ(h.size() % 64, 0u);
  const NpyHeader p = parseNpyHeader(bytes(h));
  EXPECT_EQ(p.shape.size(), 30000u);
  EXPECT_EQ(p.dataBytes, 4u);
}

TEST(NpyFormat, ScalarAndOneDimensional) {
  EXPECT_NE(buildNpyHeader(DType::F32, std::vector<int64_t>{}).find("'shape': ()"), std::string::npos);
  EXPECT_NE(buildNpyHeader(DType::F32, std::vector<int64_t>{9}).find("'shape': (9,)"), std::string::npos);
}

TEST(NpyFormat, RefusesShortOrWrongPreambles) {
  const auto code = [](const std::string& s) {
    try {
      parseNpyHeader(bytes(s));
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::Internal;
  };
  EXPECT_EQ(code(""), ErrorCode::Truncated);
  EXPECT_EQ(code("\x93NUM"), ErrorCode::Truncated);
  EXPECT_EQ(code("\x93NUMPY\x01"), ErrorCode::Truncated);
  EXPECT_EQ(code("PK\x03\x04 not npy"), ErrorCode::BadMagic);
  std::string h = buildNpyHeader(DType::F32, std::vector<int64_t>{2});
  h[6] = 4;
  EXPECT_EQ(code(h), ErrorCode::BadHeader);
}

}  // namespace
}  // namespace vq::io
