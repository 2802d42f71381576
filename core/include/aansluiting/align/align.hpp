#pragma once
// Aligning two lists of goals: lexical candidates from the similarity join,
// refined with structural evidence (parents, order), selected one-to-one or
// one-to-many, each link with a SKOS predicate and an explanation.

#include <atomic>
#include <cstddef>
#include <functional>
#include <vector>

#include "aansluiting/align/structure.hpp"
#include "aansluiting/align/vectoriser.hpp"
#include "aansluiting/catalogue.hpp"
#include "aansluiting/match/alignment.hpp"
#include "aansluiting/text/analyser.hpp"

namespace aansluiting::align {

enum class Selection {
  OneToMany,  // per source, its best targets (up to max_links_per_source)
  OneToOne,   // each source and each target in at most one link (greedy on score)
};

struct PredicateOptions {
  double exact = 0.95;    // own-text cosine for skos:exactMatch
  double close = 0.45;    // combined score for closeMatch / broad / narrow; below: relatedMatch
  // closeMatch ("vrijwel gelijk") also needs this much; a link between `close`
  // and `same` of two goals of one granularity is relatedMatch, explained as
  // "Duidelijk verwant" (0: `close` decides alone).
  double same = 0.0;
  double contained = 0.8; // share of one goal's term weight found in the other: containment
};

struct AlignOptions {
  std::size_t top_k = 20;            // lexical candidates per source from the join
  double min_score = 0.05;           // links scoring lower are dropped
  Selection selection = Selection::OneToMany;
  std::size_t max_links_per_source = 3;
  // A link whose goals' own texts share fewer than two words (stems of words
  // of their own: not the headings' words, nor the parts of a compound)
  // scores at most this, before links are selected: one shared word,
  // "werkzaamheden" or "hulpmiddelen", says too little for a strong link
  // (1: no cap).
  double single_term_cap = 1.0;
  // For that count, a word in more than `stock_share` of the goals of one side
  // under one root (in a transition: one programme or qualification), and in at
  // least `stock_min_goals` of them, is that programme's stock phrase, not
  // evidence ("in relatie tot haar werkzaamheden"; 1: off).
  double stock_share = 0.2;
  std::size_t stock_min_goals = 16;
  // A link whose goals share no such word at all scores at most the cap less
  // this: below "deels gedekt" when the cap is that threshold.
  double no_word_margin = 0.01;
  VectorOptions vectors;
  StructureOptions structure;
  PredicateOptions predicates;
  // Built from the whole catalogue when null; pass one to reuse it across calls.
  const text::Analyser* analyser = nullptr;
  unsigned threads = 0;
  std::function<void(std::size_t, std::size_t)> progress;  // passed to the join
  const std::atomic<bool>* cancel = nullptr;               // join throws match::Cancelled
};

// `sources` and `targets` in document order (e.g. GoalGraph::subtree order):
// the order model reads their positions.
match::Alignment align(const Catalogue& catalogue, const std::vector<Vertex>& sources,
                       const std::vector<Vertex>& targets, const AlignOptions& options = {});

// What align() learned about the pair of lists, for reports and benchmarks.
struct AlignDiagnostics {
  OrderEvidence order;
  std::size_t candidates = 0;
};
match::Alignment align(const Catalogue& catalogue, const std::vector<Vertex>& sources,
                       const std::vector<Vertex>& targets, const AlignOptions& options,
                       AlignDiagnostics& diagnostics);

}  // namespace aansluiting::align
