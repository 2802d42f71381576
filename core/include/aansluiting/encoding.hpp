#pragma once
// Text that is not UTF-8: what it seems to be instead (a spreadsheet saves
// CSV as Windows-1252 or UTF-16), and converting XML that declares another
// encoding. ICU's charset detector and converters do the work.

#include <optional>
#include <string>
#include <string_view>

#include "aansluiting/diagnostics.hpp"

namespace aansluiting {

// The offset of the first byte that is not valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view text);

// The error for `text` (the content of `file`), which is not valid UTF-8 at
// byte `bad_offset`. A ZIP archive (an Excel workbook) and UTF-16 are named as
// such at the start of the file; an 8-bit encoding is named with the character
// the bad byte stands for there. require_utf8 throws it, for every input file.
InputError not_utf8_error(const std::string& file, const std::string& text, std::size_t bad_offset);

// A text that is not UTF-8 but seems Windows-1252, what Excel's "CSV
// (puntkomma's gescheiden)" saves on a Dutch Windows: converted to UTF-8.
// Nothing when `text` is valid UTF-8, or seems anything else: UTF-16, a UTF-8
// file with a wrong byte (it has right UTF-8 characters too), another 8-bit
// encoding, or no text at all (control characters). Lines and characters stay
// where they were, so positions in the converted text are those an editor shows.
std::optional<std::string> windows1252_as_utf8(std::string_view text);

// Whether `text` starts with a ZIP archive's signature (PK\x03\x04): an Excel
// workbook (.xlsx), a LibreOffice sheet (.ods) or another ZIP, never text.
bool is_zip(std::string_view text);

// `text` as a spreadsheet saves it when not as UTF-8, converted to UTF-8:
// UTF-16 with a byte order mark (Excel's "Unicode-tekst"), the byte order mark
// kept as UTF-8's, or Windows-1252 (see windows1252_as_utf8). With the encoding
// it was in ("UTF-16LE", "UTF-16BE", "windows-1252"). Nothing when `text` is
// valid UTF-8 or seems anything else (a ZIP, UTF-16 without a byte order mark,
// binary): require_utf8 then says what it is.
struct ConvertedText {
  std::string text;
  std::string encoding;
};
std::optional<ConvertedText> spreadsheet_text_as_utf8(std::string_view text);

// `text` converted from `charset` (an ICU converter name such as
// "ISO-8859-1" or "UTF-16LE") to UTF-8. Throws InputError naming `file` when
// the charset is unknown or the text has bytes that are not valid in it.
std::string convert_to_utf8(const std::string& file, std::string_view text, std::string_view charset);

// The encoding an XML text is in when it is not UTF-8: from a UTF-16 byte
// order mark or zero bytes, or else its declaration (<?xml ... encoding="..."?>).
// Empty for UTF-8, and for a text with neither. A Latin-1 or ASCII label is
// read as Windows-1252, as browsers do.
std::string xml_encoding(std::string_view text);

}  // namespace aansluiting
