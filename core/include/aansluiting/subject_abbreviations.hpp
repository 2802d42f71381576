#pragma once
// Abbreviations Dutch schools use for subjects whose names in the open data are
// written out ("nask1" for Natuur- en scheikunde I, "ITTL" for
// Informatietechnologie). A user test asked for "ITTL" and "T&T" and got no
// suggestion.

#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace aansluiting {

// The subject an abbreviation stands for, given the abbreviation's subject_key
// ("nask1", "t&t"); nullopt for any other text.
std::optional<std::string_view> subject_of_abbreviation(std::string_view key);

// Every (abbreviation, subject) pair, as written.
std::span<const std::pair<std::string_view, std::string_view>> subject_abbreviations();

}  // namespace aansluiting
