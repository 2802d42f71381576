#pragma once
// Errors and warnings that name the file and the position in it.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "aansluiting/messages.hpp"

namespace aansluiting {

// Where in a file something was found. line/column are 1-based; 0 = unknown.
struct Location {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string record;  // id or path of the record, when known
  std::string to_string() const;  // "file:12:5 (record abc)"
};

struct Warning {
  Location where;
  Message what;

  Warning(Location where, Message what) : where(std::move(where)), what(std::move(what)) {}
  std::string message() const { return what.english(); }
  std::string to_string() const;
};

// Thrown for input that cannot be loaded at all (malformed, wrong root,
// invalid UTF-8, missing file). Nothing is added to a catalogue when thrown.
class InputError : public std::runtime_error {
 public:
  InputError(Location where, Message what);
  const Location& where() const noexcept { return where_; }
  const Message& message() const noexcept { return what_; }
  std::string detail() const { return what_.english(); }  // what() without the location

 private:
  Location where_;
  Message what_;
};

// A standard exception whose what() is the English text of a Message, which
// it keeps for the Dutch one.
template <class Base>
class MessageError : public Base {
 public:
  explicit MessageError(Message what) : Base(what.english()), what_(std::move(what)) {}
  const Message& message() const noexcept { return what_; }

 private:
  Message what_;
};

// Thrown for an argument of an API call that is not one of the accepted values
// (an unknown level, a confidence above 1): a ValueError in Python, with the
// message in Dutch beside it for notebook users.
class ArgumentError : public MessageError<std::invalid_argument> {
  using MessageError::MessageError;
};

// Thrown for a query that names something that is not there.
class NotFoundError : public MessageError<std::runtime_error> {
  using MessageError::MessageError;
};

// Line and column (1-based; the column counts characters, as an editor shows
// it, not bytes) of a byte offset in `text`.
Location locate(const std::string& file, const std::string& text, std::size_t offset);
// The column (1-based, in characters) of the byte after `line_before`, the
// UTF-8 text from the start of its line.
std::size_t column_after(std::string_view line_before);

// Throws InputError naming the first invalid byte if `text` is not valid UTF-8.
void require_utf8(const std::string& file, const std::string& text);

// Reads a whole file; throws InputError when missing or unreadable.
// Files larger than `max_bytes` are refused with a clear error.
std::string read_file(const std::string& path, std::size_t max_bytes = std::size_t{1} << 30);

}  // namespace aansluiting
