#pragma once
// A small RFC 4180 reader: quoted fields, embedded newlines, "" escapes,
// CRLF or LF line ends, a UTF-8 byte order mark, ',' ';' or tab delimiters.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "source_text.hpp"

namespace aansluiting::importers {

struct CsvField {
  std::string value;
  std::size_t offset = 0;  // byte offset of the field's first character in the file
  std::size_t row = 0;     // the row a spreadsheet shows it on (1-based; see CsvRecord::row)
  std::size_t index = 0;   // the field's place in its record (0-based): its column in a spreadsheet
};

struct CsvRecord {
  std::vector<CsvField> fields;
  std::size_t offset = 0;  // byte offset of the record in the file
  // The row a spreadsheet shows the record on: 1 + the records before it, '#' lines and
  // empty lines included. Not the file's line when a quoted field spans lines.
  std::size_t row = 0;
  // True when every field is empty or blank (spreadsheets export such rows).
  bool blank() const;
};

// The delimiter of the first line that is not empty and not a '#' comment:
// whichever of ';', ',' and tab occurs most often outside quotes (',' if none).
char detect_delimiter(std::string_view body);

// A quoted field that is never closed, or is followed by something other than a
// delimiter or line end: the InputError (file:line:column) and the cell it is in.
class CsvSyntaxError : public InputError {
 public:
  CsvSyntaxError(Location where, Message what, std::size_t row, std::size_t index)
      : InputError(std::move(where), std::move(what)), row(row), index(index) {}
  std::size_t row;    // as CsvRecord::row
  std::size_t index;  // as CsvField::index
};

// Reads every record of `src` into `records`. Throws CsvSyntaxError, with the
// records before it in `records`, when a field is not quoted right.
void read_csv(const SourceText& src, char delimiter, std::vector<CsvRecord>& records);

}  // namespace aansluiting::importers
