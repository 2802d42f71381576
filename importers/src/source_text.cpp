#include "source_text.hpp"

#include <algorithm>

#include "aansluiting/encoding.hpp"

namespace aansluiting::importers {

SourceText SourceText::read(const std::string& path) {
  SourceText src(path, read_file(path));
  require_utf8(path, src.text_);
  return src;
}

SourceText SourceText::read_xml(const std::string& path) {
  std::string text = read_file(path);
  const std::string encoding = xml_encoding(text);
  // A declaration that says Latin-1 over a text that is valid UTF-8 is
  // wrong more often than such a text is Latin-1: the bytes win.
  const bool utf16 = encoding.starts_with("UTF-16");
  if (!encoding.empty() && (utf16 || first_invalid_utf8(text) != std::string::npos))
    text = convert_to_utf8(path, text, encoding);
  require_utf8(path, text);
  return SourceText(path, std::move(text));
}

SourceText::SourceText(std::string file, std::string text) : file_(std::move(file)), text_(std::move(text)) {
  if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) bom_ = 3;
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

Location SourceText::at(std::size_t offset, std::string record) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  return Location{file_, line, offset - line_starts_[line - 1] + 1, std::move(record)};
}

Location SourceText::at_char(std::size_t offset, std::string record) const {
  Location loc = at(offset, std::move(record));
  std::size_t start = line_starts_[loc.line - 1];
  if (start == 0) start = bom_;  // the byte order mark is not a character anyone sees
  const std::size_t end = std::max(start, std::min(offset, text_.size()));
  loc.column = column_after(std::string_view(text_).substr(start, end - start));
  return loc;
}

}  // namespace aansluiting::importers
