#pragma once
// Comparison of two variants of a transition that share the receiving side,
// e.g. vmbo gl versus tl, or tl with versus without Technologie & Toepassing.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "aansluiting/analysis/transition.hpp"

namespace aansluiting::analysis {

struct StatusChange {
  Vertex goal = 0;
  // The analysis (pair) whose result decides: the one giving the status after
  // for closed and improved goals, the status before for opened and worsened.
  std::size_t pair = 0;
  Vertex domain = 0;
  Status before = Status::Gap;
  Status after = Status::Gap;
  double coverage_before = 0.0;
  double coverage_after = 0.0;
  // The strongest usable link that only `after` has (what closes a gap or
  // raises a goal to covered) and the strongest that only `before` has (what a
  // gap that opens, or a goal that drops to partly, loses). A reader checks
  // these before trusting a what-if.
  std::optional<Support> gained;
  std::optional<Support> lost;
  // Closed and improved goals: the status after rests on capped links
  // (Support::capped, the goals share one distinctive word) that only `after`
  // has; without them the goal would not reach it. Weak evidence for a what-if.
  bool capped = false;
  // Every pair in which the goal's own status changes the way this row says
  // (better for closed and improved, worse for opened and worsened), in pair
  // order. A goal two qualifications share is one row; a reader of one
  // qualification must still find it (a user test: the second qualification's
  // closed gaps were listed under the first only).
  std::vector<std::size_t> pairs;
};

struct DomainChange {
  Vertex domain = 0;
  std::size_t pair = 0;       // the analysis (pair) the domain belongs to
  double share_before = 0.0;  // DomainCoverage::coverage_share
  double share_after = 0.0;
  double mean_before = 0.0;   // DomainCoverage::mean_coverage
  double mean_after = 0.0;
  std::size_t gaps_before = 0;
  std::size_t gaps_after = 0;
  double share_delta() const { return share_after - share_before; }
  double mean_delta() const { return mean_after - mean_before; }
};

// A sending leaf only one side of a comparison has.
struct SendingOnly : SendingTotal {
  // The other side has the goal's programme (SendingTotal::root) too: the goal is
  // another leerweg's, not one of a programme the variant adds. A variant of tl
  // that also added T&T and ITTL counted their 64 goals as tl's own (a user test).
  bool programme_on_both_sides = false;
};

struct Comparison {
  // Receiving leaves present in both analyses (others are counted below).
  std::vector<StatusChange> closed;   // gap before, not a gap after
  std::vector<StatusChange> opened;   // not a gap before, gap after
  // The other changes of status, which the counts show but closed/opened miss:
  std::vector<StatusChange> improved;  // partly before, covered after
  std::vector<StatusChange> worsened;  // covered before, partly after
  std::vector<StatusChange> changed;  // every leaf whose status differs (the four lists above together)
  std::vector<DomainChange> domains;  // receiving domains present in both, in `before` order
  Summary before;
  Summary after;
  std::size_t only_before = 0;  // receiving leaves only in `before`
  std::size_t only_after = 0;
  // Of `closed` and of `improved`: the changes that rest on capped links (StatusChange::capped).
  std::size_t closed_capped = 0;
  std::size_t improved_capped = 0;
  // Sending leaves that only `after` has (the goals of a programme a variant
  // adds) and that lead nowhere in it, counted as total_summary counts them
  // (nowhere in every pair): what an author of the added programme looks for.
  std::vector<SendingTotal> new_nowhere;
  // Sending leaves only one side has, in the order first met: what a variant of
  // another leerweg lacks or adds (gl against tl: three biology eindtermen of tl
  // only; a user test found the gl section saying "Geen" everywhere), and the
  // goals of a programme a variant adds.
  std::vector<SendingOnly> sending_only_before;
  std::vector<SendingOnly> sending_only_after;
};

Comparison compare(const TransitionAnalysis& before, const TransitionAnalysis& after);

// A whole transition: the pairs of `before` and `after` correspond by index.
// Each receiving leaf counts once, with its best status and coverage over the
// pairs it is in, as total_summary counts it; so the changes add up to the
// difference of the summaries even where pairs share goals (the basisdeel of
// two mbo qualifications). Domains stay per pair.
Comparison compare(std::span<const TransitionAnalysis* const> before,
                   std::span<const TransitionAnalysis* const> after);

}  // namespace aansluiting::analysis
