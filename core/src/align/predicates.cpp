#include "predicates.hpp"

namespace aansluiting::align::detail {

int granularity(GoalKind kind) {
  switch (kind) {
    case GoalKind::Programme: case GoalKind::Syllabus: case GoalKind::Dossier:
    case GoalKind::Qualification: case GoalKind::Framework: case GoalKind::LevelNode:
      return 0;
    case GoalKind::Domain: case GoalKind::Kerntaak: case GoalKind::Topic:
      return 1;
    case GoalKind::Subdomain: case GoalKind::Werkproces:
      return 2;
    case GoalKind::Eindterm: case GoalKind::KnowledgeSkill: case GoalKind::Goal:
      return 3;
    case GoalKind::Specification: case GoalKind::Explanation: case GoalKind::Concept:
      return 4;
  }
  return 3;
}

match::Predicate choose_predicate(const Goal& source, const Goal& target, const PairEvidence& e,
                                  const PredicateOptions& o) {
  using match::Predicate;
  if (e.own_cosine >= o.exact) return Predicate::ExactMatch;
  if (e.combined < o.close) return Predicate::RelatedMatch;
  // A specification is narrower than the eindterm it specifies: the target is broader.
  const int gs = granularity(source.kind), gt = granularity(target.kind);
  if (gt < gs) return Predicate::BroadMatch;
  if (gt > gs) return Predicate::NarrowMatch;
  // Same level: the goal whose terms are contained in the other is the narrower one.
  const bool s_in_t = e.source_in_target >= o.contained, t_in_s = e.target_in_source >= o.contained;
  if (s_in_t && !t_in_s) return Predicate::BroadMatch;
  if (t_in_s && !s_in_t) return Predicate::NarrowMatch;
  return e.combined >= o.same ? Predicate::CloseMatch : Predicate::RelatedMatch;
}

}  // namespace aansluiting::align::detail
