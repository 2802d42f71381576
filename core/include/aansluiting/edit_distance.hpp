#pragma once
// Edits between two short strings, for "did you mean" hints (a misspelt SSSOM
// justification, a mistyped crebo number).

#include <cstddef>
#include <string_view>

namespace aansluiting {

// Inserts, deletes, replacements and swaps of two neighbours that turn a into b
// (optimal string alignment). Quadratic: for names and codes, not texts.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace aansluiting
