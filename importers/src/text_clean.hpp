#pragma once
// Whitespace clean-up for texts taken from source files.

#include <string>
#include <string_view>

namespace aansluiting::importers {

// One line: runs of whitespace become one space, ends trimmed (titles).
std::string one_line(std::string_view text);

// Running text: CRLF/CR become LF, spaces around lines and blank lines at
// both ends are removed, more than one blank line in a row becomes one.
std::string tidy_text(std::string_view text);

}  // namespace aansluiting::importers
