#pragma once
// The result of aligning two goal sets: links from source goals to target
// goals with a score, a SKOS predicate and an explanation. This is the
// contract between the matcher (which produces links) and the transition
// analysis and curation (which consume and override them).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aansluiting/goal_graph.hpp"

namespace aansluiting::match {

enum class Predicate : std::uint8_t {
  ExactMatch,    // skos:exactMatch
  CloseMatch,    // skos:closeMatch
  BroadMatch,    // skos:broadMatch  (target is broader than source)
  NarrowMatch,   // skos:narrowMatch (target is narrower than source)
  RelatedMatch,  // skos:relatedMatch
};

// CURIEs ("skos:exactMatch", ...): analysis::sssom_predicate_id / parse_sssom_predicate.

// Who decided a link.
enum class Origin : std::uint8_t {
  Automatic,  // produced by the matcher
  Confirmed,  // a curator confirmed it (always kept)
  Rejected,   // a curator rejected it (never comes back)
};

struct Link {
  Vertex source = 0;
  Vertex target = 0;
  double score = 0.0;       // 0..1
  Predicate predicate = Predicate::RelatedMatch;
  Origin origin = Origin::Automatic;
  std::vector<std::string> shared_terms;   // terms of both goals' own texts that carried the score, strongest first
  std::vector<std::string> context_terms;  // terms that carried it but reach a goal only through its headings
  std::string explanation;                // human-readable: terms, structure evidence
  // The matcher lowered the score because the goals' own texts share fewer than two
  // distinctive words (AlignOptions::single_term_cap): weak evidence, whatever the score.
  // Never set on a confirmed link: a curator vouched for it.
  bool capped = false;
  // A curated link's own words, as the curator wrote them: an export gives them back unchanged.
  struct CuratorNote {
    std::string comment, author_id, author_label, date;
  } curator;
};

struct Alignment {
  std::vector<Link> links;  // sorted by source, then by descending score
};

// Puts links in the Alignment order (by source, then by descending score);
// stable, so links of equal score keep the order they were made in.
void sort_links(std::vector<Link>& links);

// The links of several alignments (a transition's programme pairs) as one,
// each (source, target) pair once (the first met), in the Alignment order.
Alignment join_alignments(const std::vector<const Alignment*>& parts);

}  // namespace aansluiting::match
