#pragma once
// SKOS predicate of a link from its scores, the goals' hierarchy levels and
// text containment. Internal to the aligner.

#include "aansluiting/align/align.hpp"

namespace aansluiting::align::detail {

// How general a kind of goal is: 0 programme/dossier ... 4 specification.
int granularity(GoalKind kind);

struct PairEvidence {
  double combined = 0.0;        // final score
  double own_cosine = 0.0;      // cosine of the two own texts (no ancestor context)
  double source_in_target = 0.0;  // share of the source's term weight found in the target
  double target_in_source = 0.0;
};

match::Predicate choose_predicate(const Goal& source, const Goal& target, const PairEvidence& e,
                                  const PredicateOptions& options);

}  // namespace aansluiting::align::detail
