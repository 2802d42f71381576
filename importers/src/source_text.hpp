#pragma once
// The text of one input file with a line index, so records found at a byte
// offset can be reported as file:line:column.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "aansluiting/diagnostics.hpp"

namespace aansluiting::importers {

class SourceText {
 public:
  // Reads `path` (InputError when missing) and checks that it is UTF-8.
  static SourceText read(const std::string& path);
  // The same for XML, which may say it is in another encoding (a UTF-16 byte
  // order mark, or encoding="ISO-8859-1" in its declaration): such a text is
  // converted to UTF-8, so positions are those of the converted text.
  static SourceText read_xml(const std::string& path);
  SourceText(std::string file, std::string text);

  const std::string& file() const { return file_; }
  const std::string& text() const { return text_; }
  // Bytes of a leading UTF-8 byte order mark (0 or 3).
  std::size_t bom_size() const { return bom_; }
  // The text after the byte order mark.
  std::string_view body() const { return std::string_view(text_).substr(bom_); }

  // Line and column (both 1-based; column in bytes, like aansluiting::locate).
  Location at(std::size_t offset, std::string record = {}) const;
  // Same, but the column counts characters (code points) — what editors show.
  Location at_char(std::size_t offset, std::string record = {}) const;

 private:
  std::string file_;
  std::string text_;
  std::size_t bom_ = 0;
  std::vector<std::size_t> line_starts_;
};

}  // namespace aansluiting::importers
