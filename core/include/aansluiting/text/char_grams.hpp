#pragma once
// Character n-grams of words, for matching word forms that stems miss
// (inflections the stemmer leaves apart, compounds the splitter does not know,
// spelling variants). Grams stay within a word, which is padded with a space
// at both ends, as scikit-learn's "char_wb" analyser does: " ritm", "tme ".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aansluiting::text {

struct GramOptions {
  std::size_t min_n = 3;  // shortest gram, in code points
  std::size_t max_n = 5;  // longest gram
};

// Grams of one folded word (UTF-8), counted in code points; a word shorter than
// min_n - 2 letters yields its padded form as its only gram.
std::vector<std::string> char_grams(std::string_view folded_word, const GramOptions& options = {});

}  // namespace aansluiting::text
