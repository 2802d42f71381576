#include "source_text.hpp"

#include <algorithm>

namespace aansluiting::importers {

SourceText SourceText::read(const std::string& path) {
  SourceText src(path, read_file(path));
  require_utf8(path, src.text_);
  return src;
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
  std::size_t column = 1;
  for (std::size_t i = start; i < std::min(offset, text_.size()); ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  loc.column = column;
  return loc;
}

}  // namespace aansluiting::importers
