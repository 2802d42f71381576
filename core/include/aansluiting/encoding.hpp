#pragma once
// Text that is not UTF-8: what it seems to be instead (a spreadsheet saves
// CSV as Windows-1252 or UTF-16), and converting XML that declares another
// encoding. ICU's charset detector and converters do the work.

#include <string>
#include <string_view>

#include "aansluiting/diagnostics.hpp"

namespace aansluiting {

// The offset of the first byte that is not valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view text);

// The error for `text` (the content of `file`), which is not valid UTF-8 at
// byte `bad_offset`. UTF-16 is named as such at the start of the file; an
// 8-bit encoding is named with the character the bad byte stands for there.
InputError not_utf8_error(const std::string& file, const std::string& text, std::size_t bad_offset);

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
