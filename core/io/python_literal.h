// A parser for the subset of Python literal syntax that .npy headers use: dicts, tuples, lists,
// quoted strings, integers (with an optional legacy 'L' suffix), True, False and None.
// The result is a nlohmann::json value (tuples and lists become arrays).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace vq::io {

// Thrown for text that is not such a literal; `position` is the character index of the problem.
struct PythonLiteralError : std::runtime_error {
  PythonLiteralError(const std::string& what, size_t pos) : std::runtime_error(what), position(pos) {}
  size_t position;
};
// Thrown for an integer that does not fit in int64.
struct PythonIntegerOverflow : PythonLiteralError {
  using PythonLiteralError::PythonLiteralError;
};

// Parses the whole of `text` (surrounding whitespace allowed). Nesting deeper than 16 levels is
// refused, so hostile headers cannot exhaust the stack.
nlohmann::json parsePythonLiteral(std::string_view text);

}  // namespace vq::io
