#pragma once
// Word splitting with ICU's word break rules (Dutch locale).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aansluiting::text {

struct Word {
  std::string original;  // as written ("Oriëntatie", "auto's")
  std::string folded;    // text::fold of the word, without a possessive/plural "'s" ("auto")
  std::size_t begin = 0; // byte offsets in the input
  std::size_t end = 0;
  bool is_number = false;
  // Written with a trailing hyphen before a conjunction or comma, as in
  // "natuur- en scheikunde": the word shares the head of a later compound.
  bool elided_head = false;
};

// Words (letters or digits) in reading order; punctuation and spaces are dropped.
// Apostrophes inside a word keep it whole ("auto's"); hyphens split ("mens-en").
std::vector<Word> split_words(std::string_view utf8);

}  // namespace aansluiting::text
