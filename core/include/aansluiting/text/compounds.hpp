#pragma once
// Dutch compound splitting against the vocabulary of a corpus:
// "beroepsonderwijs" -> "beroep" + "onderwijs" when both are frequent enough
// words of the corpus. Linking morphemes (-s-, -en-, -e-) between parts are
// dropped. A modifier may also be a verb stem whose infinitive is a corpus word
// ("vergadertechnieken" -> "vergaderen" + "technieken"). Dynamic programming over
// split points picks the split whose parts have the highest geometric mean
// frequency (Koehn & Knight 2003).

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace aansluiting::text {

struct CompoundOptions {
  std::size_t min_part_length = 3;   // shortest modifier part ("vak" in "vakbegrip")
  std::size_t min_head_length = 4;   // shortest last part
  std::size_t min_part_count = 2;    // a part must occur at least this often as a word
  std::size_t max_parts = 4;
};

class CompoundSplitter {
 public:
  CompoundSplitter() = default;
  // `word_counts`: folded word -> occurrences in the corpus.
  explicit CompoundSplitter(std::unordered_map<std::string, std::size_t> word_counts,
                            CompoundOptions options = {});
  // Also accepts a last part whose inflected forms occur ("vaardigheid" when the
  // corpus only has "vaardigheden"): `stem` maps a word to its stem and the
  // counts are summed per stem.
  CompoundSplitter(std::unordered_map<std::string, std::size_t> word_counts,
                   std::function<std::string(std::string_view)> stem, CompoundOptions options = {});

  // Parts of a folded word, or {} when it is not split. Parts are corpus words
  // (folded) in reading order; linking morphemes are not part of them. A modifier
  // that is no corpus word but a verb stem is given as its infinitive ("vergader"
  // as "vergaderen"), which stems as the verb does (Snowball stems "schrijf" to
  // "schrijf" but "schrijven" to "schrijv").
  std::vector<std::string> split(std::string_view folded_word) const;

  std::size_t count(std::string_view folded_word) const;
  const CompoundOptions& options() const { return options_; }

 private:
  std::size_t head_count(std::string_view part) const;
  // A modifier part that is no corpus word read as a verb stem: the count of its
  // most frequent attested infinitive's word family and that infinitive, or {0, ""}.
  std::pair<std::size_t, std::string> verb_count(std::string_view part) const;

  std::unordered_map<std::string, std::size_t> counts_;
  std::unordered_map<std::string, std::size_t> stem_counts_;
  std::function<std::string(std::string_view)> stem_;
  CompoundOptions options_;
};

}  // namespace aansluiting::text
