#pragma once
// Unicode normalisation for matching: the original text is kept for display,
// the folded form is what is compared.

#include <string>
#include <string_view>

namespace aansluiting::text {

// NFKC, full case folding and removal of accents ("Oriëntatie" -> "orientatie").
// Invalid UTF-8 is replaced by U+FFFD rather than rejected.
std::string fold(std::string_view utf8);

}  // namespace aansluiting::text
