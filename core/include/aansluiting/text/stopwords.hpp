#pragma once
// A short list of Dutch function words. Term weights learned from the corpus
// do the real work against boilerplate; this list only removes words that
// carry no content in any corpus (articles, pronouns, prepositions, auxiliaries).

#include <string_view>

namespace aansluiting::text {

// `folded` is a folded word (text::fold).
bool is_stopword(std::string_view folded);

}  // namespace aansluiting::text
