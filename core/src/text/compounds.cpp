#include "aansluiting/text/compounds.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace aansluiting::text {
namespace {

// Dutch linking morphemes between the parts of a compound
// (beroep-s-onderwijs, boek-en-kast, gezondheid-s-zorg, huid-e-vet).
constexpr std::array<std::string_view, 4> kLinkers = {"", "s", "en", "e"};

bool is_char_boundary(std::string_view w, std::size_t i) {
  return i == 0 || i >= w.size() || (static_cast<unsigned char>(w[i]) & 0xC0) != 0x80;
}

}  // namespace

CompoundSplitter::CompoundSplitter(std::unordered_map<std::string, std::size_t> word_counts, CompoundOptions options)
    : counts_(std::move(word_counts)), options_(options) {}

CompoundSplitter::CompoundSplitter(std::unordered_map<std::string, std::size_t> word_counts,
                                   std::function<std::string(std::string_view)> stem, CompoundOptions options)
    : counts_(std::move(word_counts)), stem_(std::move(stem)), options_(options) {
  if (stem_)
    for (const auto& [w, n] : counts_) stem_counts_[stem_(w)] += n;
}

std::size_t CompoundSplitter::head_count(std::string_view part) const {
  std::size_t c = count(part);
  if (stem_) {
    auto it = stem_counts_.find(stem_(part));
    if (it != stem_counts_.end()) c = std::max(c, it->second);
  }
  return c;
}

namespace {
bool is_verb_prefix(std::string_view part) { return part == "ver" || part == "her" || part == "ont"; }

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Infinitives a verb stem (werkwoordstam) may have, by the spelling rules between
// stem and infinitive: + "en" after a consonant cluster or long vowel (zoek -> zoeken,
// denk -> denken, schrijf -> schrijven) and after an unstressed final syllable
// (vergader -> vergaderen, reken -> rekenen, verdedig -> verdedigen); a doubled vowel
// is written single in the open syllable (meet -> meten, programmeer -> programmeren);
// a final f/s may be voiced (schrijf -> schrijven, lees -> lezen). A stressed short
// vowel doubles the consonant (zet -> zetten); that rule is left out, so "del", "gev"
// or "kop" (delen, geven, kopen are of deel, geef, koop) are no stems either.
std::vector<std::string> infinitives(std::string_view stem) {
  std::vector<std::string> out;
  const std::size_t n = stem.size();
  // Left out: stems of three letters ("eer" of "parkeer" would be read as "eren"),
  // stems on a vowel ("ga", "doe": gaan, doen) and on a doubled consonant, which
  // Dutch spelling never writes at the end ("all" of "alleen" is no "allen").
  if (n < 4 || is_vowel(stem[n - 1]) || stem[n - 1] == stem[n - 2]) return out;
  std::size_t v_end = n;  // end of the last vowel group
  while (v_end > 0 && !is_vowel(stem[v_end - 1])) --v_end;
  std::size_t v_begin = v_end;
  while (v_begin > 0 && is_vowel(stem[v_begin - 1])) --v_begin;
  if (v_begin == v_end) return out;
  const std::string_view vowels = stem.substr(v_begin, v_end - v_begin);
  const bool one_consonant = v_end + 1 == n;
  const bool earlier_vowel = std::any_of(stem.begin(), stem.begin() + static_cast<std::ptrdiff_t>(v_begin), is_vowel);

  std::string body(stem);  // the infinitive without "en", before voicing
  if (one_consonant && vowels.size() == 2 && vowels[0] == vowels[1] && vowels[0] != 'i') {
    body.erase(v_begin, 1);  // meet -> met-en
  } else if (one_consonant && vowels.size() == 1) {
    // Only the unstressed "-el/-em/-en/-er/-ig" of a longer stem keeps its consonant single.
    const char last = stem[n - 1];
    const bool schwa = vowels == "e" && (last == 'l' || last == 'm' || last == 'n' || last == 'r');
    const bool unstressed = earlier_vowel && (schwa || (vowels == "i" && last == 'g'));
    if (!unstressed) return out;
  }
  out.push_back(body + "en");
  const char last = body.back();
  if (last == 'f' || last == 's') out.push_back(body.substr(0, body.size() - 1) + (last == 'f' ? "ven" : "zen"));
  return out;
}
}  // namespace

std::pair<std::size_t, std::string> CompoundSplitter::verb_count(std::string_view part) const {
  // Only a part that is no word of its own is read as a verb stem: a word keeps its
  // own reading and count, as before.
  std::pair<std::size_t, std::string> best{0, {}};
  if (count(part) >= options_.min_part_count) return best;
  // The infinitive must occur; it counts with its word family (summed per stem, as a
  // head does): "vergaderen" occurs once, "vergadering" eight times.
  for (std::string& inf : infinitives(part)) {
    if (count(inf) == 0) continue;
    std::size_t c = head_count(inf);
    if (c > best.first) best = {c, std::move(inf)};
  }
  return best;
}

std::size_t CompoundSplitter::count(std::string_view folded_word) const {
  auto it = counts_.find(std::string(folded_word));
  return it == counts_.end() ? 0 : it->second;
}

std::vector<std::string> CompoundSplitter::split(std::string_view w) const {
  const std::size_t n = w.size();
  const std::size_t max_parts = std::max<std::size_t>(options_.max_parts, 2);
  if (n < options_.min_part_length + options_.min_head_length) return {};
  constexpr double kNone = -std::numeric_limits<double>::infinity();

  // best[i][p]: highest sum of log counts when w[0, i) is p modifier parts,
  // each followed by its linker; back[i][p]: start and end of the last part, and
  // whether it was read as a verb stem.
  struct Back {
    std::size_t b = 0, e = 0;
    bool verb = false;
  };
  std::vector<std::vector<double>> best(n + 1, std::vector<double>(max_parts, kNone));
  std::vector<std::vector<Back>> back(n + 1, std::vector<Back>(max_parts));
  best[0][0] = 0.0;
  auto usable = [&](std::size_t b, std::size_t e, std::size_t min_len, bool as_verb) -> double {
    if (e - b < min_len || !is_char_boundary(w, b) || !is_char_boundary(w, e)) return kNone;
    // Inseparable verb prefixes are not words in a compound, even where the corpus
    // has them as words ("ver weg"): "verwerkte" is not "ver" + "werkte".
    if (b == 0 && e < n && is_verb_prefix(w.substr(0, e))) return kNone;
    const std::string_view part = w.substr(b, e - b);
    std::size_t c = e == n ? head_count(part) : as_verb ? verb_count(part).first : count(part);
    return c >= options_.min_part_count ? std::log(static_cast<double>(c)) : kNone;
  };
  // A verb stem is not read inside a longer corpus word other than `w` itself ("wijs"
  // of "onderwijs" as "wijzen", "volg" of "basenvolgorde", "draag" of
  // "draagkrachtbeginsel"): the word that is there is the better reading.
  const auto inside_a_word = [&](std::size_t b, std::size_t e) {
    for (std::size_t a = 0; a <= b; ++a)
      for (std::size_t z = e; z <= n; ++z)
        if ((a < b || z > e) && (a > 0 || z < n) && is_char_boundary(w, a) && is_char_boundary(w, z) &&
            count(w.substr(a, z - a)) >= options_.min_part_count)
          return true;
    return false;
  };
  for (std::size_t b = 0; b < n; ++b) {
    for (std::size_t p = 0; p + 1 < max_parts; ++p) {
      if (best[b][p] == kNone) continue;
      for (std::size_t e = b + options_.min_part_length; e + options_.min_head_length <= n; ++e) {
        const double s = usable(b, e, options_.min_part_length, false);
        // A verb stem takes no linking morpheme (vergader-techniek, lees-vaardigheid).
        double v = s == kNone ? usable(b, e, options_.min_part_length, true) : kNone;
        if (v != kNone && inside_a_word(b, e)) v = kNone;
        if (s == kNone && v == kNone) continue;
        for (std::string_view link : kLinkers) {
          const bool verb = link.empty() && v != kNone;
          const double score = verb ? v : s;
          if (score != kNone && w.substr(e).starts_with(link) && e + link.size() + options_.min_head_length <= n) {
            std::size_t next = e + link.size();
            if (best[b][p] + score > best[next][p + 1]) {
              best[next][p + 1] = best[b][p] + score;
              back[next][p + 1] = {b, e, verb};
            }
          }
        }
      }
    }
  }

  // Close with the head part; pick the split with the highest geometric mean.
  double best_mean = kNone;
  std::size_t best_start = 0, best_p = 0;
  for (std::size_t b = options_.min_part_length; b + options_.min_head_length <= n; ++b) {
    double head = usable(b, n, options_.min_head_length, false);
    if (head == kNone) continue;
    for (std::size_t p = 1; p < max_parts; ++p) {
      if (best[b][p] == kNone) continue;
      double mean = (best[b][p] + head) / static_cast<double>(p + 1);
      if (mean > best_mean) {
        best_mean = mean;
        best_start = b;
        best_p = p;
      }
    }
  }
  if (best_mean == kNone) return {};
  // Koehn & Knight: a word more frequent than its parts' geometric mean is a word of its own.
  std::size_t whole = count(w);
  if (whole > 0 && std::log(static_cast<double>(whole)) >= best_mean) return {};

  std::vector<std::string> parts{std::string(w.substr(best_start))};
  for (std::size_t at = best_start, p = best_p; p > 0; --p) {
    const Back& last = back[at][p];
    // A verb stem is given as its infinitive: a word of the corpus that stems as the verb does.
    parts.push_back(last.verb ? verb_count(w.substr(last.b, last.e - last.b)).second
                              : std::string(w.substr(last.b, last.e - last.b)));
    at = last.b;
  }
  return {parts.rbegin(), parts.rend()};
}

}  // namespace aansluiting::text
