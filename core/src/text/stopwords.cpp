#include "aansluiting/text/stopwords.hpp"

#include <algorithm>
#include <array>

namespace aansluiting::text {
namespace {

// Sorted; folded forms. Function words only: content words that happen to be
// frequent in one corpus ("kandidaat", "kan") are left to the learned weights.
constexpr std::array<std::string_view, 116> kStopwords = {
    "aan",   "al",    "alle",  "als",    "bij",    "daar",   "dan",   "dat",    "de",     "deze",
    "die",   "dit",   "door",  "dus",     "een",    "eens",   "en",    "er",     "haar",   "had",
    "heb",   "hebben","heeft", "hem",    "het",    "hier",   "hij",   "hoe",    "hun",    "ik",
    "in",    "is",    "je",    "jij",    "kon",    "kunnen", "maar",  "me",     "meer",   "men",
    "met",   "mij",   "mijn",  "na",     "naar",   "niet",   "nog",   "nu",     "of",     "om",
    "omdat", "ons",   "ook",   "op",     "over",   "te",     "ten",   "ter",    "tot",    "tussen",
    "u",     "uit",   "van",   "veel",   "voor",   "want",   "was",   "waren",  "wat",    "we",
    "wel",   "welk",  "welke", "werd",   "wie",    "wij",    "wil",   "word",   "worden", "wordt",
    "zal",   "ze",    "zelf",  "zich",   "zij",    "zijn",   "zo",    "zoals",  "zodat",  "zonder",
    "zou",   "zulke", "zullen","zo'n",   "'t",     "d.w.z",  "e.d",   "enz",    "m.b.v",  "o.a",
    "bijv",
    // Prepositions the first list lacked, and "waar" of waarin, waarbij, waaronder:
    // as compound parts they made "onderzoeken" share a term with "waaronder".
    "achter", "binnen", "boven", "buiten", "langs", "onder", "per", "rond", "sinds", "tegen",
    "tijdens", "vanaf", "via", "volgens", "waar"};

}  // namespace

bool is_stopword(std::string_view folded) {
  static const auto sorted = [] {
    auto a = kStopwords;
    std::sort(a.begin(), a.end());
    return a;
  }();
  return std::binary_search(sorted.begin(), sorted.end(), folded);
}

}  // namespace aansluiting::text
