#pragma once
// The text of a goal as the matcher reads it, and the corpus of a catalogue.

#include <string>
#include <vector>

#include "aansluiting/catalogue.hpp"
#include "aansluiting/text/analyser.hpp"

namespace aansluiting::align {

// Title and description, separated by a space (either may be empty).
std::string goal_text(const Goal& goal);

// Texts of every goal of the catalogue that has text (level vertices excluded).
std::vector<std::string> catalogue_corpus(const Catalogue& catalogue);

// An analyser that learned vocabulary, compounds and term statistics from the
// whole catalogue. Build it once and pass it to every align() call on the catalogue.
text::Analyser build_analyser(const Catalogue& catalogue, text::AnalyserOptions options = {});

}  // namespace aansluiting::align
