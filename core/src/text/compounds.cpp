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
}  // namespace

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
  // each followed by its linker; back[i][p] = (start of the last part, end of it).
  std::vector<std::vector<double>> best(n + 1, std::vector<double>(max_parts, kNone));
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> back(n + 1,
      std::vector<std::pair<std::size_t, std::size_t>>(max_parts));
  best[0][0] = 0.0;
  auto usable = [&](std::size_t b, std::size_t e, std::size_t min_len) -> double {
    if (e - b < min_len || !is_char_boundary(w, b) || !is_char_boundary(w, e)) return kNone;
    // Inseparable verb prefixes are not words in a compound, even where the corpus
    // has them as words ("ver weg"): "verwerkte" is not "ver" + "werkte".
    if (b == 0 && e < n && is_verb_prefix(w.substr(0, e))) return kNone;
    std::size_t c = e == n ? head_count(w.substr(b, e - b)) : count(w.substr(b, e - b));
    return c >= options_.min_part_count ? std::log(static_cast<double>(c)) : kNone;
  };
  for (std::size_t b = 0; b < n; ++b) {
    for (std::size_t p = 0; p + 1 < max_parts; ++p) {
      if (best[b][p] == kNone) continue;
      for (std::size_t e = b + options_.min_part_length; e + options_.min_head_length <= n; ++e) {
        double s = usable(b, e, options_.min_part_length);
        if (s == kNone) continue;
        for (std::string_view link : kLinkers) {
          if (w.substr(e).starts_with(link) && e + link.size() + options_.min_head_length <= n) {
            std::size_t next = e + link.size();
            if (best[b][p] + s > best[next][p + 1]) {
              best[next][p + 1] = best[b][p] + s;
              back[next][p + 1] = {b, e};
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
    double head = usable(b, n, options_.min_head_length);
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
    auto [b, e] = back[at][p];
    parts.emplace_back(w.substr(b, e - b));
    at = b;
  }
  return {parts.rbegin(), parts.rend()};
}

}  // namespace aansluiting::text
