#pragma once
// Weighted sparse vectors of goals in two channels: BM25-weighted word terms
// (stems and compound parts) and idf-weighted character n-grams of the words.
// Each channel holds the goal's own text plus its ancestors' titles with a
// weight that decays with distance and is L2-normalised on its own; the row is
// the two channels side by side, scaled so that the dot product of two rows is
// (1 - char_weight) * word cosine + char_weight * gram cosine.

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "aansluiting/catalogue.hpp"
#include "aansluiting/match/similarity_join.hpp"
#include "aansluiting/text/analyser.hpp"

namespace aansluiting::align {

struct VectorOptions {
  double k1 = 1.2;                // BM25 term-frequency saturation
  double b = 0.75;                // BM25 length normalisation
  double ancestor_weight = 0.15;  // the parent's title, relative to the goal's own terms (leave-subjects-out choice)
  double ancestor_decay = 0.5;    // every further ancestor: times this
  std::size_t max_ancestors = 3;
  // A goal whose description is longer than its title has its title's terms once more, at
  // this weight (a title field weight, as BM25F gives one). A werkproces or an
  // authored goal holds a short title and thousands of characters of
  // description; without it the title's words drown, and "Ondersteunen bij
  // persoonlijke verzorging" does not meet "Ondersteunt de cliënt bij de
  // persoonlijke verzorging". Goals with one text, or a short addition to a
  // long title (SLO's), are unchanged.
  double title_weight = 0.5;      // (bench/bench_werkprocessen.py; docs/matching.md)
  // Share of the character n-gram channel in the combined cosine (0: words only).
  double char_weight = 0.3;       // (leave-subjects-out choice)
  // List weights: a feature's corpus idf is multiplied by its idf within the
  // list being aligned, to this power (0: off). Words that nearly every goal
  // of one list repeats ("in contexten herkennen en toepassen" opening every
  // specification of a syllabus) say nothing about which goal matches which,
  // however rare they are in the corpus.
  double list_idf = 0.5;          // (leave-subjects-out choice)
  // Each list weighted by its own statistics (true) or both by their union (false).
  bool list_idf_per_side = false;
};

// Document frequencies of features over the own texts of one list of goals.
struct ListStats {
  std::unordered_map<std::uint32_t, std::uint32_t> df;
  std::size_t documents = 0;
  double idf(std::uint32_t id) const;  // BM25's idf within the list
  void merge(const ListStats& other);
};

// Vectors of a list of goals in one term space.
struct GoalVectors {
  match::SparseMatrix rows;  // both channels, own text + ancestor context; unit length
  match::SparseMatrix own;   // word terms of the own text only, BM25-weighted, not normalised (containment, exactness)
  // For explanations: the word as written in the goal for each of its own terms,
  // and as its headings write the terms only they have.
  std::vector<std::unordered_map<std::uint32_t, std::string>> forms;
};

class Vectoriser {
 public:
  Vectoriser(const Catalogue& catalogue, const text::Analyser& analyser, VectorOptions options = {});

  // Vectors of `goals`, in that order. Terms the analyser never saw get new ids
  // (with the idf of an unseen term); the term space grows across calls.
  GoalVectors vectorise(const std::vector<Vertex>& goals, const ListStats* list = nullptr);
  // Feature statistics of a list (for VectorOptions::list_idf).
  ListStats list_stats(const std::vector<Vertex>& goals);

  // Size of the feature space (word terms and grams) so far.
  std::size_t terms() const { return analyser_.vocabulary().size() + analyser_.gram_vocabulary().size() + extra_.size(); }
  // Display form of a term id (a corpus word form; a gram is shown as itself).
  std::string term_display(std::uint32_t id) const;
  // Whether the id is a word term (not a character n-gram).
  bool is_word(std::uint32_t id) const;
  // Ids of the corpus's grams form the range [gram_begin, gram_end); unseen
  // words and grams come after it.
  std::uint32_t gram_begin() const { return static_cast<std::uint32_t>(analyser_.vocabulary().size()); }
  std::uint32_t gram_end() const {
    return static_cast<std::uint32_t>(analyser_.vocabulary().size() + analyser_.gram_vocabulary().size());
  }

 private:
  using Entries = std::vector<std::pair<std::uint32_t, float>>;
  // A text analysed once per vectoriser (ancestor titles and targets repeat).
  struct Analysed {
    std::vector<text::Term> terms;
    std::vector<std::uint32_t> term_ids;  // parallel to terms
    std::vector<std::uint32_t> gram_ids;
  };
  const Analysed& analysed(const std::string& text);
  std::uint32_t term_id(const std::string& stem);
  std::uint32_t gram_id(const std::string& gram);
  double idf(std::uint32_t id) const;  // corpus idf, times the list idf when a list is set
  double corpus_idf(std::uint32_t id) const;
  // BM25-weighted terms of one text, added to `out` with factor `scale`.
  void add_text(const std::string& text, double scale, Entries& out,
                std::unordered_map<std::uint32_t, std::string>* forms);
  // Idf-weighted grams (sublinear term frequency) of one text, added with factor `scale`.
  void add_grams(const std::string& text, double scale, Entries& out);

  const Catalogue& catalogue_;
  const text::Analyser& analyser_;
  VectorOptions options_;
  const ListStats* list_ = nullptr;  // during vectorise()
  std::unordered_map<std::string, Analysed> cache_;
  // Features the corpus never saw; grams are keyed with a leading '\x01'.
  std::unordered_map<std::string, std::uint32_t> extra_ids_;
  std::vector<std::string> extra_;
};

// Cosine of two rows of (possibly different) matrices in one term space.
double row_dot(const match::SparseMatrix& a, std::size_t i, const match::SparseMatrix& b, std::size_t j);

}  // namespace aansluiting::align
