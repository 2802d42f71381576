#include "text_clean.hpp"

namespace aansluiting::importers {
namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Line breaks are found with a plain loop: string_view::find_first_of
// calls memchr on the set once per character, which made this the import's
// hottest function.
std::size_t line_end(std::string_view text, std::size_t from) {
  while (from < text.size() && text[from] != '\n' && text[from] != '\r') ++from;
  return from;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s;
}

}  // namespace

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string tidy_text(std::string_view text) {
  // Most texts are one line: then tidying is trimming.
  const std::string_view trimmed = trim(text);
  if (trimmed.find('\n') == std::string_view::npos && trimmed.find('\r') == std::string_view::npos)
    return std::string(trimmed);

  std::string out;
  out.reserve(trimmed.size());
  std::size_t blank_run = 0;
  for (std::size_t i = 0;;) {
    const std::size_t end = line_end(trimmed, i);
    const std::string_view line = trim(trimmed.substr(i, end - i));
    if (line.empty()) {
      ++blank_run;
    } else {
      if (!out.empty()) out += blank_run > 0 ? "\n\n" : "\n";
      blank_run = 0;
      out += line;
    }
    if (end == trimmed.size()) break;
    i = end + ((trimmed[end] == '\r' && end + 1 < trimmed.size() && trimmed[end + 1] == '\n') ? 2 : 1);
  }
  return out;
}

}  // namespace aansluiting::importers
