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
};

struct CsvRecord {
  std::vector<CsvField> fields;
  std::size_t offset = 0;  // byte offset of the record in the file
  // True when every field is empty or blank (spreadsheets export such rows).
  bool blank() const;
};

// The delimiter of the first line that is not empty and not a '#' comment:
// whichever of ';', ',' and tab occurs most often outside quotes (',' if none).
char detect_delimiter(std::string_view body);

// Reads every record of `src`. Throws InputError (file:line:column) for a
// quoted field that is never closed or is followed by something other than a
// delimiter or line end.
std::vector<CsvRecord> read_csv(const SourceText& src, char delimiter);

}  // namespace aansluiting::importers
