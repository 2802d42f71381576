#include "aansluiting/subject_abbreviations.hpp"

#include <string>
#include <utility>
#include <vector>

#include "aansluiting/catalogue.hpp"

namespace aansluiting {
namespace {

// Each written as schools write it; compared by subject_key. Only names that
// are in use for one subject, and whose subject is in the open data or in the
// shipped curricula (TransitionRun.SubjectAbbreviationsNameTheirProgramme checks
// each against them).
constexpr std::pair<std::string_view, std::string_view> kAbbreviations[] = {
    // vmbo
    {"nask1", "Natuur- en scheikunde I"},
    {"nask 1", "Natuur- en scheikunde I"},
    {"nask2", "Natuur- en scheikunde II"},
    {"nask 2", "Natuur- en scheikunde II"},
    {"ITTL", "Informatietechnologie"},
    {"T&T", "Technologie & Toepassing"},
    {"T en T", "Technologie & Toepassing"},
    {"ML1", "Maatschappijleer"},
    {"ML2", "Maatschappijkunde"},
    {"LO1", "Lichamelijke opvoeding 1"},
    {"LO2", "Lichamelijke opvoeding 2"},
    {"Z&W", "Zorg en welzijn"},
    // havo and vwo
    {"NLT", "Natuur, leven en technologie"},
    {"M&O", "Management en organisatie"},
    {"BSM", "Bewegen, sport en maatschappij"},
    {"ANW", "Algemene natuurwetenschappen"},
};

}  // namespace

std::span<const std::pair<std::string_view, std::string_view>> subject_abbreviations() { return kAbbreviations; }

std::optional<std::string_view> subject_of_abbreviation(std::string_view key) {
  static const std::vector<std::pair<std::string, std::string_view>> keyed = [] {
    std::vector<std::pair<std::string, std::string_view>> out;
    for (const auto& [abbreviation, subject] : kAbbreviations) out.emplace_back(subject_key(abbreviation), subject);
    return out;
  }();
  for (const auto& [k, subject] : keyed)
    if (k == key) return subject;
  return std::nullopt;
}

}  // namespace aansluiting
