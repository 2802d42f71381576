#include "csv_reader.hpp"

#include <algorithm>
#include <array>

namespace aansluiting::importers {

bool CsvRecord::blank() const {
  return std::all_of(fields.begin(), fields.end(), [](const CsvField& f) {
    return f.value.find_first_not_of(" \t\r\n") == std::string::npos;
  });
}

char detect_delimiter(std::string_view body) {
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    std::size_t first = line.find_first_not_of(" \t\r\"");
    if (first == std::string_view::npos || line[first] == '#') continue;
    std::array<std::size_t, 3> counts{};  // ';' ',' tab
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == ';') ++counts[0];
      if (c == ',') ++counts[1];
      if (c == '\t') ++counts[2];
    }
    if (counts[2] > counts[0] && counts[2] > counts[1]) return '\t';
    return counts[0] > counts[1] ? ';' : ',';
  }
  return ',';
}

void read_csv(const SourceText& src, char delimiter, std::vector<CsvRecord>& records) {
  const std::string& text = src.text();
  const std::size_t n = text.size();
  auto line_end = [&](std::size_t i) { return text[i] == '\r' || text[i] == '\n'; };
  std::size_t pos = src.bom_size();
  while (pos < n) {
    CsvRecord record;
    record.offset = pos;
    record.row = records.size() + 1;
    while (true) {
      CsvField field;
      field.offset = pos;
      field.row = record.row;
      field.index = record.fields.size();
      if (pos < n && text[pos] == '"') {
        const std::size_t open = pos++;
        while (true) {
          if (pos >= n)
            throw CsvSyntaxError(src.at_char(open), {MessageId::CsvUnclosedQuote}, field.row, field.index);
          if (text[pos] == '"') {
            if (pos + 1 < n && text[pos + 1] == '"') {
              field.value += '"';
              pos += 2;
              continue;
            }
            ++pos;
            break;
          }
          field.value += text[pos++];
        }
        if (pos < n && text[pos] != delimiter && !line_end(pos)) {
          throw CsvSyntaxError(src.at_char(pos), {MessageId::CsvTextAfterQuote}, field.row, field.index);
        }
      } else {
        // A quote inside an unquoted field is kept as written, as spreadsheets do.
        while (pos < n && text[pos] != delimiter && !line_end(pos)) field.value += text[pos++];
      }
      record.fields.push_back(std::move(field));
      if (pos < n && text[pos] == delimiter) {
        ++pos;
        continue;
      }
      break;
    }
    if (pos < n && text[pos] == '\r') ++pos;
    if (pos < n && text[pos] == '\n') ++pos;
    records.push_back(std::move(record));
  }
}

}  // namespace aansluiting::importers
