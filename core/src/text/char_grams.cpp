#include "aansluiting/text/char_grams.hpp"

namespace aansluiting::text {

std::vector<std::string> char_grams(std::string_view folded_word, const GramOptions& options) {
  std::string padded;
  padded.reserve(folded_word.size() + 2);
  padded += ' ';
  padded += folded_word;
  padded += ' ';
  // Byte offsets of code point starts (plus the end), so grams never cut a character.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < padded.size(); ++i)
    if ((static_cast<unsigned char>(padded[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(padded.size());
  const std::size_t chars = starts.size() - 1;
  std::vector<std::string> out;
  if (chars < options.min_n) {
    out.push_back(std::move(padded));
    return out;
  }
  for (std::size_t n = options.min_n; n <= options.max_n && n <= chars; ++n)
    for (std::size_t i = 0; i + n <= chars; ++i) out.emplace_back(padded.substr(starts[i], starts[i + n] - starts[i]));
  return out;
}

}  // namespace aansluiting::text
