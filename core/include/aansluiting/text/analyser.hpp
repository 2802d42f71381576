#pragma once
// Dutch text analysis learned from a corpus: words (ICU), folding, Snowball
// stems, compound parts split against the corpus vocabulary, and document
// frequencies for term weights (IDF, BM25 saturation). Boilerplate such as
// "De kandidaat kan ..." occurs in most texts of a corpus and so gets a low
// weight without any list of phrases.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aansluiting/text/char_grams.hpp"
#include "aansluiting/text/compounds.hpp"

namespace aansluiting::text {

// One term occurrence: the stem and the word it came from.
struct Term {
  std::string stem;      // "onderwijs", "beroep"
  std::string original;  // the word as written ("beroepsonderwijs")
  bool from_compound = false;  // a part of a split compound
};

using TermId = std::uint32_t;

// term -> id, document frequency, idf and a display form.
class Vocabulary {
 public:
  std::optional<TermId> find(std::string_view term) const;
  TermId add(const std::string& term);  // returns the existing id if present
  std::size_t size() const { return terms_.size(); }
  const std::string& term(TermId id) const { return terms_.at(id); }
  // Most frequent original form of the term in the corpus ("beroepen" for "beroep").
  const std::string& display(TermId id) const;
  // The display form only when the corpus has the term as a word of its own (empty when
  // it occurs only inside compounds).
  const std::string& word_form(TermId id) const { return display_.at(id); }
  std::size_t document_frequency(TermId id) const { return df_.at(id); }
  // Smoothed inverse document frequency, ln(1 + (N - df + 0.5) / (df + 0.5)) (BM25's idf, never negative).
  double idf(TermId id) const;
  // idf of a term the corpus never saw (df = 0).
  double unseen_idf() const;
  std::size_t documents() const { return documents_; }

 private:
  friend class Analyser;
  std::vector<std::string> terms_;
  // Looked up by string_view without building a string (heterogeneous lookup).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, TermId, Hash, std::equal_to<>> ids_;
  std::vector<std::size_t> df_;
  std::vector<std::string> display_;
  std::size_t documents_ = 0;
};

struct AnalyserOptions {
  CompoundOptions compounds;
  bool drop_stopwords = true;
  bool keep_numbers = true;
  // Character n-grams of the content words (their document frequencies are
  // learned too); off: grams() returns nothing and gram_vocabulary() is empty.
  bool char_grams = true;
  GramOptions grams;
};

class Analyser {
 public:
  Analyser() = default;
  // Learns word counts (for compounds), then document frequencies of terms.
  explicit Analyser(const std::vector<std::string>& corpus, AnalyserOptions options = {});

  // Terms of a text in reading order: stems of its words, plus the stems of
  // the parts of compound words (the whole compound is kept as well), plus
  // the completed compound for elided heads ("natuur- en scheikunde" adds
  // "natuurkunde").
  std::vector<Term> analyse(std::string_view text) const;
  // Just the stems (with compound parts).
  std::vector<std::string> terms(std::string_view text) const;
  // Character n-grams (char_grams) of the folded content words of a text, stopwords dropped.
  std::vector<std::string> grams(std::string_view text) const;

  const Vocabulary& vocabulary() const { return vocab_; }
  // Character n-grams with their document frequencies over the corpus.
  const Vocabulary& gram_vocabulary() const { return grams_; }
  const CompoundSplitter& compounds() const { return splitter_; }
  // Average number of terms of a corpus document (for BM25 length normalisation).
  double average_length() const { return average_length_; }

 private:
  AnalyserOptions options_;
  CompoundSplitter splitter_;
  Vocabulary vocab_;
  Vocabulary grams_;
  double average_length_ = 0.0;
};

}  // namespace aansluiting::text
