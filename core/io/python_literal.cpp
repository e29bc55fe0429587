#include "core/io/python_literal.h"

#include <cctype>
#include <cstdint>

namespace vq::io {

namespace {

constexpr int kMaxDepth = 16;

class Parser {
 public:
  explicit Parser(std::string_view text) : m_text(text) {}

  nlohmann::json parseAll() {
    nlohmann::json v = value(0);
    skipSpace();
    if (m_pos != m_text.size()) fail("unexpected text after the literal");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const { throw PythonLiteralError(what, m_pos); }

  void skipSpace() {
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
                                     m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
      ++m_pos;
  }

  bool consume(char c) {
    skipSpace();
    if (m_pos < m_text.size() && m_text[m_pos] == c) {
      ++m_pos;
      return true;
    }
    return false;
  }

  bool consumeWord(std::string_view w) {
    if (m_text.substr(m_pos, w.size()) != w) return false;
    const size_t end = m_pos + w.size();
    if (end < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[end])) || m_text[end] == '_'))
      return false;
    m_pos = end;
    return true;
  }

  nlohmann::json value(int depth) {
    if (depth > kMaxDepth) fail("nesting too deep");
    skipSpace();
    if (m_pos >= m_text.size()) fail("unexpected end of the text");
    const char c = m_text[m_pos];
    if (c == '{') return dict(depth);
    if (c == '(') return sequence(depth, ')');
    if (c == '[') return sequence(depth, ']');
    if (c == '\'' || c == '"') return string();
    if (c == '-' || c == '+' || (c >= '0' && c <= '9')) return integer();
    if (consumeWord("True")) return true;
    if (consumeWord("False")) return false;
    if (consumeWord("None")) return nullptr;
    fail(std::string("unexpected character '") + c + "'");
  }

  nlohmann::json dict(int depth) {
    ++m_pos;  // '{'
    nlohmann::json obj = nlohmann::json::object();
    while (true) {
      if (consume('}')) return obj;
      skipSpace();
      if (m_pos >= m_text.size() || (m_text[m_pos] != '\'' && m_text[m_pos] != '"'))
        fail("dict keys must be strings");
      std::string key = string();
      if (!consume(':')) fail("expected ':' after a dict key");
      if (obj.contains(key)) fail("key '" + key + "' appears twice");
      obj[key] = value(depth + 1);
      if (consume(',')) continue;
      if (consume('}')) return obj;
      fail("expected ',' or '}' in a dict");
    }
  }

  nlohmann::json sequence(int depth, char close) {
    ++m_pos;  // '(' or '['
    nlohmann::json arr = nlohmann::json::array();
    while (true) {
      if (consume(close)) return arr;
      arr.push_back(value(depth + 1));
      if (consume(',')) continue;
      if (consume(close)) return arr;
      fail(std::string("expected ',' or '") + close + "'");
    }
  }

  std::string string() {
    const char quote = m_text[m_pos++];
    std::string s;
    while (true) {
      if (m_pos >= m_text.size()) fail("unterminated string");
      const char c = m_text[m_pos++];
      if (c == quote) return s;
      if (c == '\\') {
        if (m_pos >= m_text.size()) fail("unterminated string");
        s.push_back(m_text[m_pos++]);  // \' \" \\ (other escapes are not used in headers)
        continue;
      }
      if (c == '\n') fail("newline inside a string");
      s.push_back(c);
    }
  }

  nlohmann::json integer() {
    const size_t start = m_pos;
    bool negative = false;
    if (m_text[m_pos] == '-' || m_text[m_pos] == '+') negative = m_text[m_pos++] == '-';
    if (m_pos >= m_text.size() || m_text[m_pos] < '0' || m_text[m_pos] > '9') fail("expected digits");
    uint64_t v = 0;
    bool overflow = false;
    while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') {
      const uint64_t digit = uint64_t(m_text[m_pos] - '0');
      if (v > (uint64_t(INT64_MAX) - digit) / 10) overflow = true;
      else v = v * 10 + digit;
      ++m_pos;
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'L' || m_text[m_pos] == 'l')) ++m_pos;
    if (m_pos < m_text.size() && (m_text[m_pos] == '.' || m_text[m_pos] == 'e' || m_text[m_pos] == 'E'))
      fail("expected an integer");
    if (overflow) {
      throw PythonIntegerOverflow(
          "integer " + std::string(m_text.substr(start, m_pos - start)) + " does not fit in 64 bits",
          start);
    }
    return negative ? -int64_t(v) : int64_t(v);
  }

  std::string_view m_text;
  size_t m_pos = 0;
};

}  // namespace

nlohmann::json parsePythonLiteral(std::string_view text) { return Parser(text).parseAll(); }

}  // namespace vq::io
